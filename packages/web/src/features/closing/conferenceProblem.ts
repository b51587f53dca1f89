import type { TFunction } from "i18next";
import { fieldErrorsFrom } from "../../api/fieldErrors.ts";
import { formProblem, type FormProblem } from "../plans/formProblem.ts";
import { serverReason } from "../plans/serverReasons.ts";

/**
 * The API words the Eigen Kracht-conferentie's field errors in English. In the Dutch interface the
 * reasons of this register are said in plain Dutch; the others go through the plan's list.
 */
type Say = (t: TFunction, m: RegExpExecArray, date: (iso: string) => string) => string;

const KNOWN: readonly [RegExp, Say][] = [
  [/give the reason the conference was called off/, (t) => t("closing.ekc.errors.statusReason")],
  [/give the date the conference was held/, (t) => t("closing.ekc.errors.heldOn")],
  [/only a held conference has a date held/, (t) => t("closing.ekc.errors.heldOnNotHeld")],
  [/the network plan is made at the conference/, (t) => t("closing.ekc.errors.agreementsNotHeld")],
  [/on or after the conference \(([\d-]+)\)/, (t, m, date) => t("closing.ekc.errors.beforeHeldOn", { date: date(m[1] ?? "") })],
  [/give the date of the follow-up call/, (t) => t("closing.ekc.errors.followUpOn")],
  [/follow-up calls come after a held conference/, (t) => t("closing.ekc.errors.followUpNotHeld")],
  [/an agreement needs an owner/, (t) => t("closing.ekc.errors.ownerRequired")],
  [/there is no family plan yet/, (t) => t("closing.ekc.toPlan.noPlan")],
  [/already an action in the family plan/, (t) => t("closing.ekc.toPlan.errors.alreadyIn")],
  [/not an agreement of this conference/, (t) => t("closing.ekc.toPlan.errors.notThisConference")],
  [/an agreement is listed twice/, (t) => t("closing.ekc.toPlan.errors.twice")],
];

export function conferenceReason(reason: string, t: TFunction, lang: string, date: (iso: string) => string = (iso) => iso): string {
  if (lang === "en") return reason;
  for (const [pattern, say] of KNOWN) {
    const m = pattern.exec(reason);
    if (m) return say(t, m, date);
  }
  return serverReason(reason, t, lang);
}

/** As formProblem, with this register's reasons in Dutch; `date` formats a date named in a reason. */
export function conferenceProblem(error: unknown, t: TFunction, lang: string, date?: (iso: string) => string): FormProblem {
  const p = formProblem(error, t, lang);
  if (Object.keys(p.fields).length === 0) return p;
  const fields = Object.fromEntries(Object.entries(fieldErrorsFrom(error)).map(([name, reason]) => [name, conferenceReason(reason, t, lang, date)]));
  return { ...p, fields };
}
