/*
 * The gezinsplan on paper, for signing (BRIEF §2.3, §3): one version of the plan with its goals
 * per leefgebied and the actions under them (who, when, status), the family's own actions marked,
 * and either empty signature lines (a concept, marked CONCEPT) or who signed, when and how.
 * Pure: names of members, network people and users come in through the input.
 */
import {
  ACTION_STATUS_LABELS,
  SIGNATURE_METHOD_LABELS,
  type ActionOwner,
  type Family,
  type InstrumentDefinition,
  type PlanAction,
  type PlanGoal,
  type PlanSignature,
  type PlanVersion,
} from "@ploegwerk/domain";
import { dutchDate, joinDutch } from "./format.ts";
import type { Block, DocumentModel, ListItem, Signer } from "./model.ts";
import { familyName, familySigners, fullName, ROLE_LABELS } from "./people.ts";

export interface FamilyPlanInput {
  family: Family;
  version: PlanVersion;
  /** The instrument the goals' leefgebieden come from (its Dutch labels); null prints the keys. */
  instrument: InstrumentDefinition | null;
  /** The participatieladder, for the names of its steps; null prints the step numbers only. */
  participationLadder: InstrumentDefinition | null;
  /** Names of users by id: coaches owning actions, the user who recorded the signature. */
  userNames: ReadonlyMap<string, string>;
  organisationName: string;
  /** Today (YYYY-MM-DD). */
  generatedOn: string;
}

/** The label printed before the family's own actions. */
export const OWN_ACTION_LABEL = "Eigen actie";

export function familyPlan(input: FamilyPlanInput): DocumentModel {
  const { family, version, generatedOn } = input;
  const names = new Names(input);
  const concept = version.status === "concept";
  const blocks: Block[] = [];
  if (concept) {
    blocks.push({ kind: "paragraph", bold: true, text: "CONCEPT. Dit plan is nog niet definitief. Het plan geldt pas als het gezin het heeft ondertekend." });
  }
  blocks.push({
    kind: "keyValues",
    rows: [
      { key: "Gezin", value: family.members.map((m) => `${fullName(m)} (${ROLE_LABELS[m.role]})`).join(", ") || "-" },
      { key: "Dossiernummer", value: family.caseNumber },
      { key: "Versie", value: String(version.number) },
      { key: "Status", value: concept ? "Concept (nog niet ondertekend)" : "Definitief (ondertekend)" },
      { key: "Startdatum", value: dutchDate(version.content.startDate) },
      { key: "Gezinscoach", value: family.coachName ?? "Nog niet gekozen" },
      { key: "Team", value: family.teamName },
    ],
  });
  blocks.push(...overallGoals(input), ...participation(input, names), ...domainGoals(input, names), ...signatures(input, names));
  return {
    title: `Gezinsplan van ${familyName(family)}`,
    subject: `Gezinsplan, dossier ${family.caseNumber}, versie ${version.number}`,
    author: `${input.organisationName}, ${family.teamName}`,
    lang: "nl-NL",
    generatedOn,
    ...(concept ? { watermark: "CONCEPT" } : {}),
    blocks,
  };
}

class Names {
  private readonly members: Map<string, string>;
  constructor(private readonly input: FamilyPlanInput) {
    this.members = new Map(input.family.members.map((m) => [m.id, fullName(m)]));
  }
  member(id: string): string {
    return this.members.get(id) ?? "een gezinslid dat niet meer in het dossier staat";
  }
  owner(owner: ActionOwner): string {
    switch (owner.kind) {
      case "member":
        return this.member(owner.memberId);
      case "networkPerson": {
        const p = this.input.family.network.find((n) => n.id === owner.networkPersonId);
        return p ? `${p.name} (${p.relation})` : "iemand uit het netwerk";
      }
      case "coach":
        return `${this.input.userNames.get(owner.userId) ?? "de gezinscoach"} (gezinscoach)`;
      case "partnerContact":
        return `${owner.contactName} (${owner.organisation})`;
    }
  }
  user(id: string): string {
    return this.input.userNames.get(id) ?? "onbekend";
  }
}

const withDate = (label: string, date: string | null) => (date ? `${label}: ${dutchDate(date)}` : undefined);

function overallGoals({ version }: FamilyPlanInput): Block[] {
  const goals = version.content.overallGoals;
  return [
    { kind: "heading", level: 2, text: "Overkoepelende doelen" },
    goals.length === 0
      ? { kind: "paragraph", text: "Er zijn nog geen overkoepelende doelen." }
      : { kind: "list", items: goals.map((g) => ({ text: g.description, detail: withDate("Streefdatum", g.targetDate) })) },
  ];
}

function participation({ version, participationLadder }: FamilyPlanInput, names: Names): Block[] {
  const goals = version.content.participation;
  if (goals.length === 0) return [];
  const step = (n: number) => {
    const label = participationLadder?.scale.values.find((v) => v.value === n)?.label.nl;
    return label ? `trede ${n} (${label})` : `trede ${n}`;
  };
  return [
    { kind: "heading", level: 2, text: "Participatieladder" },
    { kind: "paragraph", text: "Het hoofddoel is een trede hoger op de participatieladder: meer meedoen, naar werk toe." },
    { kind: "list", items: goals.map((g) => ({ text: `${names.member(g.memberId)}: nu ${step(g.currentStep)}, doel ${step(g.targetStep)}` })) },
  ];
}

/** Goals grouped by leefgebied, in the instrument's order; domains it does not know come last. */
function domainGoals(input: FamilyPlanInput, names: Names): Block[] {
  const { version, instrument } = input;
  const order = new Map((instrument?.domains ?? []).map((d, i) => [d.key, i]));
  const domains = [...new Set(version.content.goals.map((g) => g.domain))].sort((a, b) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size));
  const reasons = new Map(version.deviations.map((d) => [d.id, d.reason]));
  const blocks: Block[] = [{ kind: "heading", level: 2, text: "Doelen per leefgebied" }];
  if (domains.length === 0) return [...blocks, { kind: "paragraph", text: "Er zijn nog geen doelen." }];
  blocks.push({ kind: "paragraph", text: `Bij elke actie staat wie het doet, wanneer het klaar moet zijn en hoe ver het is. Wat het gezin zelf doet, staat er met "${OWN_ACTION_LABEL}" voor.` });
  for (const domain of domains) {
    blocks.push({ kind: "heading", level: 3, text: `Leefgebied: ${instrument?.domains.find((d) => d.key === domain)?.label.nl ?? domain}` });
    for (const goal of version.content.goals.filter((g) => g.domain === domain)) blocks.push(...goalBlocks(goal, names, reasons));
  }
  return blocks;
}

function goalBlocks(goal: PlanGoal, names: Names, reasons: ReadonlyMap<string, string>): Block[] {
  const rows = [{ key: "Voor wie", value: goal.memberIds.length === 0 ? "Het hele gezin" : joinDutch(goal.memberIds.map((id) => names.member(id))) }];
  if (goal.targetDate) rows.push({ key: "Streefdatum", value: dutchDate(goal.targetDate) });
  const reason = reasons.get(goal.id);
  if (reason) rows.push({ key: "Planning aangepast", value: reason });
  return [
    { kind: "paragraph", bold: true, text: `Doel: ${goal.description}` },
    { kind: "keyValues", rows },
    goal.actions.length === 0 ? { kind: "paragraph", text: "Nog geen acties bij dit doel." } : { kind: "list", items: goal.actions.map((a) => actionItem(a, names, reasons)) },
  ];
}

function actionItem(action: PlanAction, names: Names, reasons: ReadonlyMap<string, string>): ListItem {
  const status = ACTION_STATUS_LABELS[action.status].nl.toLowerCase();
  const parts = [`Wie: ${names.owner(action.owner)}`, `Wanneer: uiterlijk ${dutchDate(action.dueDate)}`, `Status: ${status}`];
  if (action.status === "cancelled" && action.cancelReason) parts.push(`Reden: ${action.cancelReason}`);
  const reason = reasons.get(action.id);
  if (reason) parts.push(`Planning aangepast: ${reason}`);
  return { text: action.description, detail: parts.join(" · "), highlight: action.owner.kind === "member" ? OWN_ACTION_LABEL : undefined };
}

function signatures(input: FamilyPlanInput, names: Names): Block[] {
  const { version, family, generatedOn } = input;
  const heading: Block = { kind: "heading", level: 2, text: "Handtekeningen" };
  if (version.status === "definitive") return [heading, ...signedBy(version.signature, input, names)];
  const signers: Signer[] = familySigners(family, generatedOn).map((m) => ({ name: fullName(m), role: ROLE_LABELS[m.role] }));
  signers.push({ name: family.coachName ?? "", role: "gezinscoach" });
  return [
    heading,
    { kind: "paragraph", text: "Met mijn handtekening laat ik zien dat ik het eens ben met dit plan. Ik doe mee aan de acties die bij mijn naam staan." },
    { kind: "signatureLines", signers },
  ];
}

function signedBy(signature: PlanSignature, input: FamilyPlanInput, names: Names): Block[] {
  const role = (id: string) => {
    const m = input.family.members.find((x) => x.id === id);
    return m ? ` (${ROLE_LABELS[m.role]})` : "";
  };
  return [
    { kind: "paragraph", text: "Het gezin heeft deze versie van het plan ondertekend. Het plan is definitief. Verandert er iets, dan komt er een nieuwe versie." },
    {
      kind: "keyValues",
      rows: [
        { key: "Ondertekend door", value: joinDutch(signature.signedBy.map((id) => `${names.member(id)}${role(id)}`)) },
        { key: "Datum", value: dutchDate(signature.signedOn) },
        { key: "Hoe", value: SIGNATURE_METHOD_LABELS[signature.method].nl },
        { key: "Vastgelegd door", value: names.user(signature.recordedBy) },
      ],
    },
  ];
}
