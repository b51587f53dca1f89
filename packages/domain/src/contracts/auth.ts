import { z } from "zod";
import { Id } from "./common.ts";

export const ROLES = ["coach", "teamleider", "ondersteuning", "beheerder"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

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
});
export type Me = z.infer<typeof Me>;

export const PASSWORD_MIN_LENGTH = 12;
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "use at most 256 characters");

export const NewUser = z.object({
  name: z.string().trim().min(1, "name is required").max(200),
  email: z.email({ message: "must be an e-mail address" }).transform((s) => s.toLowerCase()),
  role: Role,
  teamId: Id.nullable(),
  password: Password,
});
export type NewUser = z.infer<typeof NewUser>;

export const UserPatch = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  role: Role.optional(),
  teamId: Id.nullable().optional(),
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
  active: z.boolean(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

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
