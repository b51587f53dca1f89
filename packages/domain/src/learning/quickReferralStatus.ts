import type { LocalizedText } from "../i18n.ts";

/*
 * A quick referral (snelle verwijzing: Klantwijzer, Welzijn op Recept) moves sent → picked_up →
 * completed, or ends declined; completed and declined are final. Pure: the server asks here
 * whether a move is allowed and what feedback the referrer is still owed.
 */

export const QUICK_REFERRAL_CHANNELS = ["klantwijzer", "welzijn_op_recept", "other"] as const;
export type QuickReferralChannel = (typeof QUICK_REFERRAL_CHANNELS)[number];

export const QUICK_REFERRAL_CHANNEL_LABELS: Readonly<Record<QuickReferralChannel, LocalizedText>> = {
  klantwijzer: { nl: "Klantwijzer", en: "Klantwijzer (quick signposting)" },
  welzijn_op_recept: { nl: "Welzijn op Recept", en: "Welzijn op Recept (social prescribing)" },
  other: { nl: "Andere snelle verwijzing", en: "Other quick referral" },
};

export const QUICK_REFERRAL_STATUSES = ["sent", "picked_up", "completed", "declined"] as const;
export type QuickReferralStatus = (typeof QUICK_REFERRAL_STATUSES)[number];

export const QUICK_REFERRAL_STATUS_LABELS: Readonly<Record<QuickReferralStatus, LocalizedText>> = {
  sent: { nl: "Verstuurd", en: "Sent" },
  picked_up: { nl: "Opgepakt", en: "Picked up" },
  completed: { nl: "Afgerond", en: "Completed" },
  declined: { nl: "Niet opgepakt", en: "Declined" },
};

/** The statuses a move can lead to. */
export const QUICK_REFERRAL_MOVES = ["picked_up", "completed", "declined"] as const;
export type QuickReferralMove = (typeof QUICK_REFERRAL_MOVES)[number];

/** Which move is allowed from which status: pick up what is new; finish or decline what is picked up; a new one may be declined at once. */
const MOVES: Readonly<Record<QuickReferralStatus, readonly QuickReferralMove[]>> = {
  sent: ["picked_up", "declined"],
  picked_up: ["completed", "declined"],
  completed: [],
  declined: [],
};

export const isFinal = (status: QuickReferralStatus): boolean => MOVES[status].length === 0;

export const QUICK_REFERRAL_REFUSALS = ["already_closed", "already_picked_up", "not_picked_up", "reason_required"] as const;
export type QuickReferralRefusalCode = (typeof QUICK_REFERRAL_REFUSALS)[number];

export interface QuickReferralRefusal {
  code: QuickReferralRefusalCode;
  message: LocalizedText;
}

export type QuickReferralMoveCheck = { ok: true; to: QuickReferralStatus } | { ok: false; refusal: QuickReferralRefusal };

const refuse = (code: QuickReferralRefusalCode, nl: string, en: string): QuickReferralMoveCheck => ({ ok: false, refusal: { code, message: { nl, en } } });

/**
 * Whether `from` may move `to`; a decline needs a reason, because the referrer (and the resident)
 * should hear why not. The note of a completion is optional: "picked up and done" says enough.
 */
export function checkQuickReferralMove(from: QuickReferralStatus, to: QuickReferralMove, note: string | null): QuickReferralMoveCheck {
  if (isFinal(from)) {
    return refuse("already_closed", "Deze verwijzing is al afgesloten.", "This referral has already been closed.");
  }
  if (!MOVES[from].includes(to)) {
    if (to === "picked_up") return refuse("already_picked_up", "Deze verwijzing is al opgepakt.", "This referral has already been picked up.");
    return refuse("not_picked_up", "Pak de verwijzing eerst op; daarna kunt u haar afronden.", "Pick the referral up first; then you can complete it.");
  }
  if (to === "declined" && (note ?? "").trim() === "") {
    return refuse("reason_required", "Schrijf op waarom de verwijzing niet wordt opgepakt. De verwijzer krijgt dit te zien.", "Write down why the referral is declined. The referrer will see this.");
  }
  return { ok: true, to };
}

/** The moves open from a status (for the buttons a receiver sees). */
export function openMoves(from: QuickReferralStatus): readonly QuickReferralMove[] {
  return MOVES[from];
}

/** What the referrer without an account still has to hear: that it was picked up, or how it ended. */
export const QUICK_REFERRAL_FEEDBACK_SUBJECTS = ["picked_up", "outcome"] as const;
export type QuickReferralFeedbackSubject = (typeof QUICK_REFERRAL_FEEDBACK_SUBJECTS)[number];

export interface QuickReferralFeedbackFacts {
  /** A referrer with an account sees the status in "Mijn verwijzingen": nobody has to call them. */
  referrerHasAccount: boolean;
  pickedUpAt: string | null;
  closedAt: string | null;
  /** When the referrer was last told (by phone or mail, recorded by the receiving side). */
  feedbackSentAt: string | null;
}

/**
 * Feedback owed to a referrer outside the system (a huisarts who phoned): from the moment it is
 * picked up, and again once it is closed, until feedback is recorded after that moment. Instants
 * are ISO 8601 strings in UTC, so they compare as text.
 */
export function quickReferralFeedbackOwed(f: QuickReferralFeedbackFacts): QuickReferralFeedbackSubject | null {
  if (f.referrerHasAccount) return null;
  const latest = f.closedAt ?? f.pickedUpAt;
  if (latest === null) return null;
  if (f.feedbackSentAt !== null && f.feedbackSentAt >= latest) return null;
  return f.closedAt !== null ? "outcome" : "picked_up";
}
