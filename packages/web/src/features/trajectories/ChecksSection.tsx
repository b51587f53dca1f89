import { REFERRAL_CHECKS, type Trajectory } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { CheckForm } from "./CheckForm.tsx";
import { useTrajectoryLabels } from "./labels.ts";

/** The five checks of the aanmelding: a form per check while undecided, a table afterwards. */
export function ChecksSection({ trajectory, canEdit, onStale }: { trajectory: Trajectory; canEdit: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const editable = canEdit && trajectory.phase === "referral" && trajectory.decision === null;
  const done = REFERRAL_CHECKS.length - trajectory.openChecks.length;
  return (
    <Section id="checks" title={t("checks.title")}>
      <Paragraph>{t("checks.progress", { done, total: REFERRAL_CHECKS.length })}</Paragraph>
      {editable ? (
        <>
          <Paragraph>{t("checks.intro")}</Paragraph>
          {REFERRAL_CHECKS.map((kind) => <CheckForm key={kind} trajectory={trajectory} kind={kind} onStale={onStale} />)}
        </>
      ) : (
        <Table caption={t("checks.title")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("checks.check")}</Th>
              <Th>{t("checks.result")}</Th>
              <Th>{t("checks.note")}</Th>
              <Th>{t("checks.checkedOn")}</Th>
            </Tr>
          </THead>
          <TBody>
            {REFERRAL_CHECKS.map((kind) => {
              const c = trajectory.checks.find((x) => x.kind === kind);
              return (
                <Tr key={kind}>
                  <Th scope="row">{labels.check(kind)}</Th>
                  <Td>{c ? labels.checkResult(c.result) : t("checks.open")}</Td>
                  <Td className="pw-prewrap">{c?.note ?? "–"}</Td>
                  <Td>{c ? fmt.date(c.checkedOn) : "–"}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Section>
  );
}
