import type { Intervention } from "@ploegwerk/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { useCatalogueLabels } from "./labels.ts";
import { useLeefgebieden } from "./queries.ts";

/** Every field of an entry: the Wraparound toolkit's six, leefgebieden, effectladder, erkenning, cost, contact; then its sources. */
export function InterventionDetails({ entry }: { entry: Intervention }) {
  const { t } = useTranslation();
  const labels = useCatalogueLabels();
  const leefgebieden = useLeefgebieden();
  const empty = <span className="pw-muted">{t("catalogue.empty")}</span>;
  const text = (value: string | null) => (value ? <span className="pw-catalogue-text">{value}</span> : empty);
  const facts: [string, ReactNode][] = [
    [t("catalogue.targetGroupText"), text(entry.targetGroup)],
    [t("catalogue.targetGroups"), entry.targetGroups.length > 0 ? entry.targetGroups.map(labels.targetGroup).join(", ") : empty],
    [t("catalogue.goal"), text(entry.goal)],
    [t("catalogue.theory"), text(entry.theory)],
    [t("catalogue.method"), text(entry.method)],
    [t("catalogue.provider"), entry.provider || entry.providerPartnerName ? [entry.provider, entry.providerPartnerName ? `${t("catalogue.providerPartner")}: ${entry.providerPartnerName}` : null].filter(Boolean).join(" · ") : empty],
    [t("catalogue.geographicReach"), entry.geographicReach || entry.regions.length > 0 ? [entry.geographicReach, entry.regions.join(", ")].filter(Boolean).join(" · ") : empty],
    [t("catalogue.leefgebieden"), entry.domains.length > 0 ? entry.domains.map((d) => leefgebieden.label(d)).join(", ") : t("catalogue.noDomains")],
    [t("catalogue.evidence"), labels.evidence(entry.evidenceLevel)],
    [t("catalogue.recognition"), labels.recognition(entry.recognition)],
    [t("catalogue.cost"), labels.cost(entry.costCents, entry.costUnit)],
    [t("catalogue.costIncludes"), text(entry.costIncludes)],
    [t("catalogue.contact"), text(entry.contact)],
    [t("catalogue.key"), <code key="key">{entry.key}</code>],
  ];
  return (
    <>
      <Section id="catalogue-description" title={t("catalogue.descriptionTitle")}>
        <dl className="utrecht-data-list pw-facts">
          {facts.map(([label, value]) => (
            <div key={label} className="utrecht-data-list__item pw-facts__item">
              <dt className="utrecht-data-list__item-key">{label}</dt>
              <dd className="utrecht-data-list__item-value">{value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="catalogue-sources" title={t("catalogue.sourcesTitle")}>
        {entry.sources.length === 0 ? <Paragraph>{t("catalogue.noSources")}</Paragraph> : (
          <ul className="utrecht-unordered-list">
            {entry.sources.map((s, i) => (
              <li key={`${s.title}-${i}`} className="utrecht-unordered-list__item">
                {s.url ? <a className="utrecht-link utrecht-link--html-a" href={s.url} rel="noopener noreferrer" target="_blank">{s.title}</a> : s.title}
                {s.year ? ` (${s.year})` : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
