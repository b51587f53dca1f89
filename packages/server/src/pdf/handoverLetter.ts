/*
 * The overdrachtsbrief (BRIEF §2.1): after "go" the family gets a letter from the team that names
 * the coach, announces the introductiegesprek, explains plainly what a gezinscoach does and, where
 * dwang or drang applies, what not cooperating leads to. Plain Dutch at B1 level: short sentences,
 * "u", no jargon. Pure: everything it prints comes in through the input.
 */
import type { Family, Trajectory } from "@ploegwerk/domain";
import { dutchDate, dutchDateTime, joinDutch } from "./format.ts";
import type { Block, DocumentModel, KeyValue } from "./model.ts";
import { addressLines, addressees, familyName, fullName, teamLabel } from "./people.ts";

export interface HandoverLetterInput {
  family: Family;
  trajectory: {
    caseNumber: string;
    referral: Pick<Trajectory["referral"], "referrerOrganisation" | "coercion" | "coercionNote">;
    introduction: Trajectory["introduction"];
  };
  /** The family's coach, with the work e-mail address the family may use; null when not yet chosen. */
  coach: { name: string; email: string | null } | null;
  organisationName: string;
  /** Today (YYYY-MM-DD): the letter's date. */
  generatedOn: string;
}

export const HANDOVER_LETTER_TITLE = "Kennismaking met uw gezinscoach";

export function handoverLetter(input: HandoverLetterInput): DocumentModel {
  const { family, trajectory, coach, organisationName, generatedOn } = input;
  const names = addressees(family).map(fullName);
  const coachName = coach?.name ?? "uw gezinscoach";
  return {
    title: HANDOVER_LETTER_TITLE,
    subject: `Overdrachtsbrief, dossier ${trajectory.caseNumber}`,
    author: `${organisationName}, ${family.teamName}`,
    lang: "nl-NL",
    generatedOn,
    blocks: [
      { kind: "lines", lines: [names.length > 0 ? joinDutch(names) : `Aan ${familyName(family)}`, ...addressLines(family)] },
      {
        kind: "keyValues",
        rows: [
          { key: "Datum", value: dutchDate(generatedOn) },
          { key: "Dossiernummer", value: trajectory.caseNumber },
          { key: "Onderwerp", value: "Uw gezinscoach en het eerste gesprek" },
        ],
      },
      { kind: "paragraph", text: `Beste ${names.length > 0 ? joinDutch(names) : "ouders"},` },
      {
        kind: "paragraph",
        text:
          `${trajectory.referral.referrerOrganisation} heeft u bij ons aangemeld. Wij denken dat wij u goed kunnen helpen. ` +
          "Daarom krijgt u een gezinscoach. In deze brief leest u wat een gezinscoach doet en wanneer u uw gezinscoach ontmoet.",
      },
      { kind: "heading", level: 2, text: "Uw gezinscoach" },
      {
        kind: "paragraph",
        text: coach
          ? `Uw gezinscoach is ${coach.name}. ${coach.name} werkt in ${teamLabel(family.teamName)} van ${organisationName}.`
          : `Uw gezinscoach werkt in ${teamLabel(family.teamName)} van ${organisationName}. U hoort snel wie uw gezinscoach wordt.`,
      },
      ...whatACoachDoes(),
      ...introduction(trajectory.introduction, coachName),
      ...coercion(trajectory.referral),
      { kind: "heading", level: 2, text: "Vragen?" },
      { kind: "paragraph", text: "Heeft u vragen over deze brief of over de hulp? Neem dan contact op met uw gezinscoach." },
      { kind: "keyValues", rows: contactRows(coach, family.teamName, organisationName) },
      { kind: "paragraph", text: "Met vriendelijke groet," },
      { kind: "lines", lines: coach ? [coach.name, `Gezinscoach, ${teamLabel(family.teamName)}`, organisationName] : [family.teamName, organisationName] },
    ],
  };
}

function whatACoachDoes(): Block[] {
  return [
    { kind: "heading", level: 2, text: "Wat doet een gezinscoach?" },
    { kind: "paragraph", text: "Wij werken volgens het idee: één gezin, één plan, één regisseur. Dat betekent:" },
    {
      kind: "list",
      items: [
        { text: "Eén gezin: de gezinscoach helpt het hele gezin, de ouders en de kinderen." },
        { text: "Eén plan: samen met u maakt de gezinscoach één plan voor uw gezin. Dat heet het gezinsplan. Daarin staat wat u zelf doet, wat mensen om u heen doen en wat hulpverleners doen." },
        { text: "Eén regisseur: de gezinscoach is uw vaste contactpersoon. De gezinscoach zorgt dat alle hulpverleners samenwerken. U hoeft uw verhaal niet steeds opnieuw te vertellen." },
      ],
    },
    { kind: "paragraph", text: "Het gezinsplan is pas klaar als u het zelf ondertekent. U weet dus altijd wat er is afgesproken." },
  ];
}

function introduction(intro: Trajectory["introduction"], coachName: string): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: "Het eerste gesprek" }];
  if (intro) {
    const { date, time } = dutchDateTime(intro.at);
    blocks.push(
      { kind: "paragraph", text: "U maakt kennis met uw gezinscoach in een eerste gesprek (het introductiegesprek):" },
      {
        kind: "keyValues",
        rows: [
          { key: "Datum", value: date },
          { key: "Tijd", value: time },
          { key: "Plaats", value: intro.place ?? "Dit hoort u nog van uw gezinscoach." },
          { key: "Met", value: coachName },
        ],
      },
    );
  } else {
    blocks.push({ kind: "paragraph", text: `${capitalize(coachName)} neemt contact met u op om een afspraak te maken voor het eerste gesprek (het introductiegesprek).` });
  }
  blocks.push(
    { kind: "paragraph", text: "In dit gesprek vertelt u wat goed gaat en wat moeilijk is. Samen kijkt u wat eerst moet gebeuren. U mag iemand meenemen die u vertrouwt, bijvoorbeeld een familielid of een vriend." },
    { kind: "paragraph", text: "Kunt u niet op deze dag of tijd? Neem dan contact op met uw gezinscoach. Dan maken we samen een nieuwe afspraak." },
  );
  return blocks;
}

/** The separate passage on the consequences of not cooperating: only where dwang or drang applies. */
function coercion(referral: HandoverLetterInput["trajectory"]["referral"]): Block[] {
  if (referral.coercion === "none") return [];
  const note = referral.coercionNote?.trim();
  const paragraphs =
    referral.coercion === "dwang"
      ? ["U bent verplicht om mee te werken aan de hulp van de gezinscoach. Dat is besloten voordat u deze brief kreeg."]
      : ["Bij uw aanmelding is afgesproken dat u meewerkt aan de hulp van de gezinscoach. U bent niet verplicht om mee te werken. Maar als u niet meewerkt, kan dat gevolgen voor u hebben."];
  paragraphs.push(note ? `Werkt u niet mee? Dan kan dit gebeuren: ${note}` : "Werkt u niet mee? Dan kan dat gevolgen hebben. Uw gezinscoach legt u uit welke.");
  paragraphs.push("Heeft u hier vragen over? Vraag het uw gezinscoach. Die legt het u graag uit.");
  return [{ kind: "notice", title: referral.coercion === "dwang" ? "Let op: meewerken is verplicht" : "Let op: meewerken is belangrijk", paragraphs }];
}

function contactRows(coach: HandoverLetterInput["coach"], teamName: string, organisationName: string): KeyValue[] {
  const rows: KeyValue[] = [];
  if (coach) rows.push({ key: "Gezinscoach", value: coach.name });
  if (coach?.email) rows.push({ key: "E-mail", value: coach.email });
  rows.push({ key: "Team", value: teamName }, { key: "Organisatie", value: organisationName });
  return rows;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
