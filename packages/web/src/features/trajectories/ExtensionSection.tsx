import type { Trajectory } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { ExtensionForm } from "./ExtensionForm.tsx";

const RUNNING = ["intake", "planning", "execution", "closing"];

/** Duur en verlenging: the planned end (at least half a year), extensions so far, and the team lead's form. */
export function ExtensionSection({ trajectory, canExtend, onStale }: { trajectory: Trajectory; canExtend: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const running = RUNNING.includes(trajectory.phase);
  const plannedEnd = trajectory.deadlines.find((d) => d.key === "planned_end")?.dueOn ?? null;
  if (!running && trajectory.extensions.length === 0) return null;
  return (
    <Section id="extension" title={t("extension.title")}>
      {plannedEnd ? <Paragraph>{t("extension.plannedEnd", { date: fmt.date(plannedEnd) })}</Paragraph> : null}
      {trajectory.extensions.length === 0 ? (
        <Paragraph>{t("extension.none")}</Paragraph>
      ) : (
        <Table caption={t("extension.caption")}>
          <THead>
            <Tr>
              <Th>{t("extension.decidedOn")}</Th>
              <Th>{t("extension.newEndDate")}</Th>
              <Th>{t("extension.reason")}</Th>
            </Tr>
          </THead>
          <TBody>
            {trajectory.extensions.map((e, i) => (
              <Tr key={`${e.decidedOn}-${i}`}>
                <Th scope="row">{fmt.date(e.decidedOn)}</Th>
                <Td>{fmt.date(e.newEndDate)}</Td>
                <Td className="pw-prewrap">{e.reason}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {running && plannedEnd ? (
        canExtend ? <ExtensionForm trajectory={trajectory} plannedEnd={plannedEnd} onStale={onStale} /> : <Paragraph small>{t("extension.teamLeadOnly")}</Paragraph>
      ) : null}
    </Section>
  );
}
