/*
 * Inzage on paper (AVG art. 15): everything stored about a family or one member, in plain Dutch
 * (B1), section by section, for the family to read. Records are shown as stored; labels come from
 * the domain. Pure: the data comes in through the Inzage model (features/privacy/inzage.model.ts).
 */
import {
  ACTION_STATUS_LABELS,
  AftercarePlan,
  CHECK_RESULT_LABELS,
  COERCION_LABELS,
  CONSENT_CATEGORY_LABELS,
  ESCALATION_STATUS_LABELS,
  FGC_STATUS_LABELS,
  LEGAL_BASIS_LABELS,
  LEVER_LABELS,
  LEVERAGE_KIND_LABELS,
  MEETING_STATUS_LABELS,
  PHASE_LABELS,
  PlanContent,
  PlanSignature,
  PRIVACY_REQUEST_KIND_LABELS,
  PRIVACY_REQUEST_STATUS_LABELS,
  QUICK_REFERRAL_CHANNEL_LABELS,
  QUICK_REFERRAL_STATUS_LABELS,
  REFERRAL_CHECK_LABELS,
  REFERRER_KIND_LABELS,
  ROLE_LABELS as STAFF_ROLE_LABELS,
  SIGNATURE_METHOD_LABELS,
  STABILITY_ITEM_LABELS,
  TRANSITION_KIND_LABELS,
  URGENCY_LABELS,
  FUNDING_LABELS,
  TIME_ACTIVITY_LABELS,
  formatEuros,
  minutesInDutch,
  type LocalizedText,
} from "@ploegwerk/domain";
import type { Inzage } from "../features/privacy/inzage.model.ts";
import { dutchDate, dutchDateTime, joinDutch } from "./format.ts";
import type { Block, DocumentModel, KeyValue, ListItem } from "./model.ts";
import { fullName, printedPostcode, ROLE_LABELS as MEMBER_ROLE_LABELS } from "./people.ts";

/** The newest reads listed in the document; the JSON file has them all. */
export const PRINTED_ACCESS_ROWS = 200;

type Trajectory = Inzage["trajectories"][number];

/** A label from a domain map, or the stored key when the map does not know it. */
const label = (map: Readonly<Record<string, LocalizedText>>, key: string | null | undefined): string => (key ? (map[key]?.nl ?? key) : "-");
const memberRole = (role: string) => (MEMBER_ROLE_LABELS as Readonly<Record<string, string>>)[role] ?? role;
const day = (d: string | null | undefined) => (d ? dutchDate(d) : "-");
const moment = (at: Date | null | undefined) => {
  if (!at) return "-";
  const { date, time } = dutchDateTime(at.toISOString());
  return `${date}, ${time}`;
};
const text = (t: string | null | undefined) => (t && t.trim() !== "" ? t : "-");
const kv = (key: string, value: string | null | undefined): KeyValue => ({ key, value: text(value) });

/** A stored shape we have no layout for, as readable "key: value" text rather than not at all. */
export function describe(value: unknown): string {
  if (value === null || value === undefined || value === "") return "-";
  if (Array.isArray(value)) return value.length === 0 ? "-" : value.map(describe).join("; ");
  if (value instanceof Date) return moment(value);
  if (typeof value === "object") {
    return Object.entries(value)
      .filter(([k]) => k !== "id")
      .map(([k, v]) => `${k}: ${describe(v)}`)
      .join(", ");
  }
  return String(value);
}

class Names {
  private readonly staff: Map<string, string>;
  private readonly members: Map<string, string>;
  constructor(inzage: Inzage) {
    this.staff = new Map(inzage.staff.map((s) => [s.id, `${s.name} (${label(STAFF_ROLE_LABELS, s.role).toLowerCase()})`]));
    this.members = new Map(inzage.members.map((m) => [m.id, fullName(m)]));
  }
  user(id: string | null | undefined): string {
    return id ? (this.staff.get(id) ?? "een medewerker") : "-";
  }
  member(id: string | null | undefined): string {
    return id ? (this.members.get(id) ?? "een ander gezinslid") : "het hele gezin";
  }
}

export function inzageDocument(inzage: Inzage): DocumentModel {
  const names = new Names(inzage);
  const member = inzage.scope.memberId ? inzage.members.find((m) => m.id === inzage.scope.memberId) : undefined;
  const who = member ? fullName(member) : `het gezin met dossiernummer ${inzage.family.caseNumber}`;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `In dit overzicht staat alles wat ${inzage.organisation} in Ploegwerk heeft vastgelegd over ${member ? fullName(member) : "uw gezin"}. U heeft het recht om dit te zien (AVG, artikel 15).`,
    },
    {
      kind: "paragraph",
      text: "Klopt er iets niet? Dan kunt u vragen om het te verbeteren. U kunt ook vragen om gegevens te verwijderen of minder te gebruiken. Uw gezinscoach helpt u daarbij.",
    },
    {
      kind: "keyValues",
      rows: [
        kv("Over", member ? `${fullName(member)} (${memberRole(member.role)})` : who),
        kv("Dossiernummer", inzage.family.caseNumber),
        kv("Organisatie", inzage.organisation),
        kv("Team", inzage.teamName),
        kv("Gezinscoach", inzage.coachName ?? "Nog niet gekozen"),
        kv("Gemaakt op", moment(inzage.generatedAt)),
        kv("Gemaakt door", inzage.generatedBy),
      ],
    },
    ...people(inzage),
    ...inzage.trajectories.flatMap((t) => trajectory(t, inzage, names)),
    ...measurements(inzage),
    ...costBlocks(inzage, names),
    ...consentBlocks(inzage, names),
    ...correctionBlocks(inzage, names),
    ...requestBlocks(inzage, names),
    ...quickReferralBlocks(inzage),
    ...accessBlocks(inzage),
  ];
  return {
    title: member ? `Inzage: de gegevens van ${fullName(member)}` : `Inzage: de gegevens van uw gezin`,
    subject: `Inzage (AVG artikel 15), dossier ${inzage.family.caseNumber}`,
    author: `${inzage.organisation}, ${inzage.teamName}`,
    lang: "nl-NL",
    generatedOn: inzage.generatedAt.toISOString().slice(0, 10),
    blocks,
  };
}

function people(inzage: Inzage): Block[] {
  const f = inzage.family;
  const blocks: Block[] = [{ kind: "heading", level: 2, text: inzage.scope.memberId ? "Persoonsgegevens" : "Gezinsleden" }];
  blocks.push({
    kind: "list",
    items: inzage.members.map((m) => ({ text: fullName(m), detail: [memberRole(m.role), `geboren ${day(m.dateOfBirth)}`, `BSN ${m.bsn ?? "niet vastgelegd"}`].join(" · ") })),
  });
  blocks.push(
    { kind: "heading", level: 2, text: "Adres en wijk" },
    {
      kind: "keyValues",
      rows: [
        kv("Straat en huisnummer", [f.street, f.houseNumber].filter(Boolean).join(" ")),
        kv("Postcode en plaats", [f.postcode ? printedPostcode(f.postcode) : null, f.city].filter(Boolean).join(" ")),
        kv("Wijk", f.district),
        kv("Buurt", f.neighbourhood),
      ],
    },
  );
  if (inzage.network.length > 0) {
    blocks.push({ kind: "heading", level: 2, text: "Netwerk: familie, vrienden en buren" });
    blocks.push({ kind: "list", items: inzage.network.map((p) => ({ text: `${p.name} (${p.relation})`, detail: p.contact ? `Contact: ${p.contact}` : undefined })) });
  }
  return blocks;
}

/** A level-3 section with a list, or nothing when there is nothing to list. */
function section(title: string, items: ListItem[]): Block[] {
  return items.length === 0 ? [] : [{ kind: "heading", level: 3, text: title }, { kind: "list", items }];
}

function trajectory(t: Trajectory, inzage: Inzage, names: Names): Block[] {
  const r = t.trajectory;
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: `Traject: aangemeld op ${day(r.receivedOn)}` },
    {
      kind: "keyValues",
      rows: [
        kv("Fase nu", `${label(PHASE_LABELS, r.phase)} (sinds ${day(r.phaseSince)})`),
        kv("Aangemeld door", `${r.referrerName}, ${r.referrerOrganisation} (${label(REFERRER_KIND_LABELS, r.referrerKind)})`),
        kv("Contact van de aanmelder", r.referrerContact),
        kv("Reden van aanmelding", r.reason),
        kv("Hoe dringend", label(URGENCY_LABELS, r.urgency)),
        kv("Zorgen over veiligheid", r.safetyConcerns),
        kv("Dwang of drang", `${label(COERCION_LABELS, r.coercion)}${r.coercionNote ? `: ${r.coercionNote}` : ""}`),
        kv("Besluit", r.decision ? `${r.decision === "go" ? "Go" : "No-go"} op ${day(r.decisionOn)}${r.decisionReason ? `: ${r.decisionReason}` : ""} (${names.user(r.decidedById)})` : "Nog geen besluit"),
        kv("Toestemmingsformulier getekend", r.consentSignedOn ? day(r.consentSignedOn) : "Nee"),
        kv("Introductiegesprek", r.introductionAt ? `${moment(r.introductionAt)}${r.introductionPlace ? `, ${r.introductionPlace}` : ""}` : null),
      ],
    },
  ];
  blocks.push(...section("Problemen bij de aanmelding", Object.entries(r.problems).map(([domain, what]) => ({ text: `${domainLabel(inzage, r.instrumentKey, domain)}: ${text(what)}` }))));
  blocks.push(...section("Instanties die al betrokken waren", r.agencies.map((a) => ({ text: a.organisation, detail: [a.contactName, a.contact].filter(Boolean).join(" · ") || undefined }))));
  blocks.push(...section("Eropaf en verlenging", [...r.eropaf, ...r.extensions].map((d) => ({ text: describe(d) }))));
  blocks.push(
    ...section(
      "Checks bij de aanmelding",
      t.checks.map((c) => ({ text: `${label(REFERRAL_CHECK_LABELS, c.kind)}: ${label(CHECK_RESULT_LABELS, c.result)}`, detail: [`op ${day(c.checkedOn)}`, names.user(c.checkedById), c.note].filter(Boolean).join(" · ") })),
    ),
  );
  blocks.push(...section("Terugkoppeling aan de aanmelder", t.feedback.map((f) => ({ text: `${f.subject === "decision" ? "Over het besluit" : "Over de start"} op ${day(f.sentOn)} (${f.channel})`, detail: f.note ?? undefined }))));
  blocks.push(
    ...section(
      "Tijdpad",
      t.phaseHistory.map((p) => ({
        text: `${day(p.on)}: ${p.fromPhase ? `${label(PHASE_LABELS, p.fromPhase)} naar ` : ""}${label(PHASE_LABELS, p.toPhase)}`,
        detail: [label(TRANSITION_KIND_LABELS, p.kind), p.byName, p.reason ? `Reden: ${p.reason}` : null].filter(Boolean).join(" · "),
      })),
    ),
  );
  blocks.push(...planBlocks(t, inzage, names));
  blocks.push(...section("Voortgang van acties", t.actionProgress.map((a) => ({ text: `${day(a.on)}: ${label(ACTION_STATUS_LABELS, a.status)}`, detail: [names.user(a.byId), a.cancelReason].filter(Boolean).join(" · ") }))));
  blocks.push(
    ...section(
      "Overleggen (MDO)",
      t.meetings.map((m) => ({
        text: `${moment(m.scheduledAt)}: ${label(MEETING_STATUS_LABELS, m.status)}${m.location ? `, ${m.location}` : ""}`,
        detail: [
          `Voorzitter: ${names.user(m.chairId)}`,
          `Deelnemers: ${describeParticipants(m.participants)}`,
          m.decisions ? `Besluiten: ${m.decisions}` : null,
          m.agreements.length > 0 ? `Afspraken: ${describe(m.agreements)}` : null,
          m.minutes ? `Verslag: ${m.minutes}` : null,
          m.cancelReason ? `Afgezegd: ${m.cancelReason}` : null,
        ]
          .filter(Boolean)
          .join(" · "),
      })),
    ),
  );
  blocks.push(
    ...section(
      "Weekoverzichten",
      t.weeklyReports.map((w) => ({
        text: `Week ${w.week} van ${w.year}: ${w.activities}`,
        detail: [w.choices ? `Keuzes: ${w.choices}` : null, w.bottlenecks ? `Knelpunten: ${w.bottlenecks}` : null, w.childSafety ? `Veiligheid van de kinderen: ${w.childSafety}` : null, `Geschreven door ${names.user(w.writtenById)}`]
          .filter(Boolean)
          .join(" · "),
      })),
    ),
  );
  blocks.push(
    ...section(
      "Eigen Kracht-conferenties",
      t.familyGroupConferences.map((c) => ({
        text: `${label(FGC_STATUS_LABELS, c.status)}${c.heldOn ? ` op ${day(c.heldOn)}` : ""}${c.coordinator ? `, coördinator ${c.coordinator}` : ""}`,
        detail: [c.statusReason, c.agreements.length > 0 ? `Afspraken: ${describe(c.agreements)}` : null, c.followUp4wNote ? `Na vier weken: ${c.followUp4wNote}` : null, c.followUp3mNote ? `Na drie maanden: ${c.followUp3mNote}` : null]
          .filter(Boolean)
          .join(" · ") || undefined,
      })),
    ),
  );
  blocks.push(
    ...section(
      "Opschalingen",
      t.escalations.map((e) => ({
        text: `${day(e.raisedOn)}: ${e.partnerOrganisation} (${label(ESCALATION_STATUS_LABELS, e.status)})`,
        detail: [`Advies: ${e.advice}`, `Weigering: ${e.refusal}`, e.outcome ? `Uitkomst: ${e.outcome}` : null].filter(Boolean).join(" · "),
      })),
    ),
  );
  blocks.push(
    ...section(
      "Dwang en drang",
      t.leverages.map((l) => ({
        text: `${label(LEVERAGE_KIND_LABELS, l.kind)}: ${label(LEVER_LABELS, l.lever)} door ${l.party}`,
        detail: [`Voorwaarde: ${l.condition}`, `vanaf ${day(l.startsOn)}${l.endsOn ? ` tot ${day(l.endsOn)}` : ""}`, l.outcome ? `Uitkomst: ${l.outcome}` : null].filter(Boolean).join(" · "),
      })),
    ),
  );
  blocks.push(...closingBlocks(t));
  blocks.push(...section("Nazorgcontacten", t.aftercareCheckins.map((c) => ({ text: `${day(c.heldOn)}: ${c.byName}${c.relapse ? " (terugval)" : ""}`, detail: c.note ?? undefined }))));
  return blocks;
}

function describeParticipants(list: readonly unknown[]): string {
  const names = list.map((p) => (p && typeof p === "object" && typeof (p as { name?: unknown }).name === "string" ? (p as { name: string }).name : describe(p)));
  return names.length === 0 ? "-" : joinDutch(names);
}

function planBlocks(t: Trajectory, inzage: Inzage, names: Names): Block[] {
  if (t.planVersions.length === 0) return [];
  const blocks: Block[] = [{ kind: "heading", level: 3, text: "Gezinsplan" }];
  for (const v of t.planVersions) {
    const content = PlanContent.safeParse(v.content);
    blocks.push({ kind: "paragraph", bold: true, text: `Versie ${v.number}: ${v.status === "definitive" ? "definitief (ondertekend)" : "concept"}, gemaakt op ${day(v.createdOn)}` });
    if (!content.success) {
      blocks.push({ kind: "paragraph", text: describe(v.content) });
      continue;
    }
    const items: ListItem[] = [
      ...content.data.overallGoals.map((g) => ({ text: `Overkoepelend doel: ${g.description}` })),
      ...content.data.goals.map((g) => ({
        text: `${domainLabel(inzage, content.data.instrumentKey, g.domain)}: ${g.description}`,
        detail: g.actions.length === 0 ? `Voor ${names.member(g.memberIds[0] ?? null)}` : g.actions.map((a) => `${a.description} (uiterlijk ${day(a.dueDate)}, ${label(ACTION_STATUS_LABELS, a.status).toLowerCase()})`).join("; "),
      })),
    ];
    if (items.length > 0) blocks.push({ kind: "list", items });
    const signed = PlanSignature.safeParse(v.signature);
    if (signed.success) {
      const how = label(SIGNATURE_METHOD_LABELS, signed.data.method).toLowerCase();
      blocks.push({ kind: "paragraph", text: `Ondertekend door ${joinDutch(signed.data.signedBy.map((id) => names.member(id)))} op ${day(signed.data.signedOn)} (${how}), vastgelegd door ${names.user(signed.data.recordedBy)}.` });
    } else if (v.signature) blocks.push({ kind: "paragraph", text: `Ondertekend: ${describe(v.signature)}` });
  }
  return blocks;
}

function closingBlocks(t: Trajectory): Block[] {
  const c = t.closing;
  if (!c || (!c.stabilityCheck && !c.aftercarePlan)) return [];
  const blocks: Block[] = [{ kind: "heading", level: 3, text: "Afronding en nazorgplan" }];
  const check = c.stabilityCheck as { completedOn?: string; answers?: Record<string, { answer?: string; note?: string | null }> } | null;
  if (check?.answers) {
    blocks.push({
      kind: "list",
      items: Object.entries(check.answers).map(([item, a]) => ({ text: `${label(STABILITY_ITEM_LABELS, item)}: ${a.answer ?? "-"}`, detail: a.note ?? undefined })),
    });
  }
  const plan = AftercarePlan.safeParse(c.aftercarePlan);
  if (plan.success) {
    blocks.push({
      kind: "keyValues",
      rows: [
        kv("Contactpersoon", [plan.data.contactPersonName, plan.data.contactOrganisation].filter(Boolean).join(", ")),
        kv("Hoe vaak contact", plan.data.contactEveryWeeks ? `elke ${plan.data.contactEveryWeeks} weken` : null),
        kv("Overgedragen aan", plan.data.handoverTo),
        kv("Afspraak bij terugval", plan.data.relapseAgreement),
        kv("Nazorg vanaf", plan.data.startsOn ? day(plan.data.startsOn) : null),
      ],
    });
  }
  return blocks;
}

function domainLabel(inzage: Inzage, instrumentKey: string, domain: string): string {
  const def = inzage.instruments.find((d) => d.key === instrumentKey);
  return def?.domains.find((d) => d.key === domain)?.label.nl ?? domain;
}

function measurements(inzage: Inzage): Block[] {
  if (inzage.measurements.length === 0) return [];
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Metingen" },
    { kind: "paragraph", text: "Bij een meting krijgt elk leefgebied een score van 1 tot 5. Een 1 betekent een groot probleem, een 5 dat het goed gaat. Bij een lage score staat waarom." },
  ];
  for (const m of inzage.measurements) {
    const def = inzage.instruments.find((d) => d.key === m.instrumentKey && d.version === m.instrumentVersion);
    const measured = m.memberId ? inzage.members.find((x) => x.id === m.memberId) : undefined;
    const who = m.memberId ? ` van ${measured ? fullName(measured) : "een gezinslid"}` : "";
    blocks.push({ kind: "heading", level: 3, text: `Meting ${m.round}${who}: ${def?.name.nl ?? m.instrumentKey} op ${day(m.measuredOn)}` });
    const rows = m.scores.map((score, i) => {
      const domain = def?.domains[i];
      const scale = def?.scale.values.find((v) => v.value === score)?.label.nl;
      const justification = m.justifications[i];
      return { key: domain?.label.nl ?? `Leefgebied ${i + 1}`, value: `${score ?? "-"}${scale ? ` (${scale})` : ""}${justification ? `. ${justification}` : ""}` };
    });
    rows.push({ key: "Gemeten door", value: text(m.measuredByName) }, { key: "Bron", value: m.source }, { key: "Notitie", value: text(m.note) });
    blocks.push({ kind: "keyValues", rows });
  }
  return blocks;
}

function consentBlocks(inzage: Inzage, names: Names): Block[] {
  return inzage.consents.length === 0
    ? []
    : [
        { kind: "heading", level: 2, text: "Toestemmingen" },
        {
          kind: "list",
          items: inzage.consents.map((c) => ({
            text: `${c.recipientName} mag zien: ${joinDutch(c.categories.map((k) => label(CONSENT_CATEGORY_LABELS, k).toLowerCase()))}`,
            detail: [
              `Waarvoor: ${c.purpose}`,
              `Grond: ${label(LEGAL_BASIS_LABELS, c.legalBasis)}`,
              `Gegeven door ${names.member(c.givenByMemberId)} op ${day(c.givenOn)}`,
              c.onBehalfOf.length > 0 ? `ook voor ${joinDutch(c.onBehalfOf.map((id) => names.member(id)))}` : null,
              c.expiresOn ? `geldig tot ${day(c.expiresOn)}` : null,
              c.withdrawnOn ? `ingetrokken op ${day(c.withdrawnOn)}${c.withdrawnReason ? ` (${c.withdrawnReason})` : ""}` : null,
            ]
              .filter(Boolean)
              .join(" · "),
          })),
        },
      ];
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  caseNumber: "Dossiernummer",
  street: "Straat",
  houseNumber: "Huisnummer",
  postcode: "Postcode",
  city: "Plaats",
  district: "Wijk",
  neighbourhood: "Buurt",
  givenName: "Voornaam",
  surname: "Achternaam",
  role: "Rol in het gezin",
  dateOfBirth: "Geboortedatum",
  bsn: "BSN",
};

/** Hours and costs booked for the family (uren en kosten), oldest first. */
function costBlocks(inzage: Inzage, names: Names): Block[] {
  if (inzage.timeEntries.length === 0 && inzage.costEntries.length === 0) return [];
  const minutes = inzage.timeEntries.reduce((sum, t) => sum + t.minutes, 0);
  const cents = inzage.costEntries.reduce((sum, c) => sum + c.amountCents, 0);
  return [
    { kind: "heading", level: 2, text: "Uren en kosten" },
    { kind: "paragraph", text: `Hoeveel tijd medewerkers aan uw gezin besteedden, en welke kosten er voor uw gezin zijn gemaakt. In totaal ${minutesInDutch(minutes)} en ${formatEuros(cents)} aan kosten.` },
    ...section(
      "Uren",
      inzage.timeEntries.map((t) => ({ text: `${day(t.on)}: ${minutesInDutch(t.minutes)} ${label(TIME_ACTIVITY_LABELS, t.activity).toLowerCase()}`, detail: [names.user(t.userId), t.note].filter(Boolean).join(" · ") })),
    ),
    ...section(
      "Kosten",
      inzage.costEntries.map((c) => ({
        text: `${day(c.on)}: ${formatEuros(c.amountCents)} voor ${c.description}`,
        detail: [`Betaald uit: ${label(FUNDING_LABELS, c.funding)}`, c.interventionName ? `Aanbod: ${c.interventionName}` : null, c.createdById ? `Geboekt door ${names.user(c.createdById)}` : null].filter(Boolean).join(" · "),
      })),
    ),
  ];
}

/** A booking that was taken back, in words: the correction history keeps what it was. */
function bookingWords(c: Inzage["corrections"][number]): string | null {
  const b = (c.before ?? {}) as Record<string, unknown>;
  const on = typeof b.on === "string" ? day(b.on) : "-";
  if (c.entityType === "time_entry") return `Geboekte uren teruggenomen: ${on}, ${typeof b.minutes === "number" ? minutesInDutch(b.minutes) : "-"} ${label(TIME_ACTIVITY_LABELS, typeof b.activity === "string" ? b.activity : null).toLowerCase()}`;
  if (c.entityType === "cost_entry") return `Geboekte kosten teruggenomen: ${on}, ${typeof b.amountCents === "number" ? formatEuros(b.amountCents) : "-"} voor ${describe(b.description)}`;
  return null;
}

function correctionBlocks(inzage: Inzage, names: Names): Block[] {
  return inzage.corrections.length === 0
    ? []
    : [
        { kind: "heading", level: 2, text: "Correcties" },
        { kind: "paragraph", text: "Deze gegevens zijn veranderd. U ziet wat er eerst stond en wat er nu staat." },
        {
          kind: "list",
          items: inzage.corrections.map((c) => ({
            text: bookingWords(c) ?? `${FIELD_LABELS[c.field] ?? c.field}${c.entityType === "member" ? ` van ${names.member(c.entityId)}` : ""}: "${describe(c.before)}" werd "${describe(c.after)}"`,
            detail: [moment(c.createdAt), names.user(c.byId), c.reason ? `Reden: ${c.reason}` : null].filter(Boolean).join(" · "),
          })),
        },
      ];
}

function requestBlocks(inzage: Inzage, names: Names): Block[] {
  return inzage.privacyRequests.length === 0
    ? []
    : [
        { kind: "heading", level: 2, text: "Uw verzoeken over uw gegevens (AVG)" },
        {
          kind: "list",
          items: inzage.privacyRequests.map((r) => ({
            text: `${label(PRIVACY_REQUEST_KIND_LABELS, r.kind)}, ontvangen op ${day(r.receivedOn)}: ${label(PRIVACY_REQUEST_STATUS_LABELS, r.status).toLowerCase()}`,
            detail: [
              `Gevraagd door ${r.requestedBy}`,
              r.description,
              r.decidedOn ? `Besluit op ${day(r.decidedOn)}${r.decidedById ? ` door ${names.user(r.decidedById)}` : ""}: ${text(r.decision)}` : null,
            ]
              .filter(Boolean)
              .join(" · "),
          })),
        },
      ];
}

/** Quick referrals (Klantwijzer, Welzijn op Recept) that led to this family's file. */
function quickReferralBlocks(inzage: Inzage): Block[] {
  return inzage.quickReferrals.length === 0
    ? []
    : [
        { kind: "heading", level: 2, text: "Snelle verwijzingen" },
        { kind: "paragraph", text: "Iemand heeft u snel doorverwezen, bijvoorbeeld uw huisarts of de school. Dit is wat daarover is vastgelegd." },
        {
          kind: "list",
          items: inzage.quickReferrals.map((q) => ({
            text: `${moment(q.createdAt)}: ${label(QUICK_REFERRAL_CHANNEL_LABELS, q.channel)} van ${q.referrerName}${q.referrerOrganisation ? ` (${q.referrerOrganisation})` : ""} naar ${q.interventionName ?? "het team"}`,
            detail: [
              `Over: ${q.residentName}${q.residentContact ? `, ${q.residentContact}` : ""}`,
              `Reden: ${q.reason}`,
              `U was akkoord: ${q.residentConsent ? "ja" : "nee"}`,
              `Stand: ${label(QUICK_REFERRAL_STATUS_LABELS, q.status).toLowerCase()}`,
              q.pickedUpAt ? `opgepakt op ${moment(q.pickedUpAt)}` : null,
              q.closedAt ? `afgesloten op ${moment(q.closedAt)}${q.outcomeNote ? `: ${q.outcomeNote}` : ""}` : null,
            ]
              .filter(Boolean)
              .join(" · "),
          })),
        },
      ];
}

/** The record an audit action is about, as the family would name it. */
const ACCESS_NOUNS: Readonly<Record<string, string>> = {
  family: "het dossier",
  member: "een gezinslid",
  network_person: "iemand uit het netwerk",
  trajectory: "het traject",
  referral: "het besluit over de aanmelding",
  referral_check: "een check bij de aanmelding",
  referrer_feedback: "de terugkoppeling aan de aanmelder",
  phase: "de fase van het traject",
  measurement: "een meting",
  measurements: "de metingen",
  plan: "het gezinsplan",
  action: "een actie uit het plan",
  meeting: "een overleg (MDO)",
  weekly_report: "een weekoverzicht",
  family_group_conference: "een Eigen Kracht-conferentie",
  escalation: "een opschaling",
  leverage: "dwang of drang",
  stability_check: "de stabilisatiecheck",
  aftercare_plan: "het nazorgplan",
  aftercare_checkin: "een nazorgcontact",
  closing: "de afronding",
  consent: "een toestemming",
  document: "een document",
  privacy: "een inzage-overzicht",
  privacy_request: "een AVG-verzoek",
  break_glass: "het dossier met een noodtoegang",
  quick_referral: "een snelle verwijzing",
};
const ACCESS_VERBS: Readonly<Record<string, string>> = {
  viewed: "bekeek",
  listed: "zocht en vond",
  created: "legde vast:",
  recorded: "legde vast:",
  updated: "veranderde",
  changed: "veranderde",
  saved: "bewaarde",
  signed: "legde de handtekening vast onder",
  decided: "besliste over",
  generated: "maakte",
  exported: "maakte",
  withdrawn: "legde de intrekking vast van",
  opened: "opende",
  deleted: "verwijderde",
  picked_up: "legde het oppakken vast van",
  completed: "rondde af:",
  declined: "legde vast dat niet werd opgepakt:",
  feedback_recorded: "legde de terugkoppeling vast bij",
  family_linked: "koppelde aan het dossier:",
};

/** "family.viewed" → "bekeek het dossier"; an action the maps do not know shows its code. */
export function accessWords(action: string): string {
  const dot = action.lastIndexOf(".");
  const noun = ACCESS_NOUNS[action.slice(0, dot)];
  const verb = ACCESS_VERBS[action.slice(dot + 1)];
  return noun && verb ? `${verb} ${noun}` : action;
}

function accessBlocks(inzage: Inzage): Block[] {
  const rows = inzage.accessHistory.slice(0, PRINTED_ACCESS_ROWS);
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Wie heeft dit dossier ingezien" },
    { kind: "paragraph", text: "Elke keer dat iemand uw dossier bekijkt of verandert, wordt dat vastgelegd. Het nieuwste staat bovenaan." },
  ];
  if (rows.length === 0) return [...blocks, { kind: "paragraph", text: "Nog niemand heeft het dossier bekeken." }];
  blocks.push({
    kind: "list",
    items: rows.map((r) => ({
      text: `${moment(r.occurredAt)}: ${r.actor}${r.organisation ? `, ${r.organisation}` : ""}`,
      detail: [accessWords(r.action), r.purpose ? `Doel: ${r.purpose}` : null].filter(Boolean).join(" · "),
    })),
  });
  if (inzage.accessHistory.length > rows.length || inzage.accessHistoryTruncated) {
    blocks.push({ kind: "paragraph", text: `Hier staan de nieuwste ${rows.length} keer. Het JSON-bestand van deze inzage heeft de hele lijst.` });
  }
  return blocks;
}
