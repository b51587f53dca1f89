import type { FirstAdmin } from "@ploegwerk/domain";
import { DomainError, DOSSIER_ROLES } from "@ploegwerk/domain";
import { writeSecuritySettings } from "./accountSecurity.queries.ts";
import type { Db } from "../../db/database.ts";
import { systemActor } from "../../authz/actor.ts";
import { countOrganisations, createOrganisation } from "../organisations/organisations.service.ts";
import { createUser } from "../users/users.service.ts";

export async function needsSetup(db: Db): Promise<boolean> {
  return (await countOrganisations(db)) === 0;
}

/** Production's first start: one organisation and its first beheerder, only on an empty database. */
export async function setUpFirstAdmin(db: Db, opts: { input: FirstAdmin }) {
  if (!(await needsSetup(db))) {
    throw new DomainError("forbidden", { nl: "Deze installatie is al ingericht.", en: "This installation has already been set up." });
  }
  const org = await createOrganisation(db, { name: opts.input.organisationName });
  // Written out rather than left to the parser's default, so the beheerder sees what is in force.
  await writeSecuritySettings(db, org.organisationId, { mfaRequiredRoles: [...DOSSIER_ROLES] });
  const actor = systemActor(org.organisationId, "setup");
  const user = await createUser(db, { actor, input: { name: opts.input.name, email: opts.input.email, role: "beheerder", teamId: null, password: opts.input.password } });
  return { organisation: org, user };
}
