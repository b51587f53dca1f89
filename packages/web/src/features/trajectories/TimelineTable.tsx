import type { Trajectory } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useTrajectoryLabels } from "./labels.ts";

/** The tijdpad: every phase change with its date, what it was, who recorded it and why. Newest last, as it happened. */
export function TimelineTable({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  return (
    <Section id="timeline" title={t("timeline.title")}>
      <Table caption={t("timeline.caption", { caseNumber: trajectory.caseNumber })} captionHidden>
        <THead>
          <Tr>
            <Th>{t("timeline.on")}</Th>
            <Th>{t("timeline.fromTo")}</Th>
            <Th>{t("timeline.what")}</Th>
            <Th>{t("timeline.who")}</Th>
            <Th>{t("timeline.reason")}</Th>
          </Tr>
        </THead>
        <TBody>
          {trajectory.history.map((h, i) => (
            <Tr key={`${h.at}-${i}`}>
              <Th scope="row">{fmt.date(h.on)}</Th>
              <Td>
                {h.from ? (
                  <>
                    {labels.phase(h.from)} <span aria-hidden="true">→</span>
                    <span className="pw-visually-hidden"> {t("timeline.to")}</span> {labels.phase(h.to)}
                  </>
                ) : labels.phase(h.to)}
              </Td>
              <Td>{labels.kind(h.kind)}</Td>
              <Td>{h.byName}</Td>
              <Td className="pw-prewrap">{h.reason ?? "–"}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Section>
  );
}
