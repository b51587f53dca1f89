import { z } from "zod";
import { isValidBsn, normalizeBsn } from "../bsn.ts";
import { Id, IsoDate } from "./common.ts";

/** Today's calendar date where the product is used (a birth "today" must not be refused at 00:30). */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export const MEMBER_ROLES = ["parent", "child", "other"] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

const Name = (what: string) => z.string().trim().min(1, `${what} is required`).max(200, `${what} is too long (at most 200 characters)`);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
/** For PATCH bodies: absent means "leave as it is", so no default may fill it in. */
const PatchText = (max: number) => z.string().trim().max(max).nullable().optional();

export const Bsn = z
  .string()
  .transform(normalizeBsn)
  .refine(isValidBsn, { message: "not a valid BSN: it needs 9 digits that pass the 11-proef" });

/**
 * Why personal data is changed (AVG art. 16: the correction history keeps it), optional, and the
 * AVG correctie request the change answers, when there is one.
 */
const CorrectionNote = z.object({
  correctionReason: z.string().trim().max(1000).optional(),
  privacyRequestId: Id.optional(),
});

const DateOfBirth = IsoDate.refine((d) => d <= todayInNetherlands(), { message: "date of birth lies in the future" });

export const NewMember = z.object({
  givenName: Name("given name"),
  surname: Name("surname"),
  role: MemberRole,
  dateOfBirth: DateOfBirth,
  bsn: Bsn.nullable().default(null),
});
export type NewMember = z.infer<typeof NewMember>;
export type NewMemberInput = z.input<typeof NewMember>;

export const Member = z.object({
  id: Id,
  givenName: z.string(),
  surname: z.string(),
  role: MemberRole,
  dateOfBirth: z.string(),
  bsn: z.string().nullable(),
  version: z.number().int(),
});
export type Member = z.infer<typeof Member>;

export const MemberPatch = z.object({
  version: z.number().int().min(1),
  givenName: Name("given name").optional(),
  surname: Name("surname").optional(),
  role: MemberRole.optional(),
  dateOfBirth: DateOfBirth.optional(),
  bsn: Bsn.nullable().optional(),
  ...CorrectionNote.shape,
});
export type MemberPatch = z.infer<typeof MemberPatch>;

export const NewNetworkPerson = z.object({
  name: Name("name"),
  relation: Name("relation"),
  contact: OptionalText(300),
});
export type NewNetworkPerson = z.infer<typeof NewNetworkPerson>;
export const NetworkPerson = z.object({
  id: Id,
  name: z.string(),
  relation: z.string(),
  contact: z.string().nullable(),
});
export type NetworkPerson = z.infer<typeof NetworkPerson>;

export const CaseNumber = z
  .string()
  .trim()
  .min(1, "case number (dossiernummer) is required")
  .max(40, "case number is too long (at most 40 characters)")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "use letters, digits, '.', '_', '/' or '-' only");

const Address = z.object({
  street: OptionalText(200),
  houseNumber: OptionalText(20),
  postcode: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/\s+/g, ""))
    .refine((s) => /^[1-9]\d{3}[A-Z]{2}$/.test(s), { message: "not a Dutch postcode (1234AB)" })
    .nullable()
    .default(null),
  city: OptionalText(100),
});

export const NewFamily = z.object({
  caseNumber: CaseNumber,
  address: Address.default({ street: null, houseNumber: null, postcode: null, city: null }),
  district: OptionalText(100),
  neighbourhood: OptionalText(100),
  teamId: Id.nullable().default(null),
  coachId: Id.nullable().default(null),
  members: z.array(NewMember).default([]),
  network: z.array(NewNetworkPerson).default([]),
});
export type NewFamily = z.infer<typeof NewFamily>;
export type NewFamilyInput = z.input<typeof NewFamily>;

export const FamilyPatch = z.object({
  version: z.number().int().min(1),
  caseNumber: CaseNumber.optional(),
  /** Replaces the whole address; fields left out of it become empty. */
  address: Address.optional(),
  district: PatchText(100),
  neighbourhood: PatchText(100),
  teamId: Id.optional(),
  coachId: Id.nullable().optional(),
  ...CorrectionNote.shape,
});
export type FamilyPatch = z.infer<typeof FamilyPatch>;

export const FamilySummary = z.object({
  id: Id,
  caseNumber: z.string(),
  district: z.string().nullable(),
  teamId: Id,
  teamName: z.string(),
  coachId: Id.nullable(),
  coachName: z.string().nullable(),
  memberNames: z.array(z.string()),
  lastMeasuredOn: z.string().nullable(),
});
export type FamilySummary = z.infer<typeof FamilySummary>;

export const FamilyList = z.object({
  items: z.array(FamilySummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FamilyList = z.infer<typeof FamilyList>;

export const FamilySearch = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const PossibleDuplicate = z.object({
  /** Null when the family is outside your scope: you learn which team to call, nothing of the file. */
  familyId: Id.nullable(),
  caseNumber: z.string().nullable(),
  /** The team that holds the family, so the coach knows whom to contact. */
  teamName: z.string(),
  /**
   * Members that match on name and date of birth: as stored for a family you may see, as you typed
   * them for one you may not (its spelling is its own data).
   */
  matches: z.array(z.object({ givenName: z.string(), surname: z.string(), dateOfBirth: z.string() })),
  /** False when the family belongs to another team: you learn it exists, not what is in it. */
  visible: z.boolean(),
});
export type PossibleDuplicate = z.infer<typeof PossibleDuplicate>;

export const DuplicateCheck = z.object({
  members: z.array(z.object({ givenName: z.string().trim().min(1), surname: z.string().trim().min(1), dateOfBirth: IsoDate })).max(50),
  excludeFamilyId: Id.optional(),
});
export type DuplicateCheck = z.infer<typeof DuplicateCheck>;

export const Family = z.object({
  id: Id,
  caseNumber: z.string(),
  address: z.object({
    street: z.string().nullable(),
    houseNumber: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
  }),
  district: z.string().nullable(),
  neighbourhood: z.string().nullable(),
  teamId: Id,
  teamName: z.string(),
  coachId: Id.nullable(),
  coachName: z.string().nullable(),
  members: z.array(Member),
  network: z.array(NetworkPerson),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Family = z.infer<typeof Family>;

export const CreatedFamily = z.object({ family: Family, possibleDuplicates: z.array(PossibleDuplicate) });
export type CreatedFamily = z.infer<typeof CreatedFamily>;
