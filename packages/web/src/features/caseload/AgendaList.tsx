import type { CaseloadOverview } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { TextLink } from "../../components/Button.tsx";
import { SignalList } from "./SignalList.tsx";

type AgendaItem = CaseloadOverview["caseReview"][number];

/** An agenda: one numbered item per family, most urgent first, with its signals in words. */
export function AgendaList({ items, trajectoryOf, coachName, showCoach }: {
  items: readonly AgendaItem[];
  /** The family's trajectory id, for links to the trajectory pages. */
  trajectoryOf: (familyId: string) => string | undefined;
  coachName: (coachId: string | null) => string;
  showCoach: boolean;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="utrecht-paragraph">{t("caseloadOverview.agendaEmpty")}</p>;
  return (
    <ol className="utrecht-ordered-list pw-agenda">
      {items.map((item) => (
        <li key={item.familyId} className="utrecht-ordered-list__item pw-agenda__item">
          <p className="pw-agenda__family">
            <TextLink to={`/gezinnen/${item.familyId}`}>{item.caseNumber}</TextLink>
            {showCoach ? <span className="pw-agenda__coach"> · {t("caseloadOverview.coachIs", { name: coachName(item.coachId) })}</span> : null}
          </p>
          <SignalList signals={item.signals} trajectoryId={trajectoryOf(item.familyId)} caseNumber={item.caseNumber} />
        </li>
      ))}
    </ol>
  );
}
