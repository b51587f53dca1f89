import type { SharedFamily } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useRoundLabel } from "../measurements/labels.ts";

/** The scores per leefgebied of each meting; the coach's explanation only when that is shared too. */
export function SharedMeasurements({ measurements }: { measurements: NonNullable<SharedFamily["measurements"]> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const roundLabel = useRoundLabel();
  const withJustification = measurements.some((m) => m.scores.some((s) => s.justification !== null));
  return (
    <Section id="shared-measurements" title={t("shared.measurements.title")}>
      <Paragraph>{t("shared.measurements.intro")}</Paragraph>
      {measurements.length === 0 ? <Paragraph>{t("shared.measurements.none")}</Paragraph> : measurements.map((m) => (
        <Table key={m.id} caption={t("shared.measurements.caption", { round: roundLabel(m.round), date: fmt.date(m.measuredOn) })}>
          <THead>
            <Tr>
              <Th>{t("shared.measurements.domain")}</Th>
              <Th numeric>{t("shared.measurements.score")}</Th>
              {withJustification ? <Th>{t("shared.measurements.justification")}</Th> : null}
            </Tr>
          </THead>
          <TBody>
            {m.scores.map((s) => (
              <Tr key={s.domain}>
                <Th scope="row">{s.label}</Th>
                <Td numeric>{fmt.number(s.score, 0)}</Td>
                {withJustification ? <Td>{s.justification ?? ""}</Td> : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      ))}
    </Section>
  );
}
