import type { Family } from "@ploegwerk/domain";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { Alert } from "../../components/Alert.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useSession } from "../auth/session.ts";
import { ActionsInForce } from "./ActionsInForce.tsx";
import { usePlanLabels } from "./labels.ts";
import { usePeople } from "./people.ts";
import { canEditPlan } from "./permissions.ts";
import { PlanCompare } from "./PlanCompare.tsx";
import { PlanStatusSummary } from "./PlanStatusSummary.tsx";
import { PlanVersionView } from "./PlanVersionView.tsx";
import { usePlanOverview, usePlanVersion } from "./queries.ts";
import { readinessProblems } from "./readiness.ts";
import { SignPlanForm } from "./SignPlanForm.tsx";
import { VersionList } from "./VersionList.tsx";
import "./plans.css";

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : null);

/**
 * The whole gezinsplan of a trajectory: status, versions, signing the latest concept, the actions
 * of the plan in force with their status, one version in full, and comparing two versions.
 * The selected version and comparison live in the URL (?versie=2&van=1&met=2).
 */
export function PlanDetails({ trajectoryId, family, notice }: { trajectoryId: string; family: Family; notice?: string | null }) {
  const { t } = useTranslation();
  const me = useSession().data;
  const [params, setParams] = useSearchParams();
  const overview = usePlanOverview(trajectoryId);
  const latestNumber = overview.data?.latest ?? null;
  const selected = num(params.get("versie")) ?? latestNumber;
  const detail = usePlanVersion(trajectoryId, selected);
  const latestDetail = usePlanVersion(trajectoryId, latestNumber);
  const inForceDetail = usePlanVersion(trajectoryId, overview.data?.inForce ?? null);
  const people = usePeople(family);
  const labels = usePlanLabels(detail.data?.content.instrumentKey ?? latestDetail.data?.content.instrumentKey);
  const [message, setMessage] = useState<string | null>(notice ?? null);
  const canEdit = canEditPlan(me?.role);
  const location = useLocation();
  const shown = useRef(selected);
  // "Bekijken" in the version list: bring the chosen version into view and focus its heading.
  useEffect(() => {
    if (shown.current === selected) return;
    shown.current = selected;
    if (location.hash === "#plan-version") document.getElementById("plan-version-heading")?.focus();
  }, [selected, location.hash]);

  if (overview.isPending) return <Loading />;
  if (overview.isError) return <LoadError error={overview.error} retry={() => void overview.refetch()} />;
  const o = overview.data;
  const latest = o.versions.find((v) => v.latest);
  const concept = latest?.status === "concept" ? latestDetail.data : undefined;
  const notReady = concept ? readinessProblems(concept.content, t) : [];

  return (
    <>
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      <PlanStatusSummary overview={o} people={people} labels={labels} />

      {o.versions.length > 0 ? (
        <Section id="plan-versions" title={t("plan.versionsTitle")}>
          <VersionList trajectoryId={trajectoryId} versions={o.versions} people={people} labels={labels} selected={selected} />
        </Section>
      ) : null}

      {canEdit && latest?.status === "concept" ? (
        <Section id="plan-sign" title={t("plan.signTitle", { number: latest.number })}>
          {!o.signable ? (
            <Paragraph>{t("plan.notSignableInPhase")}</Paragraph>
          ) : !concept ? <Loading /> : notReady.length > 0 ? (
            <Alert type="warning" heading={t("plan.readiness.title")}>
              <ul className="utrecht-unordered-list">
                {notReady.map((p) => <li key={p} className="utrecht-unordered-list__item">{p}</li>)}
              </ul>
            </Alert>
          ) : (
            <>
              <Paragraph>{t("plan.signIntro")}</Paragraph>
              <SignPlanForm trajectoryId={trajectoryId} family={family} concept={concept} labels={labels} onSigned={(text) => setMessage(text)} />
            </>
          )}
        </Section>
      ) : null}

      {o.inForce !== null ? (
        <Section id="plan-actions" title={t("plan.actionsInForceTitle", { number: o.inForce })}>
          {inForceDetail.isPending ? <Loading /> : inForceDetail.isError ? (
            <LoadError error={inForceDetail.error} retry={() => void inForceDetail.refetch()} />
          ) : (
            <ActionsInForce
              trajectoryId={trajectoryId}
              actions={inForceDetail.data.actions ?? []}
              people={people}
              labels={labels}
              canEdit={canEdit && o.signable}
              caption={t("plan.actionsInForceTitle", { number: o.inForce })}
            />
          )}
        </Section>
      ) : null}

      {selected !== null ? (
        <section className="pw-section" aria-labelledby="plan-version-heading" id="plan-version">
          <div className="pw-section__head">
            <h2 className="utrecht-heading-2" id="plan-version-heading" tabIndex={-1}>
              {t("plan.versionTitle", { number: selected })}
            </h2>
          </div>
          {detail.isPending ? <Loading /> : detail.isError ? (
            <LoadError error={detail.error} retry={() => void detail.refetch()} />
          ) : (
            <PlanVersionView detail={detail.data} people={people} labels={labels} />
          )}
        </section>
      ) : null}

      {o.versions.length > 1 ? (
        <Section id="plan-compare" title={t("plan.compareTitle")}>
          <PlanCompare
            trajectoryId={trajectoryId}
            versions={o.versions}
            people={people}
            labels={labels}
            from={num(params.get("van"))}
            to={num(params.get("met"))}
            onCompare={(from, to) => {
              const next = new URLSearchParams(params);
              next.set("van", String(from));
              next.set("met", String(to));
              setParams(next, { replace: true, preventScrollReset: true });
            }}
          />
        </Section>
      ) : null}
    </>
  );
}
