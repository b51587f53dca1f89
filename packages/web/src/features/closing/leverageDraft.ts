import type { Lever, Leverage, LeverageKind, NewLeverageInput } from "@ploegwerk/domain";
import type { TFunction } from "i18next";

/** The fields of a dwang of drang entry, in form order (also the order of the error summary). */
export const LEVERAGE_FIELDS = ["lever", "kind", "party", "condition", "startsOn", "endsOn", "outcome"] as const;
export type LeverageField = (typeof LEVERAGE_FIELDS)[number];

/** A dwang or drang entry as the form holds it: every value a string, "" when not chosen or empty. */
export interface LeverageDraft {
  lever: Lever | "";
  kind: LeverageKind | "";
  party: string;
  condition: string;
  startsOn: string;
  endsOn: string;
  outcome: string;
}

export const emptyLeverageDraft: LeverageDraft = { lever: "", kind: "", party: "", condition: "", startsOn: "", endsOn: "", outcome: "" };

/** The form's values for an entry that is being changed. */
export function leverageDraftOf(l: Leverage): LeverageDraft {
  return { lever: l.lever, kind: l.kind, party: l.party, condition: l.condition, startsOn: l.startsOn, endsOn: l.endsOn ?? "", outcome: l.outcome ?? "" };
}

/** The checks the browser can do before sending; the server checks the same and more. */
export function leverageErrors(d: LeverageDraft, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.lever) e.lever = t("closing.leverages.errors.lever");
  if (!d.kind) e.kind = t("closing.leverages.errors.kind");
  if (!d.party.trim()) e.party = t("closing.leverages.errors.party");
  if (!d.condition.trim()) e.condition = t("closing.leverages.errors.condition");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.startsOn)) e.startsOn = t("plan.errors.date");
  if (d.endsOn && !/^\d{4}-\d{2}-\d{2}$/.test(d.endsOn)) e.endsOn = t("plan.errors.date");
  else if (d.endsOn && d.startsOn && d.endsOn < d.startsOn) e.endsOn = t("closing.leverages.errors.endsOn");
  return e;
}

/** The request body for a checked draft (the same for a new entry and, with its version, for an edit). */
export function leverageBody(d: LeverageDraft): NewLeverageInput {
  return {
    lever: d.lever || "other",
    kind: d.kind || "drang",
    party: d.party.trim(),
    condition: d.condition.trim(),
    startsOn: d.startsOn,
    endsOn: d.endsOn || null,
    outcome: d.outcome.trim() || null,
  };
}
