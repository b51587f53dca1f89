import type { Trajectory } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Heading3, Paragraph, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { ConsentForm } from "./ConsentForm.tsx";
import { EropafForm } from "./EropafForm.tsx";

/** The day the family (most recently) entered the informatiefase. */
export function intakeStartedOn(trajectory: Trajectory): string | null {
  const entries = trajectory.history.filter((h) => h.to === "intake");
  return entries[entries.length - 1]?.on ?? null;
}

/** Informatiefase: the toestemmingsformulier and the Eropaf route that relaxes the four weeks. */
export function IntakeSection({ trajectory, canEdit, onStale }: { trajectory: Trajectory; canEdit: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const inIntake = trajectory.phase === "intake";
  const startedOn = intakeStartedOn(trajectory);
  if (!startedOn || (!inIntake && !trajectory.consentSignedOn && trajectory.eropaf.length === 0)) return null;
  const editable = canEdit && inIntake;
  return (
    <Section id="intake" title={t("intake.title")}>
      {inIntake ? <Paragraph>{t("intake.intro", { date: fmt.date(startedOn) })}</Paragraph> : null}
      <Heading3>{t("consent.title")}</Heading3>
      <p className="utrecht-paragraph" data-testid="consent-status">
        {trajectory.consentSignedOn ? (
          <><span className="pw-tag pw-tag--done">{t("consent.signed")}</span> {t("consent.signedOnText", { date: fmt.date(trajectory.consentSignedOn) })}</>
        ) : (
          <><span className="pw-tag pw-tag--open">{t("consent.notSigned")}</span> {t("consent.notSignedText")}</>
        )}
      </p>
      {editable ? <ConsentForm trajectory={trajectory} onStale={onStale} /> : null}

      <Heading3>{t("eropaf.title")}</Heading3>
      {trajectory.eropaf.length === 0 ? (
        <p className="utrecht-paragraph">{t("eropaf.none")}</p>
      ) : (
        <Table caption={t("eropaf.caption")}>
          <THead>
            <Tr>
              <Th>{t("eropaf.decidedOn")}</Th>
              <Th>{t("eropaf.reason")}</Th>
              <Th>{t("eropaf.revisedDeadline")}</Th>
            </Tr>
          </THead>
          <TBody>
            {trajectory.eropaf.map((e, i) => (
              <Tr key={`${e.decidedOn}-${i}`}>
                <Th scope="row">{fmt.date(e.decidedOn)}</Th>
                <Td className="pw-prewrap">{e.reason}</Td>
                <Td>{e.revisedDeadline ? fmt.date(e.revisedDeadline) : t("eropaf.defaultDeadline")}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {editable ? <EropafForm trajectory={trajectory} intakeStartedOn={startedOn} onStale={onStale} /> : null}
    </Section>
  );
}
