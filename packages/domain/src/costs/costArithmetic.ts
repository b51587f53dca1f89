import { ratio, roundHalfUp } from "../outcomes/ratio.ts";
import type { IsoDay } from "../trajectory/calendar.ts";
import { COST_LINES, isBookingRole, TIME_ACTIVITIES, type CostLine, type Funding, type TimeActivity } from "./costKinds.ts";
import type { FamilyCostSummary, HourlyRates, TrajectoryCosts } from "./costContract.ts";

/*
 * Cost arithmetic in whole cents. Each booking of hours is valued on its own (minutes × rate / 60,
 * rounded half-up to a cent), so every total — per family, trajectory, funding source, person or
 * month — is a plain sum of its lines and the tables always add up.
 */

export interface TimeFact {
  on: IsoDay;
  minutes: number;
  activity: TimeActivity;
  userId: string;
  /** The person's role now: it decides the hourly rate. */
  role: string;
  trajectoryId: string | null;
}

export interface CostFact {
  on: IsoDay;
  amountCents: number;
  funding: Funding;
  trajectoryId: string | null;
}

/** A trajectory from its aanmelding to the day it was closed (open-ended while it runs). */
export interface TrajectoryPeriod {
  id: string;
  startsOn: IsoDay;
  endsOn: IsoDay | null;
}

/** The hourly rate for a role; hours of someone no longer in a booking role are valued as a coach's. */
export function rateFor(rates: HourlyRates, role: string): number {
  return isBookingRole(role) ? rates[role] : rates.coach;
}

/** minutes × rate / 60, half-up to a whole cent. */
export function hoursCostCents(minutes: number, rateCents: number): number {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`minutes must be a non-negative integer, got ${minutes}`);
  if (!Number.isInteger(rateCents) || rateCents < 0) throw new RangeError(`rate must be a non-negative integer, got ${rateCents}`);
  return roundHalfUp(ratio(minutes * rateCents, 60), 0);
}

export function timeCostCents(entry: Pick<TimeFact, "minutes" | "role">, rates: HourlyRates): number {
  return hoursCostCents(entry.minutes, rateFor(rates, entry.role));
}

/** Whether the day lies in the trajectory's period (both ends included). */
export function inPeriod(on: IsoDay, p: TrajectoryPeriod): boolean {
  return p.startsOn <= on && (p.endsOn === null || on <= p.endsOn);
}

/**
 * The trajectory an entry counts for: the one it was booked on, else the one running on its day —
 * the latest started when two overlap, so nothing counts twice — else none (null).
 */
export function countsFor(entry: { on: IsoDay; trajectoryId: string | null }, periods: readonly TrajectoryPeriod[]): string | null {
  if (entry.trajectoryId !== null) return entry.trajectoryId;
  let best: TrajectoryPeriod | null = null;
  for (const p of periods) {
    if (!inPeriod(entry.on, p)) continue;
    if (!best || p.startsOn > best.startsOn || (p.startsOn === best.startsOn && p.id > best.id)) best = p;
  }
  return best ? best.id : null;
}

const monthOf = (on: IsoDay): string => on.slice(0, 7);

function add<K>(map: Map<K, number>, key: K, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

export interface FamilyCostInput {
  time: readonly (TimeFact & { userName: string })[];
  costs: readonly CostFact[];
  trajectories: readonly TrajectoryPeriod[];
  rates: HourlyRates;
}

/** Every total of one family's hours and costs (per line, trajectory, person, activity and month). */
export function familyCostSummary(input: FamilyCostInput): FamilyCostSummary {
  const { rates, trajectories } = input;
  const lines = new Map<CostLine, number>();
  const trajectoryTotals = new Map<string | null, { minutes: number; hoursCents: number; costsCents: number }>();
  const months = new Map<string, { minutes: number; hoursCents: number; costsCents: number }>();
  const people = new Map<string, { name: string; role: string; minutes: number; hoursCents: number; activities: Map<TimeActivity, number> }>();
  const activities = new Map<TimeActivity, number>();
  const bucket = <K>(map: Map<K, { minutes: number; hoursCents: number; costsCents: number }>, key: K) => {
    let b = map.get(key);
    if (!b) map.set(key, (b = { minutes: 0, hoursCents: 0, costsCents: 0 }));
    return b;
  };
  let minutes = 0;
  let hoursCents = 0;
  let costsCents = 0;

  for (const t of input.time) {
    const cents = timeCostCents(t, rates);
    minutes += t.minutes;
    hoursCents += cents;
    add(lines, "hours", cents);
    for (const b of [bucket(trajectoryTotals, countsFor(t, trajectories)), bucket(months, monthOf(t.on))]) {
      b.minutes += t.minutes;
      b.hoursCents += cents;
    }
    let person = people.get(t.userId);
    if (!person) people.set(t.userId, (person = { name: t.userName, role: t.role, minutes: 0, hoursCents: 0, activities: new Map() }));
    person.minutes += t.minutes;
    person.hoursCents += cents;
    add(person.activities, t.activity, t.minutes);
    add(activities, t.activity, t.minutes);
  }
  for (const c of input.costs) {
    costsCents += c.amountCents;
    add(lines, c.funding, c.amountCents);
    bucket(trajectoryTotals, countsFor(c, trajectories)).costsCents += c.amountCents;
    bucket(months, monthOf(c.on)).costsCents += c.amountCents;
  }

  const activityList = (m: ReadonlyMap<TimeActivity, number>) => TIME_ACTIVITIES.filter((a) => (m.get(a) ?? 0) > 0).map((activity) => ({ activity, minutes: m.get(activity) ?? 0 }));
  const ordered = [...trajectories].sort((a, b) => (a.startsOn === b.startsOn ? a.id.localeCompare(b.id) : a.startsOn < b.startsOn ? -1 : 1));
  const byTrajectory: TrajectoryCosts[] = ordered.map((p) => {
    const b = trajectoryTotals.get(p.id) ?? { minutes: 0, hoursCents: 0, costsCents: 0 };
    return { trajectoryId: p.id, startsOn: p.startsOn, endsOn: p.endsOn, ...b, totalCents: b.hoursCents + b.costsCents };
  });
  // Entries booked on a trajectory that is not in the list (should not happen) still count, under their id.
  for (const [id, b] of trajectoryTotals) {
    if (id !== null && !trajectories.some((p) => p.id === id)) byTrajectory.push({ trajectoryId: id, startsOn: null, endsOn: null, ...b, totalCents: b.hoursCents + b.costsCents });
  }
  const outside = trajectoryTotals.get(null);
  if (outside) byTrajectory.push({ trajectoryId: null, startsOn: null, endsOn: null, ...outside, totalCents: outside.hoursCents + outside.costsCents });

  return {
    minutes,
    hoursCents,
    costsCents,
    totalCents: hoursCents + costsCents,
    byLine: COST_LINES.filter((l) => lines.has(l))
      .map((line) => ({ line, cents: lines.get(line) ?? 0 }))
      .sort((a, b) => b.cents - a.cents || COST_LINES.indexOf(a.line) - COST_LINES.indexOf(b.line)),
    byTrajectory,
    byPerson: [...people.entries()]
      .map(([userId, p]) => ({ userId, name: p.name, role: p.role, minutes: p.minutes, hoursCents: p.hoursCents, byActivity: activityList(p.activities) }))
      .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name, "nl")),
    byActivity: activityList(activities),
    byMonth: [...months.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([month, b]) => ({ month, ...b, totalCents: b.hoursCents + b.costsCents })),
  };
}

/** Mean of whole cents, half-up to a cent; null for none. */
export function meanCents(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let total = 0;
  for (const v of values) total += v;
  return roundHalfUp(ratio(total, values.length), 0);
}

/** Median of whole cents; for an even count the mean of the middle two, half-up to a cent. */
export function medianCents(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return roundHalfUp(ratio((sorted[mid - 1] as number) + (sorted[mid] as number), 2), 0);
}
