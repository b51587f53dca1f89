import { z } from "zod";
import type { LocalizedText } from "../i18n.ts";
import { Id } from "./common.ts";

/**
 * Roles (BRIEF §1, issue order 3). Coach, teamleider and ondersteuning work the dossiers of their
 * teams; a ketenpartner works for a chain partner organisation and sees only what a family shared
 * with it; an analist sees aggregated figures only; an onderzoeker pseudonymised exports only; a
 * beheerder manages users and settings and does not read dossiers.
 */
export const ROLES = ["coach", "teamleider", "ondersteuning", "ketenpartner", "analist", "onderzoeker", "beheerder"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Readonly<Record<Role, LocalizedText>> = {
  coach: { nl: "Gezinscoach", en: "Family coach" },
  teamleider: { nl: "Teamleider", en: "Team lead" },
  ondersteuning: { nl: "Ondersteuning (gedragswetenschapper)", en: "Support (behavioural scientist)" },
  ketenpartner: { nl: "Ketenpartner", en: "Chain partner" },
  analist: { nl: "Analist (gemeente)", en: "Analyst (municipality)" },
  onderzoeker: { nl: "Onderzoeker", en: "Researcher" },
  beheerder: { nl: "Beheerder", en: "Administrator" },
};

/** Roles whose work is reading family dossiers; two-factor log-in is required for them by default. */
export const DOSSIER_ROLES = ["coach", "teamleider", "ondersteuning", "ketenpartner"] as const satisfies readonly Role[];

export const Login = z.object({
  email: z.email({ message: "must be an e-mail address" }).transform((s) => s.toLowerCase()),
  password: z.string().min(1, "password is required").max(1024),
  /** Needed only when the same e-mail address has accounts in several organisations. */
  organisation: z.string().max(100).optional(),
});
export type Login = z.infer<typeof Login>;

export const Me = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
  /** Every team whose families this user works with: their own and, for a team lead, the teams they lead. */
  teamIds: z.array(Id).default([]),
  /** For a ketenpartner: the chain partner organisation they work for. */
  partnerOrganisationId: Id.nullable().default(null),
  partnerOrganisationName: z.string().nullable().default(null),
});
export type Me = z.infer<typeof Me>;

export const PASSWORD_MIN_LENGTH = 12;
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "use at most 256 characters");

/** A ketenpartner belongs to a chain partner organisation and to no team; the other dossier roles to a team. */
function userShapeErrors(u: { role?: Role | undefined; teamId?: string | null | undefined; partnerOrganisationId?: string | null | undefined; leadsTeamIds?: readonly string[] | undefined }) {
  const errors: { path: string; message: string }[] = [];
  if (u.role === "ketenpartner" && !u.partnerOrganisationId) errors.push({ path: "partnerOrganisationId", message: "a ketenpartner works for a chain partner organisation: choose it" });
  if (u.role !== undefined && u.role !== "ketenpartner" && u.partnerOrganisationId) errors.push({ path: "partnerOrganisationId", message: "only a ketenpartner belongs to a chain partner organisation" });
  if (u.role === "ketenpartner" && u.teamId) errors.push({ path: "teamId", message: "a ketenpartner is not a member of a team" });
  if (u.role !== undefined && u.role !== "teamleider" && (u.leadsTeamIds?.length ?? 0) > 0) errors.push({ path: "leadsTeamIds", message: "only a team lead leads other teams" });
  return errors;
}

export const NewUser = z
  .object({
    name: z.string().trim().min(1, "name is required").max(200),
    email: z.email({ message: "must be an e-mail address" }).transform((s) => s.toLowerCase()),
    role: Role,
    teamId: Id.nullable(),
    /** Teams a team lead leads besides their own. */
    leadsTeamIds: z.array(Id).max(50).default([]),
    partnerOrganisationId: Id.nullable().default(null),
    password: Password,
  })
  .superRefine((u, ctx) => {
    for (const e of userShapeErrors(u)) ctx.addIssue({ code: "custom", path: [e.path], message: e.message });
  });
export type NewUser = z.infer<typeof NewUser>;
/** Callers inside the server (set-up, seed) may leave out what has a default. */
export type NewUserInput = Omit<NewUser, "leadsTeamIds" | "partnerOrganisationId"> & Partial<Pick<NewUser, "leadsTeamIds" | "partnerOrganisationId">>;

export const UserPatch = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  role: Role.optional(),
  teamId: Id.nullable().optional(),
  leadsTeamIds: z.array(Id).max(50).optional(),
  partnerOrganisationId: Id.nullable().optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
});
export type UserPatch = z.infer<typeof UserPatch>;

export const User = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  teamId: Id.nullable(),
  leadsTeamIds: z.array(Id).default([]),
  partnerOrganisationId: Id.nullable().default(null),
  active: z.boolean(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export { userShapeErrors };

export const Team = z.object({ id: Id, name: z.string(), district: z.string().nullable() });
export type Team = z.infer<typeof Team>;
export const NewTeam = z.object({
  name: z.string().trim().min(1, "name is required").max(200),
  district: z.string().trim().max(100).nullable().default(null),
});
export type NewTeam = z.infer<typeof NewTeam>;

export const FirstAdmin = z.object({
  organisationName: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  email: z.email().transform((s) => s.toLowerCase()),
  password: Password,
});
export type FirstAdmin = z.infer<typeof FirstAdmin>;
