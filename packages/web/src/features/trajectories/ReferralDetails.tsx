import type { Trajectory } from "@ploegwerk/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Heading3, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useInstruments } from "../measurements/queries.ts";
import { useTrajectoryLabels } from "./labels.ts";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item pw-facts__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd pw-prewrap">{children}</dd>
    </div>
  );
}

/** The aanmeldformulier as it was received: referrer, reason, safety, problems per leefgebied, agencies, dwang/drang. */
export function ReferralDetails({ trajectory, collapsed = false }: { trajectory: Trajectory; collapsed?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const instruments = useInstruments();
  const r = trajectory.referral;
  const def = instruments.data?.items.find((d) => d.key === r.instrumentKey);
  const domainLabel = (key: string) => fmt.text(def?.domains.find((d) => d.key === key)?.label) || key;
  // In the instrument's order; keys the instrument no longer has come last.
  const order = def?.domains.map((d) => d.key) ?? [];
  const problems = Object.entries(r.problems).sort(([a], [b]) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  const referrer = [r.referrerName, r.referrerOrganisation, labels.referrerKind(r.referrerKind)].join(", ");

  const content = (
    <>
      <dl className="utrecht-data-list utrecht-data-list--rows pw-facts">
        <Fact label={t("referral.receivedOn")}>{fmt.date(r.receivedOn)}</Fact>
        <Fact label={t("referral.urgency")}>{labels.urgency(r.urgency)}</Fact>
        <Fact label={t("referral.referrer")}>{referrer}</Fact>
        <Fact label={t("referral.referrerContact")}>{r.referrerContact ?? "–"}</Fact>
        <Fact label={t("referral.reason")}>{r.reason}</Fact>
        <Fact label={t("referral.safetyConcerns")}>{r.safetyConcerns ?? t("referral.noneRecorded")}</Fact>
        <Fact label={t("referral.coercion")}>
          {labels.coercion(r.coercion)}
          {r.coercionNote ? <>: {r.coercionNote}</> : null}
        </Fact>
      </dl>
      <Heading3>{t("referral.problemsSection")}</Heading3>
      {problems.length === 0 ? (
        <p className="utrecht-paragraph">{t("referral.noProblems")}</p>
      ) : (
        <dl className="utrecht-data-list utrecht-data-list--rows pw-facts pw-facts--single">
          {problems.map(([key, text]) => <Fact key={key} label={domainLabel(key)}>{text}</Fact>)}
        </dl>
      )}
      <Heading3>{t("referral.agenciesSection")}</Heading3>
      {r.agencies.length === 0 ? (
        <p className="utrecht-paragraph">{t("referral.noAgencies")}</p>
      ) : (
        <Table caption={t("referral.agenciesSection")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("referral.agencyOrganisation")}</Th>
              <Th>{t("referral.agencyContactName")}</Th>
              <Th>{t("referral.agencyContact")}</Th>
            </Tr>
          </THead>
          <TBody>
            {r.agencies.map((a, i) => (
              <Tr key={`${a.organisation}-${i}`}>
                <Th scope="row">{a.organisation}</Th>
                <Td>{a.contactName ?? "–"}</Td>
                <Td>{a.contact ?? "–"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );

  return (
    <Section id="referral" title={t("referral.detailsTitle")}>
      {collapsed ? (
        <details className="pw-disclosure">
          <summary className="pw-disclosure__summary">{t("referral.showDetails", { date: fmt.date(r.receivedOn) })}</summary>
          {content}
        </details>
      ) : content}
    </Section>
  );
}
