/** Builders for the plan and MDO API tests: a trajectory with its family's ids, and plan content as a coach writes it. */
import { randomUUID } from "node:crypto";
import { todayInNetherlands, type Phase, type PlanContentInput } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { getFamily } from "../families/families.service.ts";

export async function familyTrajectory(db: Db, actor: Actor, phase: Phase) {
  const { trajectory, familyId } = await makeTrajectory(db, actor, { phase });
  const family = await getFamily(db, { actor, familyId });
  const parent = family.members.find((m) => m.role === "parent");
  const child = family.members.find((m) => m.role === "child");
  const network = family.network[0];
  if (!parent || !child || !network) throw new Error("the test family needs a parent, a child and a network person");
  return { trajectory, familyId, parentId: parent.id, childId: child.id, networkPersonId: network.id, url: `/api/v1/trajectories/${trajectory.id}` };
}

/** A small plan: one goal on huisvesting with one action for the parent, due in a month. */
export function planContent(parentId: string, overrides: Partial<PlanContentInput> = {}): PlanContentInput {
  const today = todayInNetherlands();
  return {
    startDate: today,
    instrumentKey: "ploeg-9",
    overallGoals: [{ id: randomUUID(), description: "Rust in huis", targetDate: null }],
    goals: [
      {
        id: randomUUID(),
        domain: "huisvesting",
        description: "De huur wordt elke maand betaald",
        actions: [{ id: randomUUID(), description: "Betalingsregeling afspreken met de corporatie", owner: { kind: "member", memberId: parentId }, dueDate: inDays(30) }],
      },
    ],
    ...overrides,
  };
}

/** A PUT …/plan body; `content` is loose so tests can send invalid plans too. */
export function saveBody(content: PlanContentInput | Record<string, unknown>, basedOn: number | null, version: number | null = null, deviations: { id: string; reason: string }[] = []) {
  return { basedOn, version, content, deviations };
}

export function inDays(days: number): string {
  const d = new Date(`${todayInNetherlands()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
