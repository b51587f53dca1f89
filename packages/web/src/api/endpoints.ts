import {
  CreatedFamily,
  Family,
  FamilyList,
  InstrumentDefinition,
  Me,
  Measurement,
  Member,
  NetworkPerson,
  PossibleDuplicate,
  Team,
  Trajectory,
  User,
  AftercareCheckinList,
  ClosingRecord,
  Meeting,
  WeeklyReportList,
  type ConsentInput,
  type CreateReferralInput,
  type DecisionInput,
  type EropafInput,
  type ExtensionInput,
  type FeedbackInput,
  type ReferralCheckInput,
  type ReferralCheckKind,
  type TransitionInput,
  type DuplicateCheck,
  type FamilyPatch,
  type FirstAdmin,
  type Login,
  type MeasurementPatch,
  type NewFamilyInput,
  type NewMeasurementInput,
  type NewMemberInput,
  type NewNetworkPerson,
  type NewTeam,
  type NewUser,
  type OutcomeReport,
  type UserPatch,
} from "@ploegwerk/domain";
import { z } from "zod";
import { LoginAnswer } from "./accountEndpoints.ts";
import { AccessHistoryPage, AuditEventPage } from "@ploegwerk/domain";
import { CorrectionList, PrivacyRequest, PrivacyRequestList, type NewPrivacyRequestInput, type PrivacyRequestDecisionInput } from "@ploegwerk/domain";
import type { ResearchExportQueryInput } from "@ploegwerk/domain";
import { buildUrl, request } from "./client.ts";
import { ConferencePlacement, itemsOf, OutcomeReportSchema, SetupState, StaffMember } from "./schemas.ts";
import {
  ActionProgressRecorded,
  CaseloadOverview,
  PlanDiffView,
  PlanOverview,
  PlanVersionDetail,
  type ActionProgressInput,
  type SavePlanRequestInput,
  type SignPlanRequest,
  type CancelMeeting,
  type HoldMeeting,
  type MeetingPatch,
  type ScheduleMeeting,
  WeeklyReport,
  type NewWeeklyReportInput,
  type WeeklyReportUpdateInput,
  AftercareCheckin,
  Escalation,
  EscalationList,
  FamilyGroupConference,
  FamilyGroupConferenceList,
  Leverage,
  LeverageList,
  type NewAftercareCheckinInput,
  type NewEscalationInput,
  type EscalationResolution,
  type ConferenceAgreementsToPlan,
  type FamilyGroupConferenceUpdate,
  type NewFamilyGroupConferenceInput,
  type NewLeverageInput,
  type LeverageUpdate,
  type SaveAftercarePlanInput,
  type SaveStabilityCheckInput,
} from "@ploegwerk/domain";

import {
  BreakGlassGrant,
  BreakGlassGrantList,
  Consent,
  ConsentList,
  PartnerOrganisation,
  PartnerOrganisationList,
  SharedFamily,
  SharedFamilyList,
  SharingOverview,
  type ConsentChange,
  type ConsentWithdrawal,
  type NewConsentInput,
  type NewPartnerOrganisation,
  type OpenBreakGlass,
  type ReviewBreakGlass,
} from "@ploegwerk/domain";

import {
  Intervention,
  InterventionEvidence,
  InterventionImportSummary,
  InterventionPage,
  type ImportInterventions,
  type InterventionUpdateInput,
  type NewInterventionInput,
} from "@ploegwerk/domain";

const V1 = "/api/v1";
const enc = encodeURIComponent;

/** Typed calls, one per endpoint in docs/API.md. */
export const api = {
  // session and setup
  setupState: () => request(`${V1}/setup`, { schema: SetupState, quiet401: true }),
  setup: (body: FirstAdmin) => request(`${V1}/setup`, { method: "POST", body, schema: Me, quiet401: true }),
  /** Me, or `{ secondFactor }` when a code or the set-up of an authenticator app comes next (accountEndpoints.ts). */
  login: (body: Login) => request(`${V1}/session`, { method: "POST", body, schema: LoginAnswer, quiet401: true }),
  me: () => request(`${V1}/session`, { schema: Me, quiet401: true }),
  logout: () => request(`${V1}/session`, { method: "DELETE", quiet401: true }),

  // organisation
  staff: () => request(`${V1}/staff`, { schema: itemsOf(StaffMember) }),
  teams: () => request(`${V1}/teams`, { schema: itemsOf(Team) }),
  createTeam: (body: z.input<typeof NewTeam>) => request(`${V1}/teams`, { method: "POST", body, schema: Team }),
  users: () => request(`${V1}/users`, { schema: itemsOf(User) }),
  createUser: (body: z.input<typeof NewUser>) => request(`${V1}/users`, { method: "POST", body, schema: User }),
  updateUser: (userId: string, body: UserPatch) =>
    request(`${V1}/users/${enc(userId)}`, { method: "PATCH", body, schema: User }),

  // families
  families: (query: { q?: string; page?: number; pageSize?: number }) =>
    request(`${V1}/families`, { query, schema: FamilyList }),
  createFamily: (body: NewFamilyInput) => request(`${V1}/families`, { method: "POST", body, schema: CreatedFamily }),
  duplicateCheck: (body: DuplicateCheck, signal?: AbortSignal) =>
    request(`${V1}/families/duplicate-check`, {
      method: "POST",
      body,
      schema: z.object({ possibleDuplicates: z.array(PossibleDuplicate) }),
      ...(signal ? { signal } : {}),
    }),
  family: (familyId: string) => request(`${V1}/families/${enc(familyId)}`, { schema: Family }),
  updateFamily: (familyId: string, body: z.input<typeof FamilyPatch>) =>
    request(`${V1}/families/${enc(familyId)}`, { method: "PATCH", body, schema: Family }),
  addMember: (familyId: string, body: NewMemberInput) =>
    request(`${V1}/families/${enc(familyId)}/members`, { method: "POST", body, schema: Member }),
  updateMember: (familyId: string, memberId: string, body: Partial<NewMemberInput> & { version: number }) =>
    request(`${V1}/families/${enc(familyId)}/members/${enc(memberId)}`, { method: "PATCH", body, schema: Member }),
  removeMember: (familyId: string, memberId: string) =>
    request(`${V1}/families/${enc(familyId)}/members/${enc(memberId)}`, { method: "DELETE" }),
  addNetworkPerson: (familyId: string, body: z.input<typeof NewNetworkPerson>) =>
    request(`${V1}/families/${enc(familyId)}/network`, { method: "POST", body, schema: NetworkPerson }),
  removeNetworkPerson: (familyId: string, personId: string) =>
    request(`${V1}/families/${enc(familyId)}/network/${enc(personId)}`, { method: "DELETE" }),

  // instruments and measurements
  instruments: () => request(`${V1}/instruments`, { schema: itemsOf(InstrumentDefinition) }),
  instrumentVersion: (key: string, version: number) =>
    request(`${V1}/instruments/${enc(key)}/versions/${version}`, { schema: InstrumentDefinition }),
  measurements: (familyId: string, instrument?: string) =>
    request(`${V1}/families/${enc(familyId)}/measurements`, { query: { instrument }, schema: itemsOf(Measurement) }),
  measurement: (familyId: string, measurementId: string) =>
    request(`${V1}/families/${enc(familyId)}/measurements/${enc(measurementId)}`, { schema: Measurement }),
  createMeasurement: (familyId: string, body: NewMeasurementInput) =>
    request(`${V1}/families/${enc(familyId)}/measurements`, { method: "POST", body, schema: Measurement }),
  updateMeasurement: (familyId: string, measurementId: string, body: z.input<typeof MeasurementPatch>) =>
    request(`${V1}/families/${enc(familyId)}/measurements/${enc(measurementId)}`, { method: "PATCH", body, schema: Measurement }),

  // trajectories (aanmelding → nazorg)
  familyTrajectories: (familyId: string) =>
    request(`${V1}/families/${enc(familyId)}/trajectories`, { schema: itemsOf(Trajectory) }),
  trajectory: (trajectoryId: string) => request(`${V1}/trajectories/${enc(trajectoryId)}`, { schema: Trajectory }),
  createReferral: (body: CreateReferralInput) => request(`${V1}/referrals`, { method: "POST", body, schema: Trajectory }),
  recordCheck: (trajectoryId: string, kind: ReferralCheckKind, body: z.input<typeof ReferralCheckInput>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/checks/${enc(kind)}`, { method: "PUT", body, schema: Trajectory }),
  decideReferral: (trajectoryId: string, body: z.input<typeof DecisionInput>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/decision`, { method: "POST", body, schema: Trajectory }),
  changePhase: (trajectoryId: string, body: z.input<typeof TransitionInput>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/transitions`, { method: "POST", body, schema: Trajectory }),
  recordFeedback: (trajectoryId: string, body: z.input<typeof FeedbackInput>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/feedback`, { method: "POST", body, schema: Trajectory }),
  recordConsent: (trajectoryId: string, body: z.input<typeof ConsentInput>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/consent`, { method: "PUT", body, schema: Trajectory }),
  recordEropaf: (trajectoryId: string, body: z.input<typeof EropafInput>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/eropaf`, { method: "POST", body, schema: Trajectory }),
  recordExtension: (trajectoryId: string, body: z.input<typeof ExtensionInput>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/extensions`, { method: "POST", body, schema: Trajectory }),

  // read-only summaries on the trajectory page (MDO's, weekoverzichten, afronding en nazorg)
  meetings: (trajectoryId: string) => request(`${V1}/trajectories/${enc(trajectoryId)}/meetings`, { schema: itemsOf(Meeting) }),
  weeklyReports: (trajectoryId: string) => request(`${V1}/trajectories/${enc(trajectoryId)}/weekly-reports`, { schema: WeeklyReportList }),
  closingRecord: (trajectoryId: string) => request(`${V1}/trajectories/${enc(trajectoryId)}/closing`, { schema: ClosingRecord }),
  aftercareCheckins: (trajectoryId: string) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/aftercare-checkins`, { schema: AftercareCheckinList }),

  // caseload overview (team lead's view)
  caseloadOverview: (query: { teamId?: string; coachId?: string }) => request(`${V1}/caseload`, { query, schema: CaseloadOverview }),

  // gezinsplan
  planOverview: (trajectoryId: string) => request(`${V1}/trajectories/${enc(trajectoryId)}/plan`, { schema: PlanOverview }),
  planVersion: (trajectoryId: string, number: number) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/plan/versions/${number}`, { schema: PlanVersionDetail }),
  savePlan: (trajectoryId: string, body: SavePlanRequestInput) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/plan`, { method: "PUT", body, schema: PlanVersionDetail }),
  signPlan: (trajectoryId: string, number: number, body: SignPlanRequest) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/plan/versions/${number}/signature`, { method: "POST", body, schema: PlanVersionDetail }),
  planDiff: (trajectoryId: string, from: number, to: number) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/plan/diff`, { query: { from, to }, schema: PlanDiffView }),
  recordActionProgress: (trajectoryId: string, actionId: string, body: z.input<typeof ActionProgressInput>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/plan/actions/${enc(actionId)}/progress`, { method: "POST", body, schema: ActionProgressRecorded }),
  /** The printable PDF of one plan version (a link, not a JSON call). */
  planPdfUrl: (trajectoryId: string, number: number) => `${V1}/trajectories/${enc(trajectoryId)}/plan/versions/${number}.pdf`,

  // MDO's (the list is `meetings` above)
  meeting: (trajectoryId: string, meetingId: string) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/meetings/${enc(meetingId)}`, { schema: Meeting }),
  scheduleMeeting: (trajectoryId: string, body: z.input<typeof ScheduleMeeting>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/meetings`, { method: "POST", body, schema: Meeting }),
  updateMeeting: (trajectoryId: string, meetingId: string, body: z.input<typeof MeetingPatch>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/meetings/${enc(meetingId)}`, { method: "PATCH", body, schema: Meeting }),
  holdMeeting: (trajectoryId: string, meetingId: string, body: z.input<typeof HoldMeeting>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/meetings/${enc(meetingId)}/hold`, { method: "POST", body, schema: Meeting }),
  cancelMeeting: (trajectoryId: string, meetingId: string, body: z.input<typeof CancelMeeting>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/meetings/${enc(meetingId)}/cancel`, { method: "POST", body, schema: Meeting }),

  // weekoverzichten (the list is `weeklyReports` above)
  createWeeklyReport: (trajectoryId: string, body: NewWeeklyReportInput) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/weekly-reports`, { method: "POST", body, schema: WeeklyReport }),
  updateWeeklyReport: (trajectoryId: string, reportId: string, body: WeeklyReportUpdateInput) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/weekly-reports/${enc(reportId)}`, { method: "PUT", body, schema: WeeklyReport }),

  // afronding en nazorg (reading is `closingRecord` and `aftercareCheckins` above)
  saveStabilityCheck: (trajectoryId: string, body: SaveStabilityCheckInput) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/closing/stability-check`, { method: "PUT", body, schema: ClosingRecord }),
  saveAftercarePlan: (trajectoryId: string, body: SaveAftercarePlanInput) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/closing/aftercare-plan`, { method: "PUT", body, schema: ClosingRecord }),
  recordAftercareCheckin: (trajectoryId: string, body: NewAftercareCheckinInput) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/aftercare-checkins`, { method: "POST", body, schema: AftercareCheckin }),

  // Eigen Kracht-conferenties, opschalingen, dwang en drang
  familyGroupConferences: (trajectoryId: string) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/family-group-conferences`, { schema: FamilyGroupConferenceList }),
  createFamilyGroupConference: (trajectoryId: string, body: NewFamilyGroupConferenceInput) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/family-group-conferences`, { method: "POST", body, schema: FamilyGroupConference }),
  updateFamilyGroupConference: (trajectoryId: string, conferenceId: string, body: z.input<typeof FamilyGroupConferenceUpdate>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/family-group-conferences/${enc(conferenceId)}`, { method: "PUT", body, schema: FamilyGroupConference }),
  /** Chosen agreements of a held conference become actions under a goal; answers the number of the concept version that holds them. */
  placeConferenceAgreements: (trajectoryId: string, conferenceId: string, body: ConferenceAgreementsToPlan) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/family-group-conferences/${enc(conferenceId)}/plan`, { method: "POST", body, schema: ConferencePlacement }),
  escalations: (trajectoryId: string) => request(`${V1}/trajectories/${enc(trajectoryId)}/escalations`, { schema: EscalationList }),
  resolveEscalation: (trajectoryId: string, escalationId: string, body: EscalationResolution) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/escalations/${enc(escalationId)}/resolution`, { method: "POST", body, schema: Escalation }),
  raiseEscalation: (trajectoryId: string, body: NewEscalationInput) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/escalations`, { method: "POST", body, schema: Escalation }),
  leverages: (trajectoryId: string) => request(`${V1}/trajectories/${enc(trajectoryId)}/leverages`, { schema: LeverageList }),
  recordLeverage: (trajectoryId: string, body: NewLeverageInput) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/leverages`, { method: "POST", body, schema: Leverage }),
  /** The whole entry again with the version that was read; 409 stale_version when someone saved in between. */
  updateLeverage: (trajectoryId: string, leverageId: string, body: z.input<typeof LeverageUpdate>) =>
    request(`${V1}/trajectories/${enc(trajectoryId)}/leverages/${enc(leverageId)}`, { method: "PUT", body, schema: Leverage }),

  // audit: who opened a family's file, and the beheerder's logboek (keyset pages: pass nextBefore as before)
  accessHistory: (familyId: string, before?: number) =>
    request(`${V1}/families/${enc(familyId)}/access-history`, { query: { before, pageSize: 20 }, schema: AccessHistoryPage }),
  auditLog: (query: Record<string, string | number | undefined>) => request(`${V1}/audit`, { query, schema: AuditEventPage }),
  /** The same search as a CSV download (a link, not a JSON call). */
  auditExportUrl: (query: Record<string, string | undefined>) => buildUrl(`${V1}/audit/export.csv`, query),

  // chain partner organisations (ketenpartners)
  partnerOrganisations: () => request(`${V1}/partner-organisations`, { schema: PartnerOrganisationList }),
  createPartnerOrganisation: (body: z.input<typeof NewPartnerOrganisation>) =>
    request(`${V1}/partner-organisations`, { method: "POST", body, schema: PartnerOrganisation }),
  /** 409 partner_name_taken when another organisation has the name. */
  updatePartnerOrganisation: (partnerId: string, body: z.input<typeof NewPartnerOrganisation>) =>
    request(`${V1}/partner-organisations/${enc(partnerId)}`, { method: "PUT", body, schema: PartnerOrganisation }),

  // toestemming per family, and who can see the file
  consents: (familyId: string) => request(`${V1}/families/${enc(familyId)}/consents`, { schema: ConsentList }),
  addConsent: (familyId: string, body: NewConsentInput) =>
    request(`${V1}/families/${enc(familyId)}/consents`, { method: "POST", body, schema: Consent }),
  /** Narrowing or widening; 409 consent_withdrawn or stale_version. */
  changeConsent: (familyId: string, consentId: string, body: z.input<typeof ConsentChange>) =>
    request(`${V1}/families/${enc(familyId)}/consents/${enc(consentId)}`, { method: "PUT", body, schema: Consent }),
  withdrawConsent: (familyId: string, consentId: string, body: z.input<typeof ConsentWithdrawal>) =>
    request(`${V1}/families/${enc(familyId)}/consents/${enc(consentId)}/withdraw`, { method: "POST", body, schema: Consent }),
  sharingOverview: (familyId: string) => request(`${V1}/families/${enc(familyId)}/sharing`, { schema: SharingOverview }),

  // what families shared with the ketenpartner's organisation
  sharedFamilies: () => request(`${V1}/shared/families`, { schema: SharedFamilyList }),
  sharedFamily: (familyId: string) => request(`${V1}/shared/families/${enc(familyId)}`, { schema: SharedFamily }),
  recordSharedActionProgress: (familyId: string, actionId: string, body: z.input<typeof ActionProgressInput>) =>
    request(`${V1}/shared/families/${enc(familyId)}/actions/${enc(actionId)}/progress`, { method: "POST", body, schema: ActionProgressRecorded }),

  // noodtoegang (break-the-glass): a team lead opens a file outside their teams; someone else reviews it
  openBreakGlass: (body: z.input<typeof OpenBreakGlass>) => request(`${V1}/break-glass`, { method: "POST", body, schema: BreakGlassGrant }),
  breakGlassGrants: (status: "unreviewed" | "all") => request(`${V1}/break-glass`, { query: { status }, schema: BreakGlassGrantList }),
  /** 403 self_review for the one who opened it; 409 already_reviewed. */
  reviewBreakGlass: (grantId: string, body: z.input<typeof ReviewBreakGlass>) =>
    request(`${V1}/break-glass/${enc(grantId)}/review`, { method: "POST", body, schema: BreakGlassGrant }),

  // AVG rights: inzage downloads (links, not JSON calls), the correction history and the AVG register
  inzageUrl: (familyId: string, format: "pdf" | "json", memberId?: string) => buildUrl(`${V1}/families/${enc(familyId)}/export.${format}`, { memberId }),
  corrections: (familyId: string) => request(`${V1}/families/${enc(familyId)}/corrections`, { schema: CorrectionList }),
  privacyRequests: (familyId: string) => request(`${V1}/families/${enc(familyId)}/privacy-requests`, { schema: PrivacyRequestList }),
  recordPrivacyRequest: (familyId: string, body: NewPrivacyRequestInput) =>
    request(`${V1}/families/${enc(familyId)}/privacy-requests`, { method: "POST", body, schema: PrivacyRequest }),
  decidePrivacyRequest: (familyId: string, requestId: string, body: PrivacyRequestDecisionInput) =>
    request(`${V1}/families/${enc(familyId)}/privacy-requests/${enc(requestId)}/decision`, { method: "POST", body, schema: PrivacyRequest }),

  // research exports (onderzoeker): downloads, links rather than JSON calls; every data download is a new, logged export
  researchExportUrl: (query: ResearchExportQueryInput) => buildUrl(`${V1}/research/export.csv`, { ...query }),
  researchCodebookUrl: (query: Omit<ResearchExportQueryInput, "purpose">, format: "md" | "json") => buildUrl(`${V1}/research/codebook.${format}`, { ...query }),

  // the "wat werkt" catalogue (docs/CATALOGUE.md)
  interventions: (query: Record<string, string | number | undefined>) => request(`${V1}/interventions`, { query, schema: InterventionPage }),
  intervention: (interventionId: string) => request(`${V1}/interventions/${enc(interventionId)}`, { schema: Intervention }),
  createIntervention: (body: NewInterventionInput) => request(`${V1}/interventions`, { method: "POST", body, schema: Intervention }),
  /** 409 stale_version when someone saved in between. */
  updateIntervention: (interventionId: string, body: InterventionUpdateInput) =>
    request(`${V1}/interventions/${enc(interventionId)}`, { method: "PUT", body, schema: Intervention }),
  archiveIntervention: (interventionId: string, version: number) =>
    request(`${V1}/interventions/${enc(interventionId)}/archive`, { method: "POST", body: { version }, schema: Intervention }),
  interventionEvidence: (interventionId: string) => request(`${V1}/interventions/${enc(interventionId)}/evidence`, { schema: InterventionEvidence }),
  /** All or nothing: 400 import_rejected with every error in invalidParams. */
  importInterventions: (body: ImportInterventions) => request(`${V1}/interventions/import`, { method: "POST", body, schema: InterventionImportSummary }),
  /** The whole catalogue as a download (a link, not a JSON call). */
  interventionsExportUrl: (format: "json" | "csv") => `${V1}/interventions/export.${format}`,

  // outcomes
  outcomes: (instrument: string, teamId?: string): Promise<OutcomeReport> =>
    request(`${V1}/outcomes`, { query: { instrument, teamId }, schema: OutcomeReportSchema }),
};
