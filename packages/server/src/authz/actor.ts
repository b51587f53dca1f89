import type { Role } from "@ploegwerk/domain";

/** Who is acting: a logged-in user, or the system itself (CLI, seed, migrations). */
export type Actor =
  | {
      kind: "user";
      organisationId: string;
      userId: string;
      name: string;
      role: Role;
      teamId: string | null;
    }
  | { kind: "system"; organisationId: string; label: string };

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? `${actor.name} (${actor.role})` : `system:${actor.label}`;
}

export function systemActor(organisationId: string, label: string): Actor {
  return { kind: "system", organisationId, label };
}
