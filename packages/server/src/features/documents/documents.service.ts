/*
 * Printable documents of a trajectory: the overdrachtsbrief (after go) and any version of the
 * gezinsplan. Reading them is reading the trajectory: a trajectory outside the actor's scope is a
 * 404 (loadVisibleTrajectory applies the rule "trajectory.read"); the family's data comes through
 * getFamily, so the same scope applies to it.
 */
import { COERCION, conflict, notFound, todayInNetherlands } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { familyPlan } from "../../pdf/familyPlan.ts";
import { handoverLetter } from "../../pdf/handoverLetter.ts";
import { renderPdf } from "../../pdf/render.ts";
import { getFamily } from "../families/families.service.ts";
import { findInstrument } from "../instruments/instruments.queries.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";
import { findOrganisationName, findPlanVersion, findUserContact, findUserNames } from "./documents.queries.ts";

export interface PdfFile {
  bytes: Buffer;
  /** A file name for Content-Disposition: ASCII letters, digits, '.', '_' and '-' only. */
  fileName: string;
}

/** Case numbers may hold '/'; a file name may not. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "-");

const coercionOf = (value: string): (typeof COERCION)[number] => COERCION.find((c) => c === value) ?? "none";

const goRequired = (decision: string | null) =>
  conflict(
    decision === "no_go"
      ? { nl: "Deze aanmelding is afgewezen (no-go). Er is dus geen overdrachtsbrief.", en: "This referral was declined (no-go), so there is no handover letter." }
      : {
          nl: "De overdrachtsbrief kan pas worden gemaakt als het team 'go' heeft besloten over de aanmelding.",
          en: "The handover letter can only be made once the team has decided 'go' on the referral.",
        },
    "go_decision_required",
  );

export async function handoverLetterPdf(db: Db, opts: { actor: Actor; trajectoryId: string; today?: string }): Promise<PdfFile> {
  const { actor } = opts;
  const found = await loadVisibleTrajectory(db, actor, opts.trajectoryId);
  const row = found.trajectory;
  if (row.decision !== "go") throw goRequired(row.decision);
  const family = await getFamily(db, { actor, familyId: row.familyId });
  const [coach, organisationName] = await Promise.all([
    family.coachId ? findUserContact(db, actor.organisationId, family.coachId) : Promise.resolve(null),
    findOrganisationName(db, actor.organisationId),
  ]);
  const model = handoverLetter({
    family,
    trajectory: {
      caseNumber: found.caseNumber,
      referral: { referrerOrganisation: row.referrerOrganisation, coercion: coercionOf(row.coercion), coercionNote: row.coercionNote },
      introduction: row.introductionAt ? { at: row.introductionAt.toISOString(), place: row.introductionPlace } : null,
    },
    coach,
    organisationName,
    generatedOn: opts.today ?? todayInNetherlands(),
  });
  return { bytes: await renderPdf(model), fileName: `overdrachtsbrief-${safe(found.caseNumber)}.pdf` };
}

export async function planVersionPdf(db: Db, opts: { actor: Actor; trajectoryId: string; number: number; today?: string }): Promise<PdfFile> {
  const { actor, number } = opts;
  const found = await loadVisibleTrajectory(db, actor, opts.trajectoryId);
  const version = await findPlanVersion(db, actor.organisationId, found.trajectory.id, number);
  if (!version) throw notFound({ nl: `Versie ${number} van het gezinsplan`, en: `Version ${number} of the family plan` });
  const family = await getFamily(db, { actor, familyId: found.trajectory.familyId });
  const userIds = version.content.goals.flatMap((g) => g.actions.flatMap((a) => (a.owner.kind === "coach" ? [a.owner.userId] : [])));
  if (version.signature) userIds.push(version.signature.recordedBy);
  const [instrument, participationLadder, userNames, organisationName] = await Promise.all([
    findInstrument(db, actor.organisationId, version.content.instrumentKey),
    findInstrument(db, actor.organisationId, "participatieladder"),
    findUserNames(db, actor.organisationId, userIds),
    findOrganisationName(db, actor.organisationId),
  ]);
  const model = familyPlan({ family, version, instrument, participationLadder, userNames, organisationName, generatedOn: opts.today ?? todayInNetherlands() });
  const suffix = version.status === "concept" ? "-concept" : "";
  return { bytes: await renderPdf(model), fileName: `gezinsplan-${safe(found.caseNumber)}-versie-${number}${suffix}.pdf` };
}
