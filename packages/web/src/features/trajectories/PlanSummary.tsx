import { SIGNATURE_METHOD_LABELS, type Family, type Trajectory } from "@ploegwerk/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useFormat } from "../../i18n/format.ts";
import { FactList } from "./FactList.tsx";

/** Gezinsplan at a glance (read-only): the version in force, its signature, the latest concept and open actions. */
export function PlanSummary({ trajectory, family }: { trajectory: Trajectory; family: Family | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const plan = useQuery({ queryKey: keys.plan(trajectory.id), queryFn: () => api.planOverview(trajectory.id) });
  const memberName = (id: string) => {
    const m = family?.members.find((x) => x.id === id);
    return m ? `${m.givenName} ${m.surname}` : "…";
  };
  return (
    <Section id="plan-summary" title={t("summaries.plan.title")}>
      {plan.isPending ? <Loading /> : plan.isError ? <LoadError error={plan.error} retry={() => void plan.refetch()} /> : (() => {
        const p = plan.data;
        const inForce = p.versions.find((v) => v.inForce) ?? null;
        const latest = p.versions.find((v) => v.latest) ?? null;
        if (!latest) return <p className="utrecht-paragraph">{t("summaries.plan.none")}</p>;
        const overdue = p.openActions.filter((a) => a.overdue).length;
        const rows: [string, string][] = [];
        if (inForce?.signature) {
          rows.push([t("summaries.plan.inForce"), t("summaries.plan.versionSigned", {
            number: inForce.number,
            date: fmt.date(inForce.signature.signedOn),
            names: inForce.signature.signedBy.map(memberName).join(", "),
            method: fmt.text(SIGNATURE_METHOD_LABELS[inForce.signature.method]).toLowerCase(),
          })]);
        } else {
          rows.push([t("summaries.plan.inForce"), t("summaries.plan.notSigned")]);
        }
        if (latest.status === "concept") {
          rows.push([t("summaries.plan.concept"), t("summaries.plan.conceptOf", { number: latest.number, date: fmt.date(latest.updatedAt) })]);
        }
        const shown = inForce ?? latest;
        rows.push([t("summaries.plan.content"), t("summaries.plan.counts", { goals: shown.goalCount, actions: shown.actionCount })]);
        if (inForce) rows.push([t("summaries.plan.openActions"), t("summaries.plan.open", { count: p.openActions.length })]);
        return (
          <>
            <FactList rows={rows} testId="plan-summary" />
            {overdue > 0 ? (
              <p className="utrecht-paragraph pw-flag pw-flag--late">
                <span className="pw-deadline__icon" aria-hidden="true">!</span> {t("summaries.plan.overdue", { count: overdue })}
              </p>
            ) : null}
          </>
        );
      })()}
    </Section>
  );
}
