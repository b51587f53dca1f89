import { PHASE_LABELS, PHASES, type CaseloadOverview } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useCaseloadLabels } from "./labels.ts";

type CoachLoad = CaseloadOverview["coaches"][number];

/** The families per phase in words: "2 uitvoering, 1 afronding". */
export function usePhaseCounts() {
  const fmt = useFormat();
  return (byPhase: CoachLoad["byPhase"]) =>
    PHASES.filter((p) => (byPhase[p] ?? 0) > 0)
      .map((p) => `${byPhase[p] ?? 0} ${fmt.text(PHASE_LABELS[p]).toLowerCase()}`)
      .join(", ");
}

/** Load per coach against the 5–8 norm, with the status in words. */
export function CoachLoadTable({ coaches, norm }: { coaches: readonly CoachLoad[]; norm: CaseloadOverview["norm"] }) {
  const { t } = useTranslation();
  const labels = useCaseloadLabels();
  const phaseCounts = usePhaseCounts();
  return (
    <Table caption={t("caseloadOverview.loadCaption", { min: norm.min, max: norm.max })}>
      <THead>
        <Tr>
          <Th>{t("caseloadOverview.coach")}</Th>
          <Th numeric>{t("caseloadOverview.activeFamilies")}</Th>
          <Th>{t("caseloadOverview.againstNorm", { min: norm.min, max: norm.max })}</Th>
          <Th numeric>{t("caseloadOverview.aftercareFamilies")}</Th>
          <Th>{t("caseloadOverview.perPhase")}</Th>
        </Tr>
      </THead>
      <TBody>
        {coaches.map((c) => (
          <Tr key={c.coachId}>
            <Th scope="row">{c.name}</Th>
            <Td numeric>{c.active}</Td>
            <Td>
              <span className={`pw-load pw-load--${c.status}`}>{labels.loadStatus(c.status)}</span>
            </Td>
            <Td numeric>{c.aftercare}</Td>
            <Td>{phaseCounts(c.byPhase) || "–"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
