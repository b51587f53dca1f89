import { PHASE_LABELS, type CaseloadOverview } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { TextLink } from "../../components/Button.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { SignalList } from "./SignalList.tsx";

type FamilyRow = CaseloadOverview["families"][number];

/** The team's open trajectories: phase and days in phase, coach, signals, and the way to each file. */
export function FamiliesTable({ families }: { families: readonly FamilyRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table caption={t("caseloadOverview.familiesCaption")} captionHidden>
      <THead>
        <Tr>
          <Th>{t("caseloadOverview.family")}</Th>
          <Th>{t("caseloadOverview.phase")}</Th>
          <Th>{t("caseloadOverview.inPhase")}</Th>
          <Th>{t("caseloadOverview.coach")}</Th>
          <Th>{t("caseloadOverview.signals")}</Th>
          <Th>{t("caseloadOverview.trajectory")}</Th>
        </Tr>
      </THead>
      <TBody>
        {families.map((f) => (
          <Tr key={f.trajectoryId}>
            <Th scope="row">
              <TextLink to={`/gezinnen/${f.familyId}`}>{f.caseNumber}</TextLink>
            </Th>
            <Td>{fmt.text(PHASE_LABELS[f.phase])}</Td>
            <Td>
              {t("caseloadOverview.daysInPhase", { count: f.daysInPhase })}
              <span className="pw-cell-note">{t("caseloadOverview.since", { date: fmt.date(f.phaseSince) })}</span>
            </Td>
            <Td>{f.coachName ?? t("caseloadOverview.noCoach")}</Td>
            <Td>
              <SignalList signals={f.signals} trajectoryId={f.trajectoryId} caseNumber={f.caseNumber} />
            </Td>
            <Td>
              <TextLink to={`/trajecten/${f.trajectoryId}`}>
                {t("caseloadOverview.openTrajectory")}
                <span className="pw-visually-hidden"> {t("caseloadOverview.ofFamily", { caseNumber: f.caseNumber })}</span>
              </TextLink>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
