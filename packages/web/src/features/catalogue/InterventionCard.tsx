import type { InterventionSummary } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCatalogueLabels } from "./labels.ts";
import { useLeefgebieden } from "./queries.ts";

/** One search result: name (a link to its page), summary, leefgebieden, evidence, cost and provider. */
export function InterventionCard({ entry }: { entry: InterventionSummary }) {
  const { t } = useTranslation();
  const labels = useCatalogueLabels();
  const leefgebieden = useLeefgebieden();
  const headingId = `intervention-${entry.id}`;
  return (
    <article className="pw-catalogue-card" aria-labelledby={headingId}>
      <h3 className="utrecht-heading-3 pw-catalogue-card__title" id={headingId}>
        <Link className="utrecht-link utrecht-link--html-a" to={`/wat-werkt/${entry.id}`}>{entry.name}</Link>
        {entry.active ? null : <span className="pw-badge pw-badge--archived">{t("catalogue.archived")}</span>}
      </h3>
      {entry.summary ? <p className="utrecht-paragraph">{entry.summary}</p> : null}
      <dl className="pw-catalogue-card__facts">
        <div>
          <dt>{t("catalogue.leefgebieden")}</dt>
          <dd>{entry.domains.length > 0 ? entry.domains.map((d) => leefgebieden.label(d)).join(", ") : t("catalogue.noDomains")}</dd>
        </div>
        <div>
          <dt>{t("catalogue.recognition")}</dt>
          <dd>{labels.recognition(entry.recognition)}</dd>
        </div>
        <div>
          <dt>{t("catalogue.evidence")}</dt>
          <dd>{labels.evidence(entry.evidenceLevel)}</dd>
        </div>
        <div>
          <dt>{t("catalogue.cost")}</dt>
          <dd>{labels.cost(entry.costCents, entry.costUnit)}</dd>
        </div>
        <div>
          <dt>{t("catalogue.provider")}</dt>
          <dd>{entry.provider ?? t("catalogue.empty")}</dd>
        </div>
      </dl>
    </article>
  );
}
