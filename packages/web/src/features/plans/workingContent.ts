import type { PlanContent, PlanVersionDetail } from "@ploegwerk/domain";

/** A version's content with, for the plan in force, each action's effective status written in. */
export function workingContentOf(detail: PlanVersionDetail): PlanContent {
  const effective = new Map((detail.actions ?? []).map((a) => [a.actionId, a]));
  return {
    ...detail.content,
    goals: detail.content.goals.map((g) => ({
      ...g,
      actions: g.actions.map((a) => {
        const e = effective.get(a.id);
        return e ? { ...a, status: e.status, cancelReason: e.cancelReason } : a;
      }),
    })),
  };
}

/** A chain partner's contact as the plan names them; `partnerOrganisationId` when the organisation is registered. */
export interface PlanPartnerContact {
  organisation: string;
  contactName: string;
  contact: string | null;
  partnerOrganisationId: string | null;
}

/** The chain partners' contacts named as owners in the plan, once each (keeping the link to a registered organisation). */
export function partnerContactsOf(content: PlanContent | null): PlanPartnerContact[] {
  const out = new Map<string, PlanPartnerContact>();
  for (const g of content?.goals ?? []) {
    for (const a of g.actions) {
      if (a.owner.kind !== "partnerContact") continue;
      const key = `${a.owner.organisation.toLowerCase()}|${a.owner.contactName.toLowerCase()}`;
      const seen = out.get(key);
      if (!seen || (seen.partnerOrganisationId === null && a.owner.partnerOrganisationId !== null)) {
        out.set(key, { organisation: a.owner.organisation, contactName: a.owner.contactName, contact: a.owner.contact, partnerOrganisationId: a.owner.partnerOrganisationId });
      }
    }
  }
  return [...out.values()];
}
