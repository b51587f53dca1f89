import { isValidBsn, normalizeBsn, type MemberRole, type NewMemberInput } from "@ploegwerk/domain";
import type { TFunction } from "i18next";
import { todayIso } from "../../i18n/format.ts";

export interface MemberDraft {
  givenName: string;
  surname: string;
  role: MemberRole | "";
  dateOfBirth: string;
  bsn: string;
}

export const emptyMember = (role: MemberRole | "" = ""): MemberDraft => ({ givenName: "", surname: "", role, dateOfBirth: "", bsn: "" });

export type MemberField = keyof MemberDraft;
export const MEMBER_FIELDS: MemberField[] = ["givenName", "surname", "role", "dateOfBirth", "bsn"];

export type BsnState = "empty" | "incomplete" | "valid" | "invalid";

/** The 11-proef state of what has been typed so far, for the inline hint. */
export function bsnState(raw: string): BsnState {
  const trimmed = raw.trim();
  if (!trimmed) return "empty";
  const digits = normalizeBsn(trimmed);
  if (!/^\d+$/.test(digits)) return "invalid";
  if (digits.length < 9) return trimmed.replace(/[\s.-]/g, "").length < 8 ? "incomplete" : "invalid";
  if (digits.length > 9) return "invalid";
  return isValidBsn(digits) ? "valid" : "invalid";
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Client-side checks of one member, in plain Dutch/English; the server checks again. */
export function validateMember(m: MemberDraft, t: TFunction): Partial<Record<MemberField, string>> {
  const errors: Partial<Record<MemberField, string>> = {};
  if (!m.givenName.trim()) errors.givenName = t("member.errors.givenNameRequired");
  if (!m.surname.trim()) errors.surname = t("member.errors.surnameRequired");
  if (!m.role) errors.role = t("member.errors.roleRequired");
  if (!m.dateOfBirth) errors.dateOfBirth = t("member.errors.dateOfBirthRequired");
  else if (!ISO_DATE.test(m.dateOfBirth)) errors.dateOfBirth = t("member.errors.dateOfBirthInvalid");
  else if (m.dateOfBirth > todayIso()) errors.dateOfBirth = t("member.errors.dateOfBirthFuture");
  const bsn = bsnState(m.bsn);
  if (bsn === "invalid" || bsn === "incomplete") errors.bsn = t("member.errors.bsnInvalid");
  return errors;
}

export function memberInput(m: MemberDraft): NewMemberInput {
  return {
    givenName: m.givenName.trim(),
    surname: m.surname.trim(),
    role: m.role === "" ? "other" : m.role,
    dateOfBirth: m.dateOfBirth,
    bsn: m.bsn.trim() ? normalizeBsn(m.bsn.trim()) : null,
  };
}

/** A member complete enough to look for duplicates. */
export function duplicateCandidate(m: MemberDraft): { givenName: string; surname: string; dateOfBirth: string } | null {
  if (!m.givenName.trim() || !m.surname.trim() || !ISO_DATE.test(m.dateOfBirth)) return null;
  return { givenName: m.givenName.trim(), surname: m.surname.trim(), dateOfBirth: m.dateOfBirth };
}
