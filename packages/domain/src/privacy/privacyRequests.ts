import { z } from "zod";
import { Id, IsoDate, Version } from "../contracts/common.ts";
import { DomainError, conflict, invalid } from "../errors.ts";
import type { LocalizedText } from "../i18n.ts";
import { addMonths, type IsoDay } from "../trajectory/calendar.ts";
import { RETENTION_ACTIONS, type RetentionAction } from "./retentionPolicy.ts";

/*
 * The AVG register: every request a family member makes about their data (inzage, correctie,
 * verwijdering, beperking, bezwaar), when it came in, and how and by whom it was decided. A granted
 * request for erasure removes the data through the same code as the bewaartermijnen, or
 * pseudonymises it when the law still requires it to be kept; the decision says which and why.
 */

export const PRIVACY_REQUEST_KINDS = ["inzage", "correctie", "verwijdering", "beperking", "bezwaar"] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

export const PRIVACY_REQUEST_KIND_LABELS: Readonly<Record<PrivacyRequestKind, LocalizedText>> = {
  inzage: { nl: "Inzage (AVG artikel 15)", en: "Access (GDPR article 15)" },
  correctie: { nl: "Correctie (AVG artikel 16)", en: "Rectification (GDPR article 16)" },
  verwijdering: { nl: "Verwijdering (AVG artikel 17)", en: "Erasure (GDPR article 17)" },
  beperking: { nl: "Beperking van gebruik (AVG artikel 18)", en: "Restriction (GDPR article 18)" },
  bezwaar: { nl: "Bezwaar (AVG artikel 21)", en: "Objection (GDPR article 21)" },
};

export const PRIVACY_REQUEST_STATUSES = ["open", "granted", "refused"] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];
export const PRIVACY_REQUEST_STATUS_LABELS: Readonly<Record<PrivacyRequestStatus, LocalizedText>> = {
  open: { nl: "Nog niet besloten", en: "Not yet decided" },
  granted: { nl: "Toegewezen", en: "Granted" },
  refused: { nl: "Afgewezen", en: "Refused" },
};

/** AVG art. 12(3): answer within one month of receiving the request. */
export function answerDueOn(receivedOn: IsoDay): IsoDay {
  return addMonths(receivedOn, 1);
}

const Text = (what: string, max: number) => z.string().trim().min(1, `fill in ${what}`).max(max, `${what} is too long (at most ${max} characters)`);
const OptionalText = (max: number) =>
  z.string().trim().max(max).nullable().default(null).transform((v) => (v === "" ? null : v));

export const NewPrivacyRequest = z.object({
  kind: z.enum(PRIVACY_REQUEST_KINDS, { error: `one of: ${PRIVACY_REQUEST_KINDS.join(", ")}` }),
  /** The member the request is about; null for the whole family. */
  memberId: Id.nullable().default(null),
  /** Who asked (name, and relation when it is not the member). */
  requestedBy: Text("who made the request", 200),
  receivedOn: IsoDate,
  description: OptionalText(2000),
});
export type NewPrivacyRequest = z.infer<typeof NewPrivacyRequest>;
export type NewPrivacyRequestInput = z.input<typeof NewPrivacyRequest>;

/** What a granted erasure does: remove the data, or pseudonymise it because a law says to keep it. */
export const ErasureChoice = z.object({
  action: z.enum(RETENTION_ACTIONS, { error: `one of: ${RETENTION_ACTIONS.join(", ")}` }),
  /** Required for pseudonymise: the legal duty to keep (e.g. "Jeugdwet art. 7.3.8"). */
  legalGround: OptionalText(500),
});
export type ErasureChoice = z.infer<typeof ErasureChoice>;

export const PrivacyRequestDecision = z.object({
  version: Version,
  status: z.enum(["granted", "refused"], { error: "granted or refused" }),
  decidedOn: IsoDate,
  /** The answer to the family, in words they understand. */
  decision: Text("the decision", 2000),
  /** Only for a granted verwijdering. */
  erasure: ErasureChoice.nullable().default(null),
});
export type PrivacyRequestDecision = z.infer<typeof PrivacyRequestDecision>;
export type PrivacyRequestDecisionInput = z.input<typeof PrivacyRequestDecision>;

const Person = z.object({ id: Id, name: z.string() });

export const PrivacyRequest = z.object({
  id: Id,
  /** Null once the family's data has been erased: the register entry outlives the data. */
  familyId: Id.nullable(),
  memberId: Id.nullable(),
  kind: z.enum(PRIVACY_REQUEST_KINDS),
  requestedBy: z.string(),
  receivedOn: z.string(),
  answerDueOn: z.string(),
  description: z.string().nullable(),
  status: z.enum(PRIVACY_REQUEST_STATUSES),
  decidedOn: z.string().nullable(),
  decision: z.string().nullable(),
  recordedBy: Person.nullable(),
  decidedBy: Person.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;
export const PrivacyRequestList = z.object({ items: z.array(PrivacyRequest) });
export type PrivacyRequestList = z.infer<typeof PrivacyRequestList>;

/** What the rules need to know about the stored request. */
export interface StoredRequestFacts {
  kind: PrivacyRequestKind;
  status: PrivacyRequestStatus;
  receivedOn: IsoDay;
  recordedById: string | null;
}

/**
 * Why this decision may not be taken, or null. Four eyes for erasure: whoever recorded the request
 * does not decide it (no self-approval); a decided request stays decided.
 */
export function decisionProblem(request: StoredRequestFacts, input: PrivacyRequestDecision, ctx: { deciderId: string | null; today: IsoDay }): DomainError | null {
  if (request.status !== "open") {
    return conflict({ nl: "Over dit verzoek is al besloten.", en: "This request has been decided already." }, "request_decided");
  }
  if (request.kind === "verwijdering" && ctx.deciderId !== null && request.recordedById === ctx.deciderId) {
    return new DomainError(
      "forbidden",
      {
        nl: "U heeft dit verzoek zelf vastgelegd. Een collega beslist over verwijdering (vier ogen).",
        en: "You recorded this request yourself. A colleague decides on erasure (four eyes).",
      },
      { reason: "self_approval" },
    );
  }
  const params: { name: string; reason: string }[] = [];
  if (input.decidedOn < request.receivedOn) params.push({ name: "decidedOn", reason: `on or after the day the request came in (${request.receivedOn})` });
  if (input.decidedOn > ctx.today) params.push({ name: "decidedOn", reason: "a date in the future; record the decision once it is taken" });
  const erasing = request.kind === "verwijdering" && input.status === "granted";
  if (erasing && input.erasure === null) params.push({ name: "erasure", reason: "say whether the data is removed or pseudonymised" });
  if (!erasing && input.erasure !== null) params.push({ name: "erasure", reason: "only a granted request for erasure removes data" });
  if (input.erasure?.action === "pseudonymise" && input.erasure.legalGround === null) {
    params.push({ name: "erasure.legalGround", reason: "name the law that requires keeping the data" });
  }
  if (params.length > 0) return invalid({ nl: "Het besluit is niet compleet of klopt niet.", en: "The decision is incomplete or wrong." }, params);
  return null;
}

/** The decision as stored: the answer, and for an erasure what was done and on what ground. */
export function decisionText(input: Pick<PrivacyRequestDecision, "decision" | "erasure">): string {
  const e = input.erasure;
  if (!e) return input.decision;
  const done: Record<RetentionAction, string> = {
    purge: "Uitgevoerd: de gegevens zijn verwijderd.",
    pseudonymise: `Uitgevoerd: de gegevens zijn gepseudonimiseerd (namen, BSN, adres en vrije tekst verwijderd), omdat de wet bewaren verplicht: ${e.legalGround ?? ""}.`,
  };
  return `${input.decision}\n\n${done[e.action]}`;
}
