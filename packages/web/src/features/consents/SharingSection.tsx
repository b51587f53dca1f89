import { LEGAL_BASIS_LABELS, PARTNER_KIND_LABELS, ROLE_LABELS, type Role, type SharingOverview } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Heading3, Paragraph, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useDateTime } from "../meetings/dateTime.ts";
import { CategoryList } from "./CategoryFields.tsx";
import { useSharingOverview } from "./queries.ts";

const TEAM_ROLE_ORDER = ["coach", "teamleider", "ondersteuning"] as const satisfies readonly Role[];

function TeamPart({ team }: { team: SharingOverview["team"] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const roles = TEAM_ROLE_ORDER.filter((r) => team.people.some((p) => p.role === r));
  return (
    <>
      <Heading3>{t("sharing.teamTitle", { team: team.name })}</Heading3>
      <Paragraph>{t("sharing.teamWhy")}</Paragraph>
      <ul className="utrecht-unordered-list pw-sharing-list">
        {roles.map((r) => (
          <li key={r} className="utrecht-unordered-list__item">
            <strong>{fmt.text(ROLE_LABELS[r])}</strong>: {team.people.filter((p) => p.role === r).map((p) => p.name).join(", ")}
            <span className="pw-consent-note">{t(`sharing.roleWhy.${r}`)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function PartnerPart({ partner: p }: { partner: SharingOverview["partners"][number] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const headingId = `sharing-partner-${p.partnerId}`;
  return (
    <article className="pw-consent" aria-labelledby={headingId}>
      <h4 className="utrecht-heading-4" id={headingId}>{p.name} <span className="pw-muted">({fmt.text(PARTNER_KIND_LABELS[p.kind])})</span></h4>
      <dl className="utrecht-data-list pw-facts">
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("sharing.partnerSees")}</dt>
          <dd className="utrecht-data-list__item-value"><CategoryList categories={p.categories} /></dd>
        </div>
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("sharing.partnerWhy")}</dt>
          <dd className="utrecht-data-list__item-value">
            {p.purposes.join(" · ")}
            <span className="pw-consent-note">{p.legalBases.map((b) => fmt.text(LEGAL_BASIS_LABELS[b])).join(", ")}</span>
          </dd>
        </div>
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("sharing.partnerUntil")}</dt>
          <dd className="utrecht-data-list__item-value">{p.until ? t("sharing.untilDate", { date: fmt.date(p.until) }) : t("sharing.untilWithdrawn")}</dd>
        </div>
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("sharing.partnerAccounts")}</dt>
          <dd className="utrecht-data-list__item-value">{p.accounts > 0 ? t("sharing.accounts", { count: p.accounts }) : t("sharing.noAccounts")}</dd>
        </div>
      </dl>
    </article>
  );
}

/** "Wie kan wat zien?": the team and why, each chain partner with active consent and what it sees, and open noodtoegang. */
export function SharingSection({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const overview = useSharingOverview(familyId);
  return (
    <Section id="sharing" title={t("sharing.title")}>
      <Paragraph>{t("sharing.intro")}</Paragraph>
      {overview.isPending ? <Loading /> : overview.isError ? <LoadError error={overview.error} retry={() => void overview.refetch()} /> : (
        <>
          <TeamPart team={overview.data.team} />
          <Heading3>{t("sharing.partnersTitle")}</Heading3>
          {overview.data.partners.length === 0 ? (
            <Paragraph>{t("sharing.noPartners")}</Paragraph>
          ) : (
            <>
              <Paragraph>{t("sharing.partnersWhy")}</Paragraph>
              {overview.data.partners.map((p) => <PartnerPart key={p.partnerId} partner={p} />)}
            </>
          )}
          <Heading3>{t("sharing.breakGlassTitle")}</Heading3>
          {overview.data.breakGlass.length === 0 ? (
            <Paragraph>{t("sharing.noBreakGlass")}</Paragraph>
          ) : (
            overview.data.breakGlass.map((g) => (
              <Alert key={`${g.userName}-${g.grantedAt}`} type="warning">
                <p className="utrecht-paragraph">{t("sharing.breakGlass", { name: g.userName, from: dateTime(g.grantedAt), until: dateTime(g.expiresAt) })}</p>
                <p className="utrecht-paragraph">{t("sharing.breakGlassReason", { reason: g.reason })}</p>
              </Alert>
            ))
          )}
          <Heading3>{t("sharing.othersTitle")}</Heading3>
          <Paragraph>{t("sharing.others")}</Paragraph>
        </>
      )}
    </Section>
  );
}
