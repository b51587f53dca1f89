import type { TFunction } from "i18next";
import { isApiError } from "../../api/client.ts";
import { fieldErrorsFrom, problemMessage, type FieldErrors } from "../../api/fieldErrors.ts";

/** What went wrong with a change to a trajectory, sorted for the form that made it. */
export interface ActionProblem {
  /** Field errors of a 400 answer, by field name without the "referral." prefix. */
  fields: FieldErrors;
  /** A sentence for everything that is not about one field (refused move, decided meanwhile …). */
  message: string | null;
  /** Someone else changed the trajectory meanwhile: reload before trying again. */
  stale: boolean;
}

/** Conflicts that mean "what you see is out of date", not "what you ask is wrong". */
const STALE_REASONS = ["stale_version", "referral_decided", "feedback_recorded"];

export function actionProblem(error: unknown, t: TFunction, prefix = ""): ActionProblem {
  if (isApiError(error) && error.status === 409 && error.reason && STALE_REASONS.includes(error.reason)) {
    return { fields: {}, message: error.reason === "stale_version" ? null : problemMessage(error, t), stale: true };
  }
  if (isApiError(error) && error.status === 400 && error.invalidParams.length > 0) {
    const fields: FieldErrors = {};
    for (const [name, reason] of Object.entries(fieldErrorsFrom(error))) {
      fields[prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name] = reason;
    }
    return { fields, message: null, stale: false };
  }
  // A refused move (409 with the refusal codes as invalidParams) reads best as the server's sentence.
  return { fields: {}, message: problemMessage(error, t), stale: false };
}

export const noProblem: ActionProblem = { fields: {}, message: null, stale: false };
