/**
 * Invitees of an MDO: family members and network persons of this family, active users of the
 * organisation, and chain partners' contacts (who need not be users). Names are copied in at the
 * time of inviting, so the minutes stay readable; a participant keeps its id (and attendance)
 * when the list is changed.
 */
import { randomUUID } from "node:crypto";
import { invalid, type InvalidParam, type Participant, type ParticipantInput } from "@ploegwerk/domain";
import type { Db } from "../../db/database.ts";
import { listMembers, listNetwork } from "../families/families.queries.ts";
import { existingPartnerIds } from "../partners/partners.queries.ts";
import { findUsers } from "../plans/plans.queries.ts";

const keyOf = (p: { kind: string; ref: string | null; organisation: string | null; name: string }): string =>
  p.ref !== null ? `${p.kind}:${p.ref}` : `${p.kind}:${(p.organisation ?? "").toLowerCase()}|${p.name.toLowerCase()}`;

function refOf(p: ParticipantInput): string | null {
  switch (p.kind) {
    case "member":
      return p.memberId;
    case "networkPerson":
      return p.networkPersonId;
    case "user":
      return p.userId;
    case "partnerContact":
      return null;
  }
}

export async function resolveParticipants(
  tx: Db,
  at: { organisationId: string; familyId: string },
  inputs: readonly ParticipantInput[],
  opts: { previous?: readonly Participant[]; chair?: { id: string } | null } = {},
): Promise<Participant[]> {
  const members = new Map((await listMembers(tx, at.organisationId, at.familyId)).map((m) => [m.id, `${m.givenName} ${m.surname}`]));
  const network = new Map((await listNetwork(tx, at.organisationId, at.familyId)).map((n) => [n.id, n.name]));
  const userIds = inputs.flatMap((p) => (p.kind === "user" ? [p.userId] : []));
  const users = await findUsers(tx, at.organisationId, opts.chair ? [...userIds, opts.chair.id] : userIds, { activeOnly: true });
  const previous = new Map((opts.previous ?? []).map((p) => [keyOf(p), p]));

  const errors: InvalidParam[] = [];
  const seen = new Set<string>();
  const out: Participant[] = [];
  const add = (p: Omit<Participant, "id" | "attended">, path: string | null) => {
    const key = keyOf(p);
    if (seen.has(key)) {
      if (path) errors.push({ name: path, reason: "this participant is listed twice" });
      return;
    }
    seen.add(key);
    const before = previous.get(key);
    out.push({ ...p, id: before?.id ?? randomUUID(), attended: before?.attended ?? null });
  };

  const partnerIds = inputs.flatMap((p) => (p.kind === "partnerContact" && p.partnerOrganisationId ? [p.partnerOrganisationId] : []));
  const partners = new Set(partnerIds.length > 0 ? await existingPartnerIds(tx, at.organisationId, partnerIds) : []);

  inputs.forEach((p, i) => {
    const path = `participants.${i}`;
    if (p.kind === "partnerContact" && p.partnerOrganisationId && !partners.has(p.partnerOrganisationId)) {
      errors.push({ name: `${path}.partnerOrganisationId`, reason: "not a registered chain partner organisation" });
      return;
    }
    const ref = refOf(p);
    const name =
      p.kind === "member" ? members.get(p.memberId) : p.kind === "networkPerson" ? network.get(p.networkPersonId) : p.kind === "user" ? users.get(p.userId) : p.contactName;
    if (name === undefined) {
      const field = p.kind === "member" ? "memberId" : p.kind === "networkPerson" ? "networkPersonId" : "userId";
      const reason = p.kind === "member" ? "not a member of this family" : p.kind === "networkPerson" ? "not in this family's network" : "not an active user of this organisation";
      errors.push({ name: `${path}.${field}`, reason });
      return;
    }
    add(
      {
        kind: p.kind,
        ref,
        name,
        organisation: p.kind === "partnerContact" ? p.organisation : null,
        contact: p.kind === "partnerContact" ? p.contact : null,
        partnerOrganisationId: p.kind === "partnerContact" ? p.partnerOrganisationId : null,
      },
      path,
    );
  });
  if (errors.length > 0) throw invalid({ nl: "Niet alle deelnemers kloppen; zie invalidParams.", en: "Not all participants are valid; see invalidParams." }, errors);

  // The chair (the coach who organises the MDO) always takes part.
  const chairName = opts.chair ? users.get(opts.chair.id) : undefined;
  if (opts.chair && chairName !== undefined) add({ kind: "user", ref: opts.chair.id, name: chairName, organisation: null, contact: null, partnerOrganisationId: null }, null);
  return out;
}
