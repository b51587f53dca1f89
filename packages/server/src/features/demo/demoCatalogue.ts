/**
 * The demo organisation's "wat werkt" catalogue: ten interventions from the Dutch social domain,
 * described in our own neutral words. Effectladder steps, erkenningen and amounts are illustrative
 * for the demo (the cost examples of Houd me vast and Join us follow BRIEF §5); they are not taken
 * from, nor checked against, a recognition databank. Some signed demo plans then name entries on
 * their actions, so the entries' pages show practice-based evidence.
 */
import { NewIntervention, PlanContent, type NewInterventionInput } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { planVersions } from "../../db/schema.ts";
import { createIntervention } from "../interventions/interventions.service.ts";
import type { DemoPartners } from "./demoTrajectories.ts";

const REGION = ["Voorbeeldstad"];

function entries(partners: DemoPartners): NewInterventionInput[] {
  return [
    {
      key: "schuldhulpverlening",
      name: "Schuldhulpverlening (Kredietbank)",
      summary: "De gemeentelijke kredietbank zoekt samen met het gezin uit welke schulden er zijn en regelt een betalingsregeling of schuldsanering.",
      targetGroup: "Inwoners met problematische schulden die er zelf niet meer uitkomen.",
      targetGroups: ["volwassenen", "gezinnen"],
      goal: "Rust en overzicht: geen nieuwe schulden, een vaste regeling met de schuldeisers en een haalbaar budget.",
      theory: "Geldzorgen vragen zoveel aandacht dat er voor andere problemen geen ruimte is; eerst stabiliseren maakt ander werk mogelijk.",
      method: "Intake, stabilisatie (beslagen en afsluitingen voorkomen), een schuldregeling of budgetbeheer, en nazorg.",
      provider: "Gemeentelijke Kredietbank Voorbeeldstad",
      providerPartnerId: partners.debt,
      geographicReach: "Gemeente Voorbeeldstad",
      regions: REGION,
      domains: ["inkomen"],
      evidenceLevel: 2,
      recognition: "goed_onderbouwd",
      costUnit: "free",
      costIncludes: "Kosteloos voor inwoners; de gemeente betaalt.",
      contact: "Schuldhulp, 050-0000000",
      sources: [{ title: "Beschrijving schuldhulpverlening gemeente Voorbeeldstad", url: null, year: 2024 }],
    },
    {
      key: "thuisadministratie",
      name: "Humanitas Thuisadministratie",
      summary: "Een getrainde vrijwilliger komt thuis en helpt de post, rekeningen en formulieren te ordenen.",
      targetGroup: "Huishoudens die het overzicht over hun papieren kwijt zijn, ook als er (nog) geen grote schulden zijn.",
      targetGroups: ["volwassenen", "gezinnen"],
      goal: "Zelf de administratie bijhouden, zodat er geen nieuwe schulden ontstaan.",
      method: "Een vrijwilliger komt ongeveer een jaar lang elke week of om de week; samen wordt een systeem gemaakt dat het gezin zelf kan blijven gebruiken.",
      provider: "Humanitas, afdeling Voorbeeldstad",
      geographicReach: "Voorbeeldstad en omliggende dorpen",
      regions: REGION,
      domains: ["inkomen"],
      evidenceLevel: 1,
      recognition: "goed_beschreven",
      costUnit: "free",
      costIncludes: "Vrijwilligers; gratis voor het gezin.",
      contact: "Humanitas Voorbeeldstad, thuisadministratie@example.org",
    },
    {
      key: "stichting-leergeld",
      name: "Stichting Leergeld",
      summary: "Betaalt voor kinderen uit gezinnen met weinig geld zaken als sportclub, zwemles, schoolreis of een fiets.",
      targetGroup: "Kinderen van 4 tot 18 jaar in gezinnen met een laag inkomen.",
      targetGroups: ["kinderen_0_12", "jongeren_12_18"],
      goal: "Kinderen doen mee, op school en in hun vrije tijd, net als hun leeftijdgenoten.",
      method: "Een intermediair bezoekt het gezin thuis en vraagt aan wat het kind nodig heeft; de stichting betaalt rechtstreeks aan de club of school.",
      provider: "Stichting Leergeld Voorbeeldstad",
      geographicReach: "Gemeente Voorbeeldstad",
      regions: REGION,
      domains: ["vrije_tijd", "onderwijs_werk"],
      evidenceLevel: 1,
      costUnit: "free",
      costIncludes: "Gratis voor het gezin; gefinancierd met giften en gemeentelijke subsidie.",
    },
    {
      key: "eigen-kracht-conferentie",
      name: "Eigen Kracht-conferentie",
      summary: "Familie, vrienden en buren maken samen een plan voor het gezin, georganiseerd door een onafhankelijke coördinator.",
      targetGroup: "Gezinnen met een netwerk dat mee wil denken, als de problemen niet (meer) acuut zijn.",
      targetGroups: ["gezinnen"],
      goal: "Een eigen plan van het gezin en zijn netwerk, met afspraken over wie wat doet.",
      theory: "Mensen voeren een plan beter uit als het hun eigen plan is; een netwerk dat meedoet, blijft ook na de hulp.",
      method: "Voorbereiding met het gezin en iedere deelnemer; de conferentie met een informatieronde, een besloten deel zonder professionals en het plan; nabellen na vier weken en drie maanden.",
      provider: "Eigen Kracht Centrale",
      geographicReach: "Landelijk",
      domains: ["sociaal_netwerk", "opvoeding"],
      evidenceLevel: 2,
      costUnit: "per_family",
      costCents: 250000,
      costIncludes: "Coördinator, voorbereiding en de conferentie zelf (zaal, eten).",
    },
    {
      key: "houd-me-vast",
      name: "Houd me vast",
      summary: "Groepstraining voor stellen die steeds in dezelfde ruzies terechtkomen.",
      targetGroup: "Ouders en stellen met relatieproblemen die hun kinderen raken.",
      targetGroups: ["ouders", "volwassenen"],
      goal: "Partners begrijpen elkaars reacties en praten weer veilig met elkaar.",
      theory: "Gebaseerd op de hechtingstheorie: ruzies gaan vaak over de vraag of de ander er voor je is.",
      method: "Een vaste groep stellen komt een aantal avonden bij elkaar onder leiding van twee trainers.",
      provider: "Maatschappelijk werk Voorbeeldstad",
      geographicReach: "Regio",
      regions: REGION,
      domains: ["opvoeding", "sociaal_netwerk", "geestelijke_gezondheid"],
      evidenceLevel: 3,
      recognition: "effectief_eerste",
      costCents: 650000,
      costUnit: "per_group_per_year",
      costIncludes: "Eén groepstraining met twee trainers, inclusief materiaal en ruimte.",
    },
    {
      key: "join-us",
      name: "Join us",
      summary: "Jongeren die zich eenzaam voelen, bouwen in een vaste groep aan vriendschappen en zelfvertrouwen.",
      targetGroup: "Jongeren en jongvolwassenen die zich eenzaam voelen of weinig contacten hebben.",
      targetGroups: ["jongeren_12_18", "jongvolwassenen_18_27"],
      goal: "Nieuwe vriendschappen en meer zelfvertrouwen, ook buiten de groep.",
      method: "Een groep komt wekelijks bij elkaar voor activiteiten die de jongeren zelf kiezen, met begeleiding door een jongerenwerker.",
      provider: "Welzijn Voorbeeldstad",
      regions: REGION,
      domains: ["sociaal_netwerk", "vrije_tijd"],
      evidenceLevel: 2,
      costCents: 550000,
      costUnit: "per_group_per_year",
      costIncludes: "Licentie en materiaal; daarbij 16 uur per maand inzet van een sociaal werker.",
    },
    {
      key: "welzijn-op-recept",
      name: "Welzijn op Recept",
      summary: "De huisarts verwijst mensen met psychische of lichamelijke klachten zonder medische oorzaak naar activiteiten in de wijk.",
      targetGroup: "Volwassenen met somberheid, eenzaamheid of stress die bij de huisarts komen.",
      targetGroups: ["volwassenen", "ouderen"],
      goal: "Meer welbevinden en contact met anderen, en minder huisartsbezoek.",
      method: "Een welzijnscoach voert een paar gesprekken en zoekt samen met de deelnemer een passende activiteit.",
      provider: "Welzijn Voorbeeldstad met de huisartsen",
      regions: REGION,
      domains: ["geestelijke_gezondheid", "sociaal_netwerk"],
      evidenceLevel: 2,
      costUnit: "free",
      costIncludes: "Gratis voor de deelnemer; de gemeente betaalt de welzijnscoach.",
    },
    {
      key: "video-hometraining",
      name: "Video-hometraining",
      summary: "Korte video-opnamen van gewone momenten thuis laten ouders zien wat goed gaat in het contact met hun kind.",
      targetGroup: "Ouders die vastlopen in de opvoeding van jonge kinderen.",
      targetGroups: ["ouders", "kinderen_0_12"],
      goal: "Ouders zien en versterken wat al goed gaat in het contact met hun kinderen.",
      method: "Een hulpverlener filmt een paar keer thuis en bespreekt de beelden met de ouders; de nadruk ligt op geslaagde momenten.",
      provider: "Jeugdhulp Voorbeeldstad",
      regions: REGION,
      domains: ["opvoeding"],
      evidenceLevel: 2,
      costCents: 180000,
      costUnit: "per_family",
      costIncludes: "Ongeveer acht opnames met nabespreking.",
    },
    {
      key: "triple-p",
      name: "Triple P",
      summary: "Positief opvoeden: ouders leren kleine problemen aanpakken voordat ze groot worden.",
      targetGroup: "Ouders van kinderen tot 16 jaar, van lichte vragen tot zware gedragsproblemen (in niveaus).",
      targetGroups: ["ouders", "kinderen_0_12", "jongeren_12_18"],
      goal: "Minder gedragsproblemen bij kinderen en meer zelfvertrouwen bij ouders.",
      theory: "Sociale leertheorie: gedrag van kinderen verandert als ouders anders reageren.",
      method: "Voorlichting, korte adviesgesprekken of een training, afhankelijk van wat het gezin nodig heeft.",
      provider: "Centrum voor Jeugd en Gezin",
      regions: REGION,
      domains: ["opvoeding"],
      evidenceLevel: 4,
      recognition: "effectief_goede",
      costCents: 120000,
      costUnit: "per_family",
      costIncludes: "Een individuele training van ongeveer tien bijeenkomsten.",
    },
    {
      key: "budgetcursus",
      name: "Budgetcursus",
      summary: "In een kleine groep leren rondkomen: een kasboek bijhouden, vaste lasten betalen en schulden voorkomen.",
      targetGroup: "Inwoners die moeite hebben met rondkomen, ook na een schuldregeling.",
      targetGroups: ["volwassenen", "jongvolwassenen_18_27"],
      goal: "Grip op geld: weten wat er binnenkomt en uitgaat, en op tijd betalen.",
      method: "Zes bijeenkomsten met oefeningen; deelnemers nemen hun eigen papieren mee.",
      provider: "Schuldhulpverlening Voorbeeldstad",
      providerPartnerId: partners.debt,
      regions: REGION,
      domains: ["inkomen"],
      evidenceLevel: 1,
      costCents: 5000,
      costUnit: "per_participant",
      costIncludes: "Zes bijeenkomsten en het werkboek.",
    },
  ];
}

/** Which existing demo actions (by description) name which entry, and for which families (by position). */
const LINKS: readonly { description: string; key: string; every: number }[] = [
  { description: "Aanmelden bij schuldhulpverlening", key: "schuldhulpverlening", every: 1 },
  { description: "Intakegesprek schuldhulp", key: "schuldhulpverlening", every: 1 },
  { description: "Alle post over rekeningen verzamelen in één map", key: "thuisadministratie", every: 2 },
];

export async function seedDemoCatalogue(db: Db, opts: { actor: Actor; partners: DemoPartners }): Promise<void> {
  const ids = new Map<string, string>();
  for (const input of entries(opts.partners)) {
    const created = await createIntervention(db, { actor: opts.actor, input: NewIntervention.parse(input) });
    ids.set(created.key, created.id);
  }
  // The demo's plans were written directly (demoTrajectories.ts); their actions get their entries the same way.
  const rows = await db.select().from(planVersions).where(eq(planVersions.organisationId, opts.actor.organisationId));
  rows.sort((a, b) => a.trajectoryId.localeCompare(b.trajectoryId) || a.number - b.number);
  const trajectories = [...new Set(rows.map((r) => r.trajectoryId))];
  for (const row of rows) {
    const position = trajectories.indexOf(row.trajectoryId);
    const content = PlanContent.parse(row.content);
    const goals = content.goals.map((g) => ({
      ...g,
      actions: g.actions.map((a) => {
        const link = LINKS.find((l) => l.description === a.description && position % l.every === 0);
        return link ? { ...a, interventionId: ids.get(link.key) ?? null } : a;
      }),
    }));
    await db
      .update(planVersions)
      .set({ content: { ...content, goals } })
      .where(and(eq(planVersions.organisationId, row.organisationId), eq(planVersions.trajectoryId, row.trajectoryId), eq(planVersions.number, row.number)));
  }
}
