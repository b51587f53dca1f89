import type { LocalizedText } from "./i18n.ts";

/** Stable error codes; clients and tests match on these, never on message text. */
export const ERROR_CODES = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface InvalidParam {
  /** Where: a JSON pointer-like dotted path ("members.0.bsn") or "line 4, column huisvesting". */
  name: string;
  reason: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly invalidParams: InvalidParam[];
  /** A more precise, stable sub-code, e.g. "case_number_taken" or "stale_version". */
  readonly reason: string | undefined;

  constructor(code: ErrorCode, text: LocalizedText, options: { invalidParams?: InvalidParam[]; reason?: string } = {}) {
    super(text.en);
    this.name = "DomainError";
    this.code = code;
    this.text = text;
    this.invalidParams = options.invalidParams ?? [];
    this.reason = options.reason;
  }
}

export const notFound = (what: LocalizedText) =>
  new DomainError("not_found", { nl: `${what.nl} niet gevonden`, en: `${what.en} not found` });

export const forbidden = (text: LocalizedText = { nl: "Dit mag u niet doen", en: "You are not allowed to do this" }) =>
  new DomainError("forbidden", text);

export const invalid = (text: LocalizedText, invalidParams: InvalidParam[] = [], reason?: string) =>
  new DomainError("invalid", text, { invalidParams, ...(reason ? { reason } : {}) });

export const conflict = (text: LocalizedText, reason: string) => new DomainError("conflict", text, { reason });

export const staleVersion = () =>
  conflict(
    {
      nl: "Iemand anders heeft dit intussen gewijzigd. Laad de nieuwste versie en voer uw wijziging opnieuw in.",
      en: "Someone else changed this in the meantime. Load the latest version and make your change again.",
    },
    "stale_version",
  );
