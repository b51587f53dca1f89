import type { TFunction } from "i18next";

/**
 * The API words field errors in English. In the Dutch interface the reasons we know are shown in
 * plain Dutch; anything else keeps the server's words after a Dutch lead-in.
 */
const KNOWN: readonly [RegExp, string][] = [
  [/needs a reason \(planmatig werken\)/, "deviationReason"],
  [/lies before the plan's start date/, "beforeStart"],
  [/not a member of this family/, "notMember"],
  [/not in this family's network/, "notNetwork"],
  [/not a user of this organisation/, "notUser"],
  [/cancelled \(vervallen\) action needs a reason/, "cancelReason"],
  [/already has a participatieladder goal/, "ladderTwice"],
  [/target step may not be below/, "ladderDown"],
  [/not an active entry of this organisation's catalogue/, "intervention"],
  [/is not a leefgebied of/, "domain"],
  [/at least one parent/, "parentSigns"],
  [/at least one family member signs/, "someoneSigns"],
  [/lies before the version was written/, "beforeVersion"],
  [/lies in the future|a date in the future/, "future"],
  [/a definitive plan has at least one goal/, "needGoal"],
  [/every goal of a definitive plan has at least one action/, "needAction"],
  [/agree at least one action the family/, "needFamilyAction"],
  [/write how safe the children were/, "childSafety"],
  [/has not started yet/, "weekNotStarted"],
  [/lies before the trajectory started/, "weekBeforeStart"],
  [/not a goal of the family plan/, "notGoal"],
  [/an action needs an owner/, "owner"],
  [/must be a date/, "date"],
  [/a date and time/, "dateTime"],
  [/is required|fill in|describe/, "required"],
];

export function serverReason(reason: string, t: TFunction, lang: string): string {
  if (lang === "en") return reason;
  for (const [pattern, key] of KNOWN) if (pattern.test(reason)) return t(`plan.serverReasons.${key}` as "plan.serverReasons.required");
  return t("plan.serverReasons.other", { reason });
}
