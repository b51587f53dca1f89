import type { InvalidParam } from "../errors.ts";
import type { IsoDay } from "../trajectory/calendar.ts";

/** Bookings record what happened: not for a day still to come, and not before the family's file could exist. */
export const EARLIEST_BOOKING_DAY: IsoDay = "2000-01-01";

export interface BookingContext {
  today: IsoDay;
  /** The trajectory the entry is booked on, when one is given: the day must lie in its period. */
  trajectory?: { startsOn: IsoDay; endsOn: IsoDay | null } | null;
}

/** Field errors of a booking's day that the schema cannot see. */
export function validateBookingDay(on: IsoDay, ctx: BookingContext): InvalidParam[] {
  if (on > ctx.today) return [{ name: "on", reason: `lies in the future (today is ${ctx.today})` }];
  if (on < EARLIEST_BOOKING_DAY) return [{ name: "on", reason: `lies before ${EARLIEST_BOOKING_DAY}` }];
  const t = ctx.trajectory;
  if (t && (on < t.startsOn || (t.endsOn !== null && on > t.endsOn))) {
    return [{ name: "on", reason: `lies outside the trajectory (${t.startsOn} to ${t.endsOn ?? "now"})` }];
  }
  return [];
}
