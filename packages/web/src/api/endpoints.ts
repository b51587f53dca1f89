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
  User,
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
import { request } from "./client.ts";
import { itemsOf, OutcomeReportSchema, SetupState, StaffMember } from "./schemas.ts";

const V1 = "/api/v1";
const enc = encodeURIComponent;

/** Typed calls, one per endpoint in docs/API.md. */
export const api = {
  // session and setup
  setupState: () => request(`${V1}/setup`, { schema: SetupState, quiet401: true }),
  setup: (body: FirstAdmin) => request(`${V1}/setup`, { method: "POST", body, schema: Me, quiet401: true }),
  login: (body: Login) => request(`${V1}/session`, { method: "POST", body, schema: Me, quiet401: true }),
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

  // outcomes
  outcomes: (instrument: string, teamId?: string): Promise<OutcomeReport> =>
    request(`${V1}/outcomes`, { query: { instrument, teamId }, schema: OutcomeReportSchema }),
};
