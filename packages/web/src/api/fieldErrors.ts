import type { TFunction } from "i18next";
import { isApiError } from "./client.ts";

/** Field errors by field name ("members.0.bsn"), from the invalidParams of a 400 answer. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsFrom(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!isApiError(error)) return out;
  for (const p of error.invalidParams) {
    // "body.members.0.bsn" and "/members/0/bsn" both become "members.0.bsn"
    const name = p.name.replace(/^\/+/, "").replace(/\//g, ".").replace(/^body\./, "");
    // A refused password (reason password_common, password_personal, …) comes with a message in
    // the user's language; the parameter's own reason is for developers.
    const message = error.reason?.startsWith("password_") && error.detail ? error.detail : p.reason;
    if (!(name in out)) out[name] = message;
  }
  return out;
}

/** One sentence for an error that is not about one field. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t("errors.generic");
  if (error.status === 0) return t("errors.network");
  switch (error.code) {
    case "unauthenticated":
      return t("errors.unauthenticated");
    case "forbidden":
      return t("errors.forbidden");
    case "not_found":
      return t("errors.notFound");
    case "rate_limited":
      return t("errors.rateLimited");
    case "internal":
      return t("errors.generic");
    default:
      return error.detail ?? t("errors.generic");
  }
}
