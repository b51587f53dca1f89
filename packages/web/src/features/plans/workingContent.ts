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

/** The chain partners' contacts named as owners in the plan, once each. */
export function partnerContactsOf(content: PlanContent | null): { organisation: string; contactName: string; contact: string | null }[] {
  const out = new Map<string, { organisation: string; contactName: string; contact: string | null }>();
  for (const g of content?.goals ?? []) {
    for (const a of g.actions) {
      if (a.owner.kind !== "partnerContact") continue;
      const key = `${a.owner.organisation.toLowerCase()}|${a.owner.contactName.toLowerCase()}`;
      if (!out.has(key)) out.set(key, { organisation: a.owner.organisation, contactName: a.owner.contactName, contact: a.owner.contact });
    }
  }
  return [...out.values()];
}
