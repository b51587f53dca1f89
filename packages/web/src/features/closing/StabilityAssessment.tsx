import type { ClosingRecord, StabilityItem } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { useFormat } from "../../i18n/format.ts";
import type { People } from "../plans/people.ts";
import { useClosingLabels } from "./labels.ts";

/** The saved stabilisatiecheck in words: stabilised or not, and what still stands in the way of afronding. */
export function StabilityAssessment({ record, people }: { record: ClosingRecord; people: People }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useClosingLabels();
  const check = record.stabilityCheck;
  const a = record.stabilityAssessment;
  if (!check || !a) return <p className="utrecht-paragraph">{t("closing.stability.none")}</p>;
  const list = (items: readonly StabilityItem[]) => (
    <ul className="utrecht-unordered-list">
      {items.map((i) => <li key={i} className="utrecht-unordered-list__item">{labels.item(i)}</li>)}
    </ul>
  );
  return (
    <>
      <p className="utrecht-paragraph">
        {t("closing.stability.filledIn", { date: fmt.date(check.completedOn), by: people.user(check.completedBy), with: check.withMembers.length > 0 ? check.withMembers.map(people.member).join(", ") : t("closing.stability.nobody") })}
      </p>
      {a.stabilised ? (
        <Alert type="ok" heading={t("closing.stability.stabilised")}>
          <p className="utrecht-paragraph">{t("closing.stability.stabilisedBody")}</p>
        </Alert>
      ) : (
        <Alert type="warning" heading={t("closing.stability.notStabilised")}>
          {a.notStable.length > 0 ? <><p className="utrecht-paragraph">{t("closing.stability.notStable")}</p>{list(a.notStable)}</> : null}
          {a.unanswered.length > 0 ? <><p className="utrecht-paragraph">{t("closing.stability.unanswered")}</p>{list(a.unanswered)}</> : null}
          {a.wronglyNotApplicable.length > 0 ? <><p className="utrecht-paragraph">{t("closing.stability.wronglyNotApplicable")}</p>{list(a.wronglyNotApplicable)}</> : null}
          {a.withoutFamily ? <p className="utrecht-paragraph">{t("closing.stability.withoutFamily")}</p> : null}
        </Alert>
      )}
    </>
  );
}
