import type { PlanVersionSummary } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { TextLink } from "../../components/Button.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { api } from "../../api/endpoints.ts";
import { useFormat } from "../../i18n/format.ts";
import type { PlanLabels } from "./labels.ts";
import type { People } from "./people.ts";
import { SignatureText } from "./SignatureText.tsx";

/** The plan's versions, newest first: concept or definitief, who signed when and how, and links to view and print. */
export function VersionList({ trajectoryId, versions, people, labels, selected }: {
  trajectoryId: string;
  versions: readonly PlanVersionSummary[];
  people: People;
  labels: PlanLabels;
  /** The version shown on the page, marked as current. */
  selected?: number | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  return (
    <Table caption={t("plan.versionsCaption")} captionHidden>
      <THead>
        <Tr>
          <Th>{t("plan.version")}</Th>
          <Th>{t("plan.status")}</Th>
          <Th>{t("plan.made")}</Th>
          <Th>{t("plan.signature")}</Th>
          <Th numeric>{t("plan.goalsAndActions")}</Th>
          <Th>{t("plan.viewAndPrint")}</Th>
        </Tr>
      </THead>
      <TBody>
        {sorted.map((v) => (
          <Tr key={v.number}>
            <Th scope="row">{t("plan.versionN", { number: v.number })}</Th>
            <Td>
              <strong>{v.status === "concept" ? t("plan.concept") : t("plan.definitive")}</strong>
              {v.inForce ? <span className="pw-plan-tag">{t("plan.inForce")}</span> : null}
              {v.latest && !v.inForce ? <span className="pw-plan-tag pw-plan-tag--plain">{t("plan.latest")}</span> : null}
            </Td>
            <Td>
              {fmt.date(v.createdOn)}
              <span className="pw-cell-note">{t("plan.by", { name: people.user(v.createdBy) })}</span>
            </Td>
            <Td>{v.signature ? <SignatureText signature={v.signature} people={people} labels={labels} /> : <span className="pw-muted">{t("plan.notSigned")}</span>}</Td>
            <Td numeric>{t("plan.counts", { goals: v.goalCount, actions: v.actionCount })}</Td>
            <Td>
              <span className="pw-link-stack">
                {selected === v.number ? (
                  <span aria-current="true" className="pw-muted">{t("plan.shownBelow")}</span>
                ) : (
                  <TextLink to={`/trajecten/${trajectoryId}/gezinsplan?versie=${v.number}#plan-version`}>
                    {t("plan.view")}<span className="pw-visually-hidden"> {t("plan.versionN", { number: v.number })}</span>
                  </TextLink>
                )}
                <a className="utrecht-link utrecht-link--html-a" href={api.planPdfUrl(trajectoryId, v.number)} type="application/pdf">
                  {t("plan.pdf")}<span className="pw-visually-hidden"> {t("plan.versionN", { number: v.number })}</span>
                </a>
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
