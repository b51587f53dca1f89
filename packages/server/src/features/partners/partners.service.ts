import { conflict, notFound, organisationKey, type NewPartnerOrganisation, type PartnerKind, type PartnerOrganisation } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { findPartnerRow, insertPartner, listPartnerRows, updatePartnerRow } from "./partners.queries.ts";

const PARTNER = { nl: "Ketenpartner", en: "Chain partner" };
const nameTaken = () => conflict({ nl: "Er is al een ketenpartner met deze naam.", en: "A chain partner with this name already exists." }, "partner_name_taken");

/** Names compared without case, accents and spacing, as the covenant does: "WOONSTICHTING  de Korf" is De Korf. */
async function assertNameFree(tx: Db, organisationId: string, name: string, except: string | null): Promise<void> {
  const key = organisationKey(name);
  if ((await listPartnerRows(tx, organisationId)).some((p) => p.id !== except && organisationKey(p.name) === key)) throw nameTaken();
}

export async function listPartners(db: Db, opts: { actor: Actor }): Promise<PartnerOrganisation[]> {
  authorize(opts.actor, "partner.read");
  return (await listPartnerRows(db, opts.actor.organisationId)).map((r) => ({ ...r, kind: r.kind as PartnerKind }));
}

export async function createPartner(db: Db, opts: { actor: Actor; input: NewPartnerOrganisation }): Promise<PartnerOrganisation> {
  authorize(opts.actor, "partner.manage");
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    await assertNameFree(tx, actor.organisationId, input.name, null);
    let row;
    try {
      row = await insertPartner(tx, actor.organisationId, input);
    } catch (err) {
      if (isUniqueViolation(err, "partner_organisations_name_key")) throw nameTaken();
      throw err;
    }
    await audit(tx, actor, { action: "partner.created", entityType: "partner_organisation", entityId: row.id, details: { name: row.name, kind: row.kind } });
    return { id: row.id, name: row.name, kind: row.kind as PartnerKind, contact: row.contact, userCount: 0 };
  });
}

export async function updatePartner(db: Db, opts: { actor: Actor; partnerId: string; input: NewPartnerOrganisation }): Promise<PartnerOrganisation> {
  authorize(opts.actor, "partner.manage");
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const before = await findPartnerRow(tx, actor.organisationId, opts.partnerId);
    if (!before) throw notFound(PARTNER);
    await assertNameFree(tx, actor.organisationId, input.name, before.id);
    let row;
    try {
      row = await updatePartnerRow(tx, actor.organisationId, opts.partnerId, input);
    } catch (err) {
      if (isUniqueViolation(err, "partner_organisations_name_key")) throw nameTaken();
      throw err;
    }
    if (!row) throw notFound(PARTNER);
    const changed = (["name", "kind", "contact"] as const).filter((k) => before[k] !== row[k]);
    await audit(tx, actor, { action: "partner.updated", entityType: "partner_organisation", entityId: row.id, details: { changed } });
    const listed = (await listPartnerRows(tx, actor.organisationId)).find((p) => p.id === row.id);
    return { id: row.id, name: row.name, kind: row.kind as PartnerKind, contact: row.contact, userCount: listed?.userCount ?? 0 };
  });
}
