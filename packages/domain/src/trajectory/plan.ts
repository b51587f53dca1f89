import { DomainError, conflict, invalid, notFound, staleVersion, type InvalidParam } from "../errors.ts";
import type { IsoDay } from "./calendar.ts";
import type { DeviationReason, PlanContent, PlanSignature, SavePlan } from "./planContract.ts";
import { missingDeviationReasons, requiredDeviations } from "./planDeviation.ts";
import { fieldPath, planReadinessErrors, validatePlanContent, type PlanFamilyContext } from "./planValidation.ts";

/*
 * Plan versions (BRIEF §3: concept with the family → first MDO → definitive plan signed by the
 * family). A concept version may be edited in place. A version becomes definitive only by the
 * family's signature, and a signed version never changes again: saving on top of it creates the
 * next concept version. "Definitive without a signature" cannot be represented.
 */

interface PlanVersionBase {
  number: number;
  /** The version this one was made from; null for the first. */
  basedOn: number | null;
  createdOn: IsoDay;
  createdBy: string;
  content: PlanContent;
  /** Reasons for deviating from the last signed version's timing (planmatig werken). */
  deviations: DeviationReason[];
}
export type PlanVersion = PlanVersionBase & ({ status: "concept"; signature: null } | { status: "definitive"; signature: PlanSignature });
export type PlanVersionStatus = PlanVersion["status"];

export type PlanResult = { ok: true; version: PlanVersion; created: boolean } | { ok: false; error: DomainError };

export function latestVersion(versions: readonly PlanVersion[]): PlanVersion | null {
  let latest: PlanVersion | null = null;
  for (const v of versions) if (latest === null || v.number > latest.number) latest = v;
  return latest;
}

/** The plan in force: the latest signed version, or null when the family has signed none yet. */
export function agreedVersion(versions: readonly PlanVersion[]): PlanVersion | null {
  return latestVersion(versions.filter((v) => v.status === "definitive"));
}

const planInvalid = (params: InvalidParam[]) =>
  invalid({ nl: "Het gezinsplan klopt nog niet; zie invalidParams.", en: "The family plan is not valid yet; see invalidParams." }, params);

/**
 * Saves plan content. The first save makes version 1; a concept is replaced in place; on top of a
 * signed version a new concept version is made. `basedOn` must name the latest version (else the
 * client edited an old one: stale). Deviations from the signed version's timing need reasons.
 */
export function savePlan(versions: readonly PlanVersion[], input: SavePlan, ctx: PlanFamilyContext, meta: { on: IsoDay; by: string }): PlanResult {
  const latest = latestVersion(versions);
  if (input.basedOn !== (latest?.number ?? null)) return { ok: false, error: staleVersion() };
  const agreed = agreedVersion(versions);
  const errors = [...validatePlanContent(input.content, ctx), ...missingDeviationReasons(agreed?.content ?? null, input.content, input.deviations)];
  if (errors.length > 0) return { ok: false, error: planInvalid(errors) };

  const deviating = new Set(agreed ? requiredDeviations(agreed.content, input.content).map((d) => d.id) : []);
  const deviations = input.deviations.filter((d) => deviating.has(d.id));
  if (latest?.status === "concept") {
    return { ok: true, created: false, version: { ...latest, content: input.content, deviations } };
  }
  const number = (latest?.number ?? 0) + 1;
  return {
    ok: true,
    created: true,
    version: { number, basedOn: latest?.number ?? null, createdOn: meta.on, createdBy: meta.by, content: input.content, deviations, status: "concept", signature: null },
  };
}

/** Refuses any change to a signed version; use savePlan, which makes a new version. */
export function assertEditable(version: PlanVersion): DomainError | null {
  return version.status === "definitive"
    ? conflict(
        { nl: "Een ondertekende versie verandert niet meer; een wijziging maakt een nieuwe versie.", en: "A signed version cannot change; a change makes a new version." },
        "signed_version_immutable",
      )
    : null;
}

/**
 * The family signs a version, which makes it definitive. Only the latest version can be signed, by
 * members of the family including at least one parent, not before it was written nor after today,
 * and only when it is valid and complete (planReadinessErrors).
 */
export function signPlan(versions: readonly PlanVersion[], number: number, signature: PlanSignature, ctx: PlanFamilyContext, today: IsoDay): PlanResult {
  const version = versions.find((v) => v.number === number);
  if (!version) return { ok: false, error: notFound({ nl: `Versie ${number} van het gezinsplan`, en: `Version ${number} of the family plan` }) };
  const immutable = assertEditable(version);
  if (immutable) return { ok: false, error: conflict({ nl: "Deze versie is al ondertekend.", en: "This version is already signed." }, "already_signed") };
  if (latestVersion(versions)?.number !== number) {
    return { ok: false, error: conflict({ nl: "Alleen de nieuwste versie kan worden ondertekend.", en: "Only the latest version can be signed." }, "not_latest_version") };
  }

  const errors: InvalidParam[] = [];
  const roles = new Map(ctx.members.map((m) => [m.id, m.role]));
  signature.signedBy.forEach((id, i) => {
    if (!roles.has(id)) errors.push({ name: fieldPath("signature", "signedBy", i), reason: "not a member of this family" });
  });
  if (!signature.signedBy.some((id) => roles.get(id) === "parent")) {
    errors.push({ name: fieldPath("signature", "signedBy"), reason: "at least one parent (ouder/verzorger) signs the plan" });
  }
  if (signature.signedOn < version.createdOn) errors.push({ name: fieldPath("signature", "signedOn"), reason: `lies before the version was written (${version.createdOn})` });
  if (signature.signedOn > today) errors.push({ name: fieldPath("signature", "signedOn"), reason: "lies in the future" });
  errors.push(...validatePlanContent(version.content, ctx), ...planReadinessErrors(version.content));
  if (errors.length > 0) return { ok: false, error: planInvalid(errors) };

  return { ok: true, created: false, version: { ...version, status: "definitive", signature: { ...signature, signedBy: [...new Set(signature.signedBy)] } } };
}
