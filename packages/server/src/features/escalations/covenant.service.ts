import { conflict, invalid, notFound, organisationKey, todayInNetherlands, type CovenantSignatory, type NewCovenantSignatory } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { deleteSignatory, insertSignatory, listSignatoryRows, type SignatoryRow } from "./covenant.queries.ts";

const SIGNATORY = { nl: "Ondertekenaar van het convenant", en: "Covenant signatory" };

const alreadySigned = (name: string) =>
  conflict({ nl: `${name} staat al op de lijst van ondertekenaars van het convenant.`, en: `${name} is already listed as a covenant signatory.` }, "covenant_signatory_exists");

function present(row: SignatoryRow): CovenantSignatory {
  return { id: row.id, partnerOrganisation: row.partnerOrganisation, signedOn: row.signedOn, contact: row.contact, note: row.note, createdAt: row.createdAt.toISOString() };
}

/** The organisations that signed, by organisationKey: what escalations are matched against. */
export async function covenantIndex(db: Db, organisationId: string): Promise<Map<string, SignatoryRow>> {
  return new Map((await listSignatoryRows(db, organisationId)).map((r) => [organisationKey(r.partnerOrganisation), r]));
}

export async function listSignatories(db: Db, opts: { actor: Actor }): Promise<CovenantSignatory[]> {
  authorize(opts.actor, "covenant.read");
  return (await listSignatoryRows(db, opts.actor.organisationId)).map(present);
}

/** One entry per organisation: names that differ only in case, accents or spacing are the same organisation. */
export async function addSignatory(db: Db, opts: { actor: Actor; input: NewCovenantSignatory }): Promise<CovenantSignatory> {
  const { actor, input } = opts;
  authorize(actor, "covenant.manage");
  if (input.signedOn > todayInNetherlands()) throw invalid({ nl: "De datum van ondertekening ligt in de toekomst.", en: "The signing date lies in the future." }, [{ name: "signedOn", reason: "a date in the future" }]);
  return db.transaction(async (tx) => {
    const existing = (await covenantIndex(tx, actor.organisationId)).get(organisationKey(input.partnerOrganisation));
    if (existing) throw alreadySigned(existing.partnerOrganisation);
    let row: SignatoryRow;
    try {
      row = await insertSignatory(tx, { organisationId: actor.organisationId, ...input });
    } catch (err) {
      if (isUniqueViolation(err, "covenant_signatories_partner_key")) throw alreadySigned(input.partnerOrganisation);
      throw err;
    }
    await audit(tx, actor, { action: "covenant.signatory_added", entityType: "covenant_signatory", entityId: row.id, details: { partnerOrganisation: row.partnerOrganisation, signedOn: row.signedOn } });
    return present(row);
  });
}

export async function removeSignatory(db: Db, opts: { actor: Actor; signatoryId: string }): Promise<void> {
  const { actor } = opts;
  authorize(actor, "covenant.manage");
  await db.transaction(async (tx) => {
    const row = await deleteSignatory(tx, actor.organisationId, opts.signatoryId);
    if (!row) throw notFound(SIGNATORY);
    await audit(tx, actor, { action: "covenant.signatory_removed", entityType: "covenant_signatory", entityId: row.id, details: { partnerOrganisation: row.partnerOrganisation, signedOn: row.signedOn } });
  });
}
