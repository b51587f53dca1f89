import { PHASE_LABELS, type SharedFamily } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../api/client.ts";
import { Alert } from "../components/Alert.tsx";
import { TextLink } from "../components/Button.tsx";
import { Page, Paragraph, Section } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useSession } from "../features/auth/session.ts";
import { NotShared } from "../features/shared/NotShared.tsx";
import { useSharedFamily } from "../features/shared/queries.ts";
import { SharedHousehold } from "../features/shared/SharedHousehold.tsx";
import { SharedMeasurements } from "../features/shared/SharedMeasurements.tsx";
import { SharedMeetings } from "../features/shared/SharedMeetings.tsx";
import { SharedPlan } from "../features/shared/SharedPlan.tsx";
import { SharedWeeklyReports } from "../features/shared/SharedWeeklyReports.tsx";
import { useFormat } from "../i18n/format.ts";
import "../features/plans/plans.css";
import "../features/shared/shared.css";

/** Why the organisation sees the family, and the coach to contact. */
function SharedFacts({ family: f }: { family: SharedFamily }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <dl className="utrecht-data-list pw-facts">
      <div className="utrecht-data-list__item pw-facts__item">
        <dt className="utrecht-data-list__item-key">{t("shared.family.caseNumber")}</dt>
        <dd className="utrecht-data-list__item-value">{f.caseNumber}</dd>
      </div>
      <div className="utrecht-data-list__item pw-facts__item">
        <dt className="utrecht-data-list__item-key">{t("shared.family.coach")}</dt>
        <dd className="utrecht-data-list__item-value">{f.coachName ? t("shared.list.coachOf", { coach: f.coachName, team: f.teamName }) : f.teamName}</dd>
      </div>
      <div className="utrecht-data-list__item pw-facts__item">
        <dt className="utrecht-data-list__item-key">{t("shared.family.purposes")}</dt>
        <dd className="utrecht-data-list__item-value">{f.purposes.join(" · ")}</dd>
      </div>
      {f.trajectory ? (
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("shared.family.phase")}</dt>
          <dd className="utrecht-data-list__item-value">{t("shared.family.phaseSince", { phase: fmt.text(PHASE_LABELS[f.trajectory.phase]), date: fmt.date(f.trajectory.phaseSince) })}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** /gedeeld/:familyId: exactly the parts of the file the family shared with the ketenpartner's organisation, and what it did not share. */
export function SharedFamilyPage() {
  const { t } = useTranslation();
  const { familyId = "" } = useParams();
  const me = useSession().data;
  const family = useSharedFamily(familyId);
  if (family.isPending) return <Loading />;
  if (family.isError) {
    const gone = isApiError(family.error) && family.error.status === 404;
    return (
      <Page title={t("shared.family.goneTitle")} documentTitle={t("shared.family.goneTitle")}>
        {gone ? (
          <Alert type="info" role="status">
            <p className="utrecht-paragraph">{t("shared.family.gone")}</p>
          </Alert>
        ) : (
          <LoadError error={family.error} retry={() => void family.refetch()} />
        )}
        <Paragraph><TextLink to="/gedeeld">{t("shared.family.back")}</TextLink></Paragraph>
      </Page>
    );
  }
  const f = family.data;
  const has = (c: SharedFamily["categories"][number]) => f.categories.includes(c);
  const title = f.familyName ? t("shared.family.title", { name: f.familyName }) : t("shared.family.titleCase", { caseNumber: f.caseNumber });
  return (
    <Page preHeading={t("shared.family.preHeading")} title={title} documentTitle={title}>
      <Paragraph><TextLink to="/gedeeld">{t("shared.family.back")}</TextLink></Paragraph>
      <SharedFacts family={f} />
      {f.members ? <SharedHousehold members={f.members} address={f.address} /> : null}
      {f.plan ? (
        <SharedPlan family={f} plan={f.plan} partnerId={me?.partnerOrganisationId ?? null} />
      ) : has("plan") || has("plan_actions") ? (
        <Section id="shared-plan" title={t("shared.plan.title")}><Paragraph>{t("shared.plan.none")}</Paragraph></Section>
      ) : null}
      {f.meetings ? <SharedMeetings meetings={f.meetings} /> : null}
      {f.measurements ? <SharedMeasurements measurements={f.measurements} /> : null}
      {f.weeklyReports ? <SharedWeeklyReports reports={f.weeklyReports} /> : null}
      <NotShared categories={f.categories} />
    </Page>
  );
}
