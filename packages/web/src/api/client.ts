import type { InvalidParam } from "@ploegwerk/domain";
import type { z } from "zod";

/** The problem+json body (RFC 9457) the API answers with when something goes wrong. */
export interface ProblemBody {
  status: number;
  code: string;
  reason: string | undefined;
  title: string | undefined;
  detail: string | undefined;
  invalidParams: InvalidParam[];
}

/**
 * An answer other than 2xx. Carries the problem+json fields so pages can match on the stable
 * `code` and `reason` (never on message text) and place `invalidParams` next to the right field.
 */
export class ApiError extends Error implements ProblemBody {
  readonly status: number;
  readonly code: string;
  readonly reason: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly invalidParams: InvalidParam[];

  constructor(body: ProblemBody) {
    super(body.detail ?? body.title ?? `HTTP ${body.status}`);
    this.name = "ApiError";
    this.status = body.status;
    this.code = body.code;
    this.reason = body.reason;
    this.title = body.title;
    this.detail = body.detail;
    this.invalidParams = body.invalidParams;
  }

  /** True for a 409 with the given reason, e.g. `isConflict("stale_version")`. */
  isConflict(reason: string): boolean {
    return this.status === 409 && this.reason === reason;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Network failure or an answer that does not match the contract. */
export function networkProblem(detail: string): ApiError {
  return new ApiError({ status: 0, code: "network", reason: undefined, title: undefined, detail, invalidParams: [] });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readInvalidParams(value: unknown): InvalidParam[] {
  if (!Array.isArray(value)) return [];
  const out: InvalidParam[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.name === "string") {
      out.push({ name: item.name, reason: typeof item.reason === "string" ? item.reason : "" });
    }
  }
  return out;
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400: return "invalid";
    case 401: return "unauthenticated";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 409: return "conflict";
    case 429: return "rate_limited";
    default: return status >= 500 ? "internal" : "unknown";
  }
}

export function problemFrom(status: number, body: unknown): ApiError {
  const b = isRecord(body) ? body : {};
  const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
  return new ApiError({
    status,
    code: str(b.code) ?? codeForStatus(status),
    reason: str(b.reason),
    title: str(b.title),
    detail: str(b.detail),
    invalidParams: readInvalidParams(b.invalidParams),
  });
}

/** The language the API should answer problem details in; set by the i18n module. */
let acceptLanguage = "nl";
export function setApiLanguage(lang: string): void {
  acceptLanguage = lang;
}

/** Called on every 401 from a request other than the log-in itself, so the app can show the log-in page. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions<S extends z.ZodType> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Query;
  body?: unknown;
  /** The contract of the answer; the answer is checked against it. */
  schema?: S;
  /** Do not call the global 401 handler (for the session probe and the log-in form). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Calls the API. Resolves with the parsed answer (checked against `schema` when given),
 * `undefined` for 204, and rejects with an ApiError for every non-2xx answer.
 */
export async function request<S extends z.ZodType>(path: string, options: RequestOptions<S> & { schema: S }): Promise<z.output<S>>;
export async function request(path: string, options?: RequestOptions<z.ZodType>): Promise<unknown>;
export async function request(path: string, options: RequestOptions<z.ZodType> = {}): Promise<unknown> {
  const { method = "GET", query, body, schema, quiet401 = false, signal } = options;
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    "Accept-Language": acceptLanguage === "en" ? "en, nl;q=0.5" : "nl, en;q=0.5",
  };
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkProblem(error instanceof Error ? error.message : String(error));
  }

  const text = response.status === 204 ? "" : await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }

  if (!response.ok) {
    const error = problemFrom(response.status, parsed);
    if (response.status === 401 && !quiet401) onUnauthenticated?.();
    throw error;
  }
  if (!schema) return parsed;
  const result = schema.safeParse(parsed);
  if (!result.success) {
    console.error(`Answer of ${method} ${path} does not match the contract`, result.error.issues);
    throw networkProblem(`${method} ${path}: answer does not match the contract`);
  }
  return result.data;
}
