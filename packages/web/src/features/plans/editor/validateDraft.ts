import type { Deviation } from "@ploegwerk/domain";
import type { TFunction } from "i18next";
import type { FieldErrors } from "../../../api/fieldErrors.ts";
import { ownerErrors } from "../OwnerPicker.tsx";
import type { PlanDraft } from "./draft.ts";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The plan's rules as the server checks them (planValidation, planDeviation), in plain words next
 * to the field: texts filled in, an owner for every action, no date before the plan's start, a
 * reason for every vervallen action and for every deviation from the signed plan.
 */
export function validateDraft(d: PlanDraft, deviations: readonly Deviation[], reasons: Readonly<Record<string, string>>, t: TFunction, formatDate: (iso: string) => string): FieldErrors {
  const e: FieldErrors = {};
  const start = ISO.test(d.startDate) ? d.startDate : null;
  if (!start) e.startDate = t("plan.errors.startDate");
  const notBefore = (date: string, name: string, required: boolean) => {
    if (!date) {
      if (required) e[name] = t("plan.errors.dueDate");
    } else if (!ISO.test(date)) e[name] = t("plan.errors.date");
    else if (start && date < start) e[name] = t("plan.errors.beforeStart", { date: formatDate(start) });
  };

  d.overallGoals.forEach((g, i) => {
    if (!g.description.trim()) e[`overallGoals.${i}.description`] = t("plan.errors.overallDescription", { number: i + 1 });
    notBefore(g.targetDate, `overallGoals.${i}.targetDate`, false);
  });

  const seen = new Set<string>();
  d.participation.forEach((p, i) => {
    if (!p.memberId) e[`participation.${i}.memberId`] = t("plan.errors.ladderMember");
    else if (seen.has(p.memberId)) e[`participation.${i}.memberId`] = t("plan.errors.ladderTwice");
    seen.add(p.memberId);
    if (!p.currentStep) e[`participation.${i}.currentStep`] = t("plan.errors.step");
    if (!p.targetStep) e[`participation.${i}.targetStep`] = t("plan.errors.step");
    else if (p.currentStep && Number(p.targetStep) < Number(p.currentStep)) e[`participation.${i}.targetStep`] = t("plan.errors.ladderDown");
  });

  d.goals.forEach((g, gi) => {
    const path = `goals.${gi}`;
    if (!g.domain) e[`${path}.domain`] = t("plan.errors.domain", { number: gi + 1 });
    if (!g.description.trim()) e[`${path}.description`] = t("plan.errors.goalDescription", { number: gi + 1 });
    notBefore(g.targetDate, `${path}.targetDate`, false);
    g.actions.forEach((a, ai) => {
      const ap = `${path}.actions.${ai}`;
      const n = `${gi + 1}.${ai + 1}`;
      if (!a.description.trim()) e[`${ap}.description`] = t("plan.errors.actionDescription", { number: n });
      Object.assign(e, ownerErrors(a, ap, n, t));
      if (!a.dueDate) e[`${ap}.dueDate`] = t("plan.errors.actionDueDate", { number: n });
      else notBefore(a.dueDate, `${ap}.dueDate`, true);
      if (a.status === "cancelled" && !a.cancelReason.trim()) e[`${ap}.cancelReason`] = t("plan.errors.cancelReason");
    });
  });

  for (const dv of deviations) {
    if (!(reasons[dv.id] ?? "").trim()) e[`deviations.${dv.id}`] = dv.change === "removed" ? t("plan.errors.removedReason") : t("plan.errors.deviationReason");
  }
  return e;
}

/** Every field name of the form in reading order, for the error summary and to place server errors. */
export function fieldOrder(d: PlanDraft, deviations: readonly Deviation[]): string[] {
  const dated = new Map(deviations.filter((x) => x.change !== "removed").map((x) => [x.id, `deviations.${x.id}`]));
  const reasonOf = (id: string) => (dated.has(id) ? [dated.get(id) ?? ""] : []);
  return [
    "startDate",
    ...d.overallGoals.flatMap((g, i) => [`overallGoals.${i}.description`, `overallGoals.${i}.targetDate`, ...reasonOf(g.id)]),
    ...d.participation.flatMap((_, i) => [`participation.${i}.memberId`, `participation.${i}.currentStep`, `participation.${i}.targetStep`]),
    ...d.goals.flatMap((g, gi) => [
      `goals.${gi}.domain`, `goals.${gi}.memberIds`, `goals.${gi}.description`, `goals.${gi}.targetDate`, ...reasonOf(g.id),
      ...g.actions.flatMap((a, ai) => {
        const ap = `goals.${gi}.actions.${ai}`;
        return [`${ap}.description`, `${ap}.owner`, `${ap}.owner.memberId`, `${ap}.owner.networkPersonId`, `${ap}.owner.userId`, `${ap}.owner.partnerOrganisationId`, `${ap}.owner.organisation`, `${ap}.owner.contactName`, `${ap}.owner.contact`, `${ap}.dueDate`, ...reasonOf(a.id), `${ap}.status`, `${ap}.cancelReason`, `${ap}.interventionId`];
      }),
      `goals.${gi}.actions`,
    ]),
    ...deviations.filter((x) => x.change === "removed").map((x) => `deviations.${x.id}`),
  ];
}
