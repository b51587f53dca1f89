/**
 * How many quick referrals per month, channel and status, for analists, beheerder and team leads:
 * counts only, with cells under five hidden (domain quickReferralStatistics). The period defaults
 * to the last twelve months including the current one.
 */
import {
  invalid,
  monthMinus,
  monthsFromTo,
  QUICK_REFERRAL_STATISTICS_MAX_MONTHS,
  quickReferralStatistics,
  todayInNetherlands,
  type QuickReferralStatistics,
  type QuickReferralStatisticsQuery,
} from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { countsPerMonth } from "./quickReferrals.queries.ts";

export async function quickReferralStatisticsFor(db: Db, opts: { actor: Actor; query: QuickReferralStatisticsQuery; today?: string }): Promise<QuickReferralStatistics> {
  authorize(opts.actor, "quickReferral.statistics");
  const thisMonth = (opts.today ?? todayInNetherlands()).slice(0, 7);
  const to = opts.query.to ?? thisMonth;
  const from = opts.query.from ?? monthMinus(to, 11);
  const months = monthsFromTo(from, to).length;
  if (months === 0 || months > QUICK_REFERRAL_STATISTICS_MAX_MONTHS) {
    throw invalid(
      { nl: `Kies een periode van 1 tot ${QUICK_REFERRAL_STATISTICS_MAX_MONTHS} maanden, met 'van' vóór 'tot'.`, en: `Choose a period of 1 to ${QUICK_REFERRAL_STATISTICS_MAX_MONTHS} months, with 'from' before 'to'.` },
      [{ name: "from", reason: `from ${from} to ${to} is ${months} months` }],
    );
  }
  const rows = await countsPerMonth(db, opts.actor.organisationId, from, to);
  return quickReferralStatistics(rows.map((r) => ({ ...r, count: Number(r.count) })), from, to);
}
