import { FGC_FOLLOW_UPS, isIsoDay, type FamilyGroupConference, type FgcFollowUp, type FgcStatus, type NetworkAgreementOwner, type NewFamilyGroupConferenceInput } from "@ploegwerk/domain";
import type { TFunction } from "i18next";

/*
 * An Eigen Kracht-conferentie as the form holds it (strings, as typed), the body it sends, and the
 * checks made before sending, with their messages. Field names are those of the API
 * ("agreements.0.owner", "followUps.fourWeeks.on"), so the server's field errors land on the same fields.
 */

/** One agreement of the network plan; `id` is kept for agreements the server already knows (the plan refers to it). */
export interface AgreementDraft {
  key: string;
  id: string | null;
  description: string;
  /** "member:<id>" or "networkPerson:<id>"; "" while not chosen. */
  owner: string;
  dueDate: string;
}

export interface FollowUpDraft {
  on: string;
  note: string;
}

export interface ConferenceDraft {
  status: FgcStatus | "";
  statusReason: string;
  coordinator: string;
  heldOn: string;
  agreements: AgreementDraft[];
  followUps: Record<FgcFollowUp, FollowUpDraft>;
}

export const ownerValue = (o: NetworkAgreementOwner): string => (o.kind === "member" ? `member:${o.memberId}` : `networkPerson:${o.networkPersonId}`);

export function ownerOf(value: string): NetworkAgreementOwner | null {
  const at = value.indexOf(":");
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  if (at < 0 || id === "") return null;
  if (kind === "member") return { kind: "member", memberId: id };
  if (kind === "networkPerson") return { kind: "networkPerson", networkPersonId: id };
  return null;
}

export const emptyAgreement = (): AgreementDraft => ({ key: crypto.randomUUID(), id: null, description: "", owner: "", dueDate: "" });

/** The form's start: empty for a new conference, else the record as it is. */
export function draftOf(c: FamilyGroupConference | null): ConferenceDraft {
  const followUp = (k: FgcFollowUp): FollowUpDraft => ({ on: c?.followUps?.[k].on ?? "", note: c?.followUps?.[k].note ?? "" });
  return {
    status: c?.status ?? "",
    statusReason: c?.statusReason ?? "",
    coordinator: c?.coordinator ?? "",
    heldOn: c?.heldOn ?? "",
    agreements: (c?.agreements ?? []).map((a) => ({ key: a.id, id: a.id, description: a.description, owner: ownerValue(a.owner), dueDate: a.dueDate })),
    followUps: { fourWeeks: followUp("fourWeeks"), threeMonths: followUp("threeMonths") },
  };
}

/** Agreements and follow-ups belong to a held conference; they stay in view while any are filled in, so they can be removed. */
export function showsNetworkPlan(d: ConferenceDraft): { agreements: boolean; followUps: boolean } {
  const held = d.status === "held";
  return {
    agreements: held || d.agreements.length > 0,
    followUps: held || FGC_FOLLOW_UPS.some((k) => d.followUps[k].on !== "" || d.followUps[k].note.trim() !== ""),
  };
}

/** The body of POST (new) or PUT (with the version) as the API expects it. */
export function bodyOf(d: ConferenceDraft): NewFamilyGroupConferenceInput {
  const held = d.status === "held";
  const followUp = (k: FgcFollowUp) => ({ on: d.followUps[k].on || null, note: d.followUps[k].note.trim() || null });
  return {
    status: d.status || "discussed",
    statusReason: d.status === "called_off" ? d.statusReason.trim() || null : null,
    coordinator: d.coordinator.trim() || null,
    heldOn: held ? d.heldOn || null : null,
    agreements: d.agreements.map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      description: a.description.trim(),
      // An owner left empty never leaves the browser: the checks stop the save first.
      owner: ownerOf(a.owner) ?? { kind: "member", memberId: "" },
      dueDate: a.dueDate,
    })),
    followUps: { fourWeeks: followUp("fourWeeks"), threeMonths: followUp("threeMonths") },
  };
}

/** Every field name the form shows, for placing the server's field errors. */
export function fieldNames(d: ConferenceDraft): string[] {
  return [
    "status",
    "statusReason",
    "coordinator",
    "heldOn",
    "agreements",
    ...d.agreements.flatMap((_, i) => [`agreements.${i}.description`, `agreements.${i}.owner`, `agreements.${i}.dueDate`]),
    ...FGC_FOLLOW_UPS.flatMap((k) => [`followUps.${k}.on`, `followUps.${k}.note`]),
  ];
}

/** The checks before saving, in plain Dutch (or English): the same rules the server applies. */
export function draftErrors(d: ConferenceDraft, { t, today, date }: { t: TFunction; today: string; date: (iso: string) => string }): Record<string, string> {
  const e: Record<string, string> = {};
  const held = d.status === "held";
  const heldOn = held && isIsoDay(d.heldOn) ? d.heldOn : null;
  if (!d.status) e.status = t("closing.ekc.errors.status");
  if (d.status === "called_off" && !d.statusReason.trim()) e.statusReason = t("closing.ekc.errors.statusReason");
  if (held && !d.heldOn) e.heldOn = t("closing.ekc.errors.heldOn");
  else if (held && !isIsoDay(d.heldOn)) e.heldOn = t("plan.errors.date");
  else if (heldOn && heldOn > today) e.heldOn = t("plan.errors.future");

  if (!held && d.agreements.length > 0) e.agreements = t("closing.ekc.errors.agreementsNotHeld");
  d.agreements.forEach((a, i) => {
    const path = `agreements.${i}`;
    const number = i + 1;
    if (!a.description.trim()) e[`${path}.description`] = t("closing.ekc.errors.agreementDescription", { number });
    if (!ownerOf(a.owner)) e[`${path}.owner`] = t("closing.ekc.errors.agreementOwner", { number });
    if (!a.dueDate) e[`${path}.dueDate`] = t("closing.ekc.errors.agreementDueDate", { number });
    else if (!isIsoDay(a.dueDate)) e[`${path}.dueDate`] = t("plan.errors.date");
    else if (heldOn && a.dueDate < heldOn) e[`${path}.dueDate`] = t("closing.ekc.errors.beforeHeldOn", { date: date(heldOn) });
  });

  for (const k of FGC_FOLLOW_UPS) {
    const f = d.followUps[k];
    const name = `followUps.${k}.on`;
    if (!f.on && f.note.trim()) e[name] = t("closing.ekc.errors.followUpOn");
    else if (!f.on) continue;
    else if (!isIsoDay(f.on)) e[name] = t("plan.errors.date");
    else if (!held) e[name] = t("closing.ekc.errors.followUpNotHeld");
    else if (heldOn && f.on < heldOn) e[name] = t("closing.ekc.errors.beforeHeldOn", { date: date(heldOn) });
    else if (f.on > today) e[name] = t("plan.errors.future");
  }
  return e;
}
