import type { PlanOverview } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import type { PlanLabels } from "./labels.ts";
import type { People } from "./people.ts";
import { SignatureText } from "./SignatureText.tsx";

/** Where the plan stands: the version in force (signed by whom, when, how) and the latest concept. */
export function PlanStatusSummary({ overview, people, labels }: { overview: PlanOverview; people: People; labels: PlanLabels }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const inForce = overview.versions.find((v) => v.inForce);
  const latest = overview.versions.find((v) => v.latest);
  if (!latest) return <p className="utrecht-paragraph">{t("plan.noneYet")}</p>;
  return (
    <div className="pw-plan-summary">
      <p className="utrecht-paragraph">
        {inForce?.signature ? (
          <>
            <strong>{t("plan.inForceIs", { number: inForce.number })}</strong>{" "}
            <SignatureText signature={inForce.signature} people={people} labels={labels} />
          </>
        ) : (
          <strong>{t("plan.noneSigned")}</strong>
        )}
      </p>
      {latest.status === "concept" ? (
        <p className="utrecht-paragraph">
          {t("plan.conceptIs", { number: latest.number, date: fmt.date(latest.updatedAt), goals: latest.goalCount, actions: latest.actionCount })}
        </p>
      ) : null}
      {!overview.editable ? <p className="utrecht-paragraph pw-muted">{t("plan.notEditableInPhase")}</p> : null}
    </div>
  );
}
