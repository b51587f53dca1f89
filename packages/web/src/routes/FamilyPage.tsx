import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import { Alert } from "../components/Alert.tsx";
import { Button } from "../components/Button.tsx";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { can, useSession } from "../features/auth/session.ts";
import { DuplicateWarning } from "../features/families/DuplicateWarning.tsx";
import { FamilyEditForm, FamilyFacts } from "../features/families/FamilyDetails.tsx";
import { MembersSection } from "../features/families/MembersSection.tsx";
import { NetworkSection } from "../features/families/NetworkSection.tsx";
import { useFamily } from "../features/families/queries.ts";
import { LatestSelfReliance, MeasurementsSection } from "../features/measurements/MeasurementsSection.tsx";
import { TrajectorySection } from "../features/trajectories/TrajectorySection.tsx";
import { BreakGlassBanner, useOutsideOwnTeams } from "../features/breakGlass/BreakGlassBanner.tsx";
import { ConsentSection } from "../features/consents/ConsentSection.tsx";
import { SharingSection } from "../features/consents/SharingSection.tsx";
import { AccessHistorySection } from "../features/audit/AccessHistorySection.tsx";
import { PrivacySection } from "../features/privacy/PrivacySection.tsx";
import type { CreatedState } from "./NewFamilyPage.tsx";

function isCreatedState(state: unknown): state is CreatedState {
  return typeof state === "object" && state !== null && (state as { created?: unknown }).created === true;
}

function noticeFrom(state: unknown): string | null {
  if (typeof state !== "object" || state === null) return null;
  const notice = (state as { notice?: unknown }).notice;
  return typeof notice === "string" ? notice : null;
}

/** The family file (gezinsdossier). */
export function FamilyPage() {
  const { t } = useTranslation();
  const { familyId = "" } = useParams();
  const location = useLocation();
  const me = useSession().data;
  const family = useFamily(familyId);
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(() => noticeFrom(location.state));
  // Messages passed by the previous page are shown once: a reload or "back" does not repeat them.
  const [created] = useState<CreatedState | null>(() => (isCreatedState(location.state) ? location.state : null));
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  // A family outside one's own teams is open through noodtoegang: read only, and without the team's consent pages.
  const outside = useOutsideOwnTeams(family.data);
  const canEdit = me && !outside ? can.editFamilies(me.role) : false;

  if (family.isPending) return <Loading />;
  if (family.isError) {
    return (
      <Page title={t("family.notFoundTitle")} documentTitle={t("family.notFoundTitle")}>
        <LoadError error={family.error} retry={() => void family.refetch()} />
      </Page>
    );
  }
  const f = family.data;
  return (
    <Page
      preHeading={t("family.preHeading")}
      title={t("family.title", { caseNumber: f.caseNumber })}
      documentTitle={t("family.title", { caseNumber: f.caseNumber })}
      actions={canEdit && !editing ? <Button onClick={() => { setMessage(null); setEditing(true); }}>{t("family.edit")}</Button> : null}
    >
      <BreakGlassBanner family={f} />
      {created ? (
        <>
          <Alert type="ok" role="status">
            <p className="utrecht-paragraph">{t("family.created", { caseNumber: f.caseNumber })}</p>
          </Alert>
          <DuplicateWarning duplicates={created.possibleDuplicates} afterCreate />
        </>
      ) : null}
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      <div className="pw-family-head">
        <FamilyFacts family={f} />
        <LatestSelfReliance familyId={f.id} />
      </div>
      {editing ? (
        <FamilyEditForm
          family={f}
          onDone={(text) => {
            setEditing(false);
            setMessage(text);
          }}
        />
      ) : null}
      <TrajectorySection family={f} />
      <MembersSection family={f} canEdit={canEdit} />
      <NetworkSection family={f} canEdit={canEdit} />
      <MeasurementsSection family={f} canEdit={canEdit} />
      {outside ? null : (
        <>
          <ConsentSection family={f} canEdit={canEdit} />
          <SharingSection familyId={f.id} />
        </>
      )}
      {me && ["coach", "teamleider", "ondersteuning"].includes(me.role) ? <AccessHistorySection familyId={f.id} /> : null}
      {/* AVG rights are the family's own coach and team lead's work (server rules privacy.export/privacy.manage). */}
      {canEdit ? <PrivacySection family={f} /> : null}
    </Page>
  );
}
