/** Domain data for the document tests (not used by the app). */
import type { Family, PlanVersion, Trajectory } from "@ploegwerk/domain";

export const IDS = {
  mother: "00000000-0000-4000-8000-0000000000a1",
  father: "00000000-0000-4000-8000-0000000000a2",
  child: "00000000-0000-4000-8000-0000000000c1",
  teen: "00000000-0000-4000-8000-0000000000c2",
  grandma: "00000000-0000-4000-8000-0000000000e1",
  coach: "00000000-0000-4000-8000-00000000c0ac",
  lead: "00000000-0000-4000-8000-000000001ead",
  goalHousing: "00000000-0000-4000-8000-000000000901",
  goalIncome: "00000000-0000-4000-8000-000000000902",
  actionOwn: "00000000-0000-4000-8000-000000000a01",
  actionPartner: "00000000-0000-4000-8000-000000000a02",
  actionNetwork: "00000000-0000-4000-8000-000000000a03",
  actionCoach: "00000000-0000-4000-8000-000000000a04",
} as const;

const member = (id: string, givenName: string, surname: string, role: "parent" | "child", dateOfBirth: string) => ({ id, givenName, surname, role, dateOfBirth, bsn: null, version: 1 });

export function sampleFamily(overrides: Partial<Family> = {}): Family {
  return {
    id: "00000000-0000-4000-8000-00000000fa01",
    caseNumber: "KW-2026-017",
    address: { street: "Korreweg", houseNumber: "12a", postcode: "9715AB", city: "Groningen" },
    district: "Korrewegwijk",
    neighbourhood: null,
    teamId: "00000000-0000-4000-8000-0000000007ea",
    teamName: "Team Noord",
    coachId: IDS.coach,
    coachName: "Zoë Hendriks",
    members: [
      member(IDS.mother, "Anaïs", "de Vries", "parent", "1988-04-02"),
      member(IDS.father, "Joël", "de Vries", "parent", "1986-09-15"),
      member(IDS.child, "Noë", "de Vries", "child", "2019-01-20"),
      member(IDS.teen, "Chloë", "de Vries", "child", "2012-05-01"),
    ],
    network: [{ id: IDS.grandma, name: "Oma Truus", relation: "oma", contact: null }],
    version: 1,
    createdAt: "2026-01-05T09:00:00.000Z",
    updatedAt: "2026-01-05T09:00:00.000Z",
    ...overrides,
  };
}

export function sampleReferral(overrides: Partial<Trajectory["referral"]> = {}): Trajectory["referral"] {
  return {
    receivedOn: "2026-01-05",
    referrerKind: "woningcorporatie",
    referrerOrganisation: "Woonstichting De Korf",
    referrerName: "Petra Verhuur",
    referrerContact: null,
    reason: "Huurachterstand",
    instrumentKey: "ploeg-9",
    problems: {},
    urgency: "high",
    safetyConcerns: null,
    agencies: [],
    coercion: "none",
    coercionNote: null,
    ...overrides,
  };
}

const content: PlanVersion["content"] = {
  startDate: "2026-02-01",
  instrumentKey: "ploeg-9",
  overallGoals: [{ id: "00000000-0000-4000-8000-000000000801", description: "Rust in huis en een veilige plek voor de kinderen.", targetDate: "2026-12-31" }],
  participation: [{ memberId: IDS.father, currentStep: 2, targetStep: 4 }],
  goals: [
    {
      id: IDS.goalIncome,
      domain: "inkomen",
      memberIds: [IDS.mother, IDS.father],
      description: "Geen nieuwe schulden en een overzicht van alle rekeningen.",
      targetDate: "2026-06-30",
      actions: [
        { id: IDS.actionPartner, description: "Aanmelden bij de schuldhulpverlening", owner: { kind: "partnerContact", organisation: "Kredietbank Groningen", contactName: "Jan Jansen", contact: null, partnerOrganisationId: null }, dueDate: "2026-03-01", status: "in_progress", cancelReason: null, interventionId: null },
        { id: IDS.actionCoach, description: "Budgetcursus zoeken", owner: { kind: "coach", userId: IDS.coach }, dueDate: "2026-03-15", status: "cancelled", cancelReason: "Gezin volgt al een cursus via de kerk.", interventionId: null },
      ],
    },
    {
      id: IDS.goalHousing,
      domain: "huisvesting",
      memberIds: [],
      description: "De huur wordt elke maand op tijd betaald.",
      targetDate: null,
      actions: [
        { id: IDS.actionOwn, description: "Betalingsregeling afspreken met de woningcorporatie", owner: { kind: "member", memberId: IDS.mother }, dueDate: "2026-02-15", status: "open", cancelReason: null, interventionId: null },
        { id: IDS.actionNetwork, description: "Elke vrijdag oppassen zodat moeder naar de cursus kan", owner: { kind: "networkPerson", networkPersonId: IDS.grandma }, dueDate: "2026-04-01", status: "done", cancelReason: null, interventionId: null },
      ],
    },
  ],
};

export function conceptVersion(): PlanVersion {
  return { number: 2, basedOn: 1, createdOn: "2026-02-01", createdBy: IDS.coach, content, deviations: [{ id: IDS.actionPartner, reason: "De kredietbank had een wachtlijst." }], status: "concept", signature: null };
}

export function signedVersion(): PlanVersion {
  return { ...conceptVersion(), number: 1, basedOn: null, deviations: [], status: "definitive", signature: { signedOn: "2026-02-03", signedBy: [IDS.mother, IDS.father], method: "screen", recordedBy: IDS.lead } };
}
