import type { MemberRole } from "../contracts/family.ts";
import type { InvalidParam } from "../errors.ts";
import type { ActionOwner, PlanContent } from "./planContract.ts";

/** What plan validation needs to know about the family and its instrument. */
export interface PlanFamilyContext {
  members: readonly { id: string; role: MemberRole }[];
  networkPersonIds: readonly string[];
  /** The domain keys (leefgebieden) of the family's instrument. */
  domainKeys: readonly string[];
  /** Registered chain partner organisations; when given, an owner naming another one is refused. */
  partnerOrganisationIds?: readonly string[];
}

export function planFamilyContext(
  family: { members: readonly { id: string; role: MemberRole }[]; network: readonly { id: string }[] },
  instrument: { domains: readonly { key: string }[] },
): PlanFamilyContext {
  return {
    members: family.members.map((m) => ({ id: m.id, role: m.role })),
    networkPersonIds: family.network.map((n) => n.id),
    domainKeys: instrument.domains.map((d) => d.key),
  };
}

/** Field paths as in the rest of the API's invalidParams: "goals.2.actions.0.dueDate". */
export const fieldPath = (...parts: readonly (string | number)[]): string => parts.join(".");

/**
 * Field errors for plan content against the family and its instrument. Empty = valid. Checks what
 * the schema cannot: leefgebieden exist, members and network persons belong to the family, no date
 * before the plan's start, a reason for every "vervallen" action, no id used twice.
 */
export function validatePlanContent(content: PlanContent, ctx: PlanFamilyContext): InvalidParam[] {
  const errors: InvalidParam[] = [];
  const members = new Set(ctx.members.map((m) => m.id));
  const network = new Set(ctx.networkPersonIds);
  const domains = new Set(ctx.domainKeys);
  const partners = ctx.partnerOrganisationIds ? new Set(ctx.partnerOrganisationIds) : null;
  const seenIds = new Set<string>();
  const unique = (id: string, path: string) => {
    if (seenIds.has(id)) errors.push({ name: fieldPath(path, "id"), reason: `id ${id} is used twice in this plan` });
    seenIds.add(id);
  };
  const notBeforeStart = (date: string | null, path: string, what: string) => {
    if (date !== null && date < content.startDate) errors.push({ name: path, reason: `${what} ${date} lies before the plan's start date ${content.startDate}` });
  };

  content.overallGoals.forEach((g, i) => {
    unique(g.id, fieldPath("overallGoals", i));
    notBeforeStart(g.targetDate, fieldPath("overallGoals", i, "targetDate"), "target date");
  });

  const ladderMembers = new Set<string>();
  content.participation.forEach((p, i) => {
    const path = fieldPath("participation", i);
    if (!members.has(p.memberId)) errors.push({ name: fieldPath(path, "memberId"), reason: "not a member of this family" });
    if (ladderMembers.has(p.memberId)) errors.push({ name: fieldPath(path, "memberId"), reason: "this member already has a participatieladder goal" });
    ladderMembers.add(p.memberId);
    if (p.targetStep < p.currentStep) errors.push({ name: fieldPath(path, "targetStep"), reason: `the goal is to rise on the ladder: the target step may not be below the current step ${p.currentStep}` });
  });

  content.goals.forEach((goal, gi) => {
    const path = fieldPath("goals", gi);
    unique(goal.id, path);
    if (!domains.has(goal.domain)) {
      errors.push({ name: fieldPath(path, "domain"), reason: `'${goal.domain}' is not a leefgebied of ${content.instrumentKey}; use one of: ${ctx.domainKeys.join(", ")}` });
    }
    goal.memberIds.forEach((id, mi) => {
      if (!members.has(id)) errors.push({ name: fieldPath(path, "memberIds", mi), reason: "not a member of this family" });
    });
    notBeforeStart(goal.targetDate, fieldPath(path, "targetDate"), "target date");
    goal.actions.forEach((action, ai) => {
      const apath = fieldPath(path, "actions", ai);
      unique(action.id, apath);
      errors.push(...ownerErrors(action.owner, fieldPath(apath, "owner"), members, network, partners));
      notBeforeStart(action.dueDate, fieldPath(apath, "dueDate"), "due date");
      if (action.status === "cancelled" && !(action.cancelReason ?? "").trim()) {
        errors.push({ name: fieldPath(apath, "cancelReason"), reason: "a cancelled (vervallen) action needs a reason" });
      }
    });
  });
  return errors;
}

function ownerErrors(owner: ActionOwner, path: string, members: ReadonlySet<string>, network: ReadonlySet<string>, partners: ReadonlySet<string> | null): InvalidParam[] {
  switch (owner.kind) {
    case "member":
      return members.has(owner.memberId) ? [] : [{ name: fieldPath(path, "memberId"), reason: "not a member of this family" }];
    case "networkPerson":
      return network.has(owner.networkPersonId) ? [] : [{ name: fieldPath(path, "networkPersonId"), reason: "not in this family's network" }];
    case "coach":
      return [];
    case "partnerContact":
      return owner.partnerOrganisationId !== null && partners !== null && !partners.has(owner.partnerOrganisationId)
        ? [{ name: fieldPath(path, "partnerOrganisationId"), reason: "not a registered chain partner organisation" }]
        : [];
  }
}

/** The family's own actions ("welke acties het gezin zelf zal gaan ondernemen"): owned by a member or the network. */
export function familyOwnActions(content: PlanContent): { goalId: string; actionId: string }[] {
  return content.goals.flatMap((g) =>
    g.actions.filter((a) => a.owner.kind === "member" || a.owner.kind === "networkPerson").map((a) => ({ goalId: g.id, actionId: a.id })),
  );
}

/**
 * What a plan needs before the family can sign it as definitive: at least one goal, an action
 * under every goal, and at least one action the family takes itself. Empty = ready.
 */
export function planReadinessErrors(content: PlanContent): InvalidParam[] {
  const errors: InvalidParam[] = [];
  if (content.goals.length === 0) errors.push({ name: "goals", reason: "a definitive plan has at least one goal" });
  content.goals.forEach((g, i) => {
    if (g.actions.length === 0) errors.push({ name: fieldPath("goals", i, "actions"), reason: "every goal of a definitive plan has at least one action" });
  });
  if (content.goals.length > 0 && familyOwnActions(content).length === 0) {
    errors.push({ name: "goals", reason: "agree at least one action the family (or its network) takes itself" });
  }
  return errors;
}
