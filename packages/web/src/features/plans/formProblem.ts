import type { TFunction } from "i18next";
import { isApiError } from "../../api/client.ts";
import { problemMessage, type FieldErrors } from "../../api/fieldErrors.ts";
import { serverReason } from "./serverReasons.ts";

/** What went wrong with a save, sorted for the form: field errors, a sentence, or "changed meanwhile". */
export interface FormProblem {
  fields: FieldErrors;
  message: string | null;
  /** 409 stale_version: someone else changed the record; reload before trying again. */
  stale: boolean;
  /** The 409's reason code, e.g. "not_allowed_in_phase". */
  reason: string | null;
}

export const noFormProblem: FormProblem = { fields: {}, message: null, stale: false, reason: null };

/** Field names as the form uses them: without "body." and, when given, without a prefix such as "content.". */
export function formProblem(error: unknown, t: TFunction, lang: string, rename: (name: string) => string = (n) => n): FormProblem {
  if (isApiError(error) && error.isConflict("stale_version")) return { fields: {}, message: null, stale: true, reason: "stale_version" };
  if (isApiError(error) && error.status === 400 && error.invalidParams.length > 0) {
    const fields: FieldErrors = {};
    for (const p of error.invalidParams) {
      const name = rename(p.name.replace(/^\/+/, "").replace(/\//g, ".").replace(/^body\./, ""));
      if (!(name in fields)) fields[name] = serverReason(p.reason, t, lang);
    }
    return { fields, message: null, stale: false, reason: null };
  }
  return { fields: {}, message: problemMessage(error, t), stale: false, reason: isApiError(error) ? error.reason ?? null : null };
}

/**
 * Field errors for the names the form shows; an error on a name it does not know goes to the
 * nearest known parent ("goals.0.memberIds.1" → "goals.0.memberIds"), else to `fallback`.
 */
export function placeErrors(fields: FieldErrors, known: readonly string[], fallback: string): FieldErrors {
  const set = new Set(known);
  const out: FieldErrors = {};
  for (const [name, message] of Object.entries(fields)) {
    let target = name;
    while (!set.has(target) && target.includes(".")) target = target.slice(0, target.lastIndexOf("."));
    if (!set.has(target)) target = fallback;
    out[target] = out[target] ? `${out[target]} ${message}` : message;
  }
  return out;
}
