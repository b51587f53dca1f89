import type { QuickReferralStatistics } from "./quickReferralContract.ts";
import { QUICK_REFERRAL_CHANNELS, QUICK_REFERRAL_STATUSES, type QuickReferralChannel, type QuickReferralStatus } from "./quickReferralStatus.ts";

/*
 * The count an analist may see: quick referrals per month they were made, per channel and current
 * status, with every cell of 1–4 referrals hidden. There are no totals, so a hidden cell cannot be
 * worked out by subtracting the cells beside it; each cell counts one month, so a second query over
 * another period gives the same cells again rather than a difference.
 */

/** Cells under this many referrals are hidden. */
export const QUICK_REFERRAL_MINIMUM_COUNT = 5;
/** The longest period one query may cover. */
export const QUICK_REFERRAL_STATISTICS_MAX_MONTHS = 60;

export interface QuickReferralCountRow {
  month: string;
  channel: string;
  status: string;
  count: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Every month from `from` to `to` inclusive, as YYYY-MM; empty when `to` is before `from`. */
export function monthsFromTo(from: string, to: string): string[] {
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (!a || !b) throw new RangeError(`months must be YYYY-MM: '${from}', '${to}'`);
  const index = (m: RegExpExecArray) => Number(m[1]) * 12 + Number(m[2]) - 1;
  const out: string[] = [];
  for (let i = index(a); i <= index(b); i += 1) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
  return out;
}

/** A month `n` months before `month` (YYYY-MM). */
export function monthMinus(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`a month must be YYYY-MM: '${month}'`);
  const i = Number(m[1]) * 12 + Number(m[2]) - 1 - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

const isChannel = (c: string): c is QuickReferralChannel => (QUICK_REFERRAL_CHANNELS as readonly string[]).includes(c);
const isStatus = (s: string): s is QuickReferralStatus => (QUICK_REFERRAL_STATUSES as readonly string[]).includes(s);

/**
 * The full table for the period: one cell per month × channel × status, 0 where there were none,
 * null where there were 1–4. Rows outside the period or with an unknown channel or status are
 * left out (they cannot be shown in a cell of their own).
 */
export function quickReferralStatistics(rows: readonly QuickReferralCountRow[], from: string, to: string, minimum = QUICK_REFERRAL_MINIMUM_COUNT): QuickReferralStatistics {
  const months = monthsFromTo(from, to);
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (!isChannel(r.channel) || !isStatus(r.status)) continue;
    const key = `${r.month}|${r.channel}|${r.status}`;
    counts.set(key, (counts.get(key) ?? 0) + r.count);
  }
  const cells: QuickReferralStatistics["cells"] = [];
  for (const month of months) {
    for (const channel of QUICK_REFERRAL_CHANNELS) {
      for (const status of QUICK_REFERRAL_STATUSES) {
        const n = counts.get(`${month}|${channel}|${status}`) ?? 0;
        cells.push({ month, channel, status, count: n > 0 && n < minimum ? null : n });
      }
    }
  }
  return { from, to, minimumCount: minimum, cells };
}
