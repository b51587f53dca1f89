import type { AuditKind, Role } from "@ploegwerk/domain";
import { ROLES } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";

/** Actions with a plain-language name; any other action is shown by its code. */
const NAMED_ACTIONS = [
  "family.viewed",
  "family.listed",
  "family.created",
  "family.updated",
  "trajectory.viewed",
  "measurement.viewed",
  "measurement.created",
  "measurement.updated",
  "plan.viewed",
  "plan.saved",
  "plan.signed",
  "meeting.viewed",
  "weekly_report.viewed",
  "family_group_conference.viewed",
  "escalation.viewed",
  "leverage.viewed",
  "closing.viewed",
  "aftercare_checkin.viewed",
  "consent.viewed",
  "document.generated",
  "measurements.exported",
  "outcomes.exported",
  "audit.exported",
  "research.exported",
  "session.created",
  "session.failed",
  "session.ended",
  "action.progressed",
  "aftercare_checkin.recorded",
  "aftercare_plan.saved",
  "break_glass.opened",
  "break_glass.reviewed",
  "consent.changed",
  "consent.recorded",
  "consent.withdrawn",
  "escalation.created",
  "escalation.resolved",
  "family_group_conference.created",
  "family_group_conference.updated",
  "leverage.created",
  "leverage.updated",
  "meeting.agreements_applied",
  "meeting.created",
  "meeting.updated",
  "member.created",
  "member.deleted",
  "member.updated",
  "network_person.created",
  "network_person.deleted",
  "phase.changed",
  "referral.decided",
  "referral_check.recorded",
  "referrer_feedback.recorded",
  "stability_check.recorded",
  "trajectory.created",
  "trajectory.eropaf_recorded",
  "trajectory.extension_recorded",
  "trajectory.updated",
  "weekly_report.created",
  "weekly_report.updated",
] as const;
type NamedAction = (typeof NAMED_ACTIONS)[number];

const isNamed = (action: string): action is NamedAction => (NAMED_ACTIONS as readonly string[]).includes(action);
const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** Names for what the log shows: actions, kinds and roles, in the chosen language. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (action: string): string => (isNamed(action) ? t(`audit.actions.${action}`) : action),
    kind: (kind: AuditKind): string => t(`audit.kinds.${kind}`),
    role: (role: string | null): string => (role === null ? t("audit.system") : isRole(role) ? t(`roles.${role}`) : role),
    /** An instant as "3 november 2026, 14:05:09" in the user's time zone. */
    when: (iso: string, locale: string): string => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "medium" }).format(new Date(iso)),
  };
}
