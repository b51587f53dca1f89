import { DEFAULT_INSTRUMENT_KEY } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Alert } from "../components/Alert.tsx";
import { TextLink } from "../components/Button.tsx";
import { Page, Paragraph } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useFamily } from "../features/families/queries.ts";
import { useInstruments } from "../features/measurements/queries.ts";
import { useFamilyTrajectories } from "../features/trajectories/queries.ts";
import { ReferralForm } from "../features/trajectories/ReferralForm.tsx";

/** /gezinnen/:familyId/aanmelding — the aanmeldformulier for a family in the file. */
export function ReferralPage() {
  const { t } = useTranslation();
  const { familyId = "" } = useParams();
  const family = useFamily(familyId);
  const instruments = useInstruments();
  const trajectories = useFamilyTrajectories(familyId);
  const caseNumber = family.data?.caseNumber ?? "";
  const title = t("referral.title");
  const open = trajectories.data?.items.find((tr) => tr.phase !== "closed");
  const pending = family.isPending || instruments.isPending || trajectories.isPending;
  const error = family.error ?? instruments.error ?? trajectories.error;
  const defs = instruments.data?.items ?? [];

  return (
    <Page
      title={title}
      documentTitle={caseNumber ? `${title} – ${caseNumber}` : title}
      preHeading={family.data ? <TextLink to={`/gezinnen/${familyId}`}>{t("measurement.backTo", { caseNumber })}</TextLink> : undefined}
    >
      {pending ? <Loading /> : error || !family.data ? (
        <LoadError error={error} />
      ) : open ? (
        <Alert type="info" heading={t("referral.openTrajectoryTitle")}>
          <p className="utrecht-paragraph">{t("referral.openTrajectoryBody")}</p>
          <p className="utrecht-paragraph"><TextLink to={`/trajecten/${open.id}`}>{t("trajectory.open")}</TextLink></p>
        </Alert>
      ) : (
        <>
          <Paragraph lead>{t("referral.intro", { caseNumber })}</Paragraph>
          <ReferralForm
            family={family.data}
            instruments={defs}
            initialInstrumentKey={defs.some((d) => d.key === DEFAULT_INSTRUMENT_KEY) ? DEFAULT_INSTRUMENT_KEY : defs[0]?.key ?? ""}
          />
        </>
      )}
    </Page>
  );
}
