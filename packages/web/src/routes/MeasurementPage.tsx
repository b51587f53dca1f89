import { DEFAULT_INSTRUMENT_KEY } from "@ploegwerk/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { keys } from "../api/queryKeys.ts";
import { TextLink } from "../components/Button.tsx";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { can, useSession } from "../features/auth/session.ts";
import { useFamily } from "../features/families/queries.ts";
import { useRoundLabel } from "../features/measurements/labels.ts";
import { MeasurementForm } from "../features/measurements/MeasurementForm.tsx";
import { useInstrumentDefinition, useInstruments, useMeasurement, useMeasurements } from "../features/measurements/queries.ts";

/** /gezinnen/:familyId/metingen/nieuw and /gezinnen/:familyId/metingen/:measurementId */
export function MeasurementPage() {
  const { t } = useTranslation();
  const { familyId = "", measurementId } = useParams();
  const queryClient = useQueryClient();
  const me = useSession().data;
  const roundLabel = useRoundLabel();
  const family = useFamily(familyId);
  const instruments = useInstruments();
  const measurements = useMeasurements(familyId);
  const measurement = useMeasurement(familyId, measurementId);
  const editDef = useInstrumentDefinition(measurement.data?.instrument.key, measurement.data?.instrument.version);
  const isNew = !measurementId;
  const readOnly = !me || !can.editFamilies(me.role);

  const title = isNew
    ? t("measurement.newTitle")
    : measurement.data
      ? readOnly ? t("measurement.viewTitle", { round: roundLabel(measurement.data.round) }) : t("measurement.editTitle", { round: roundLabel(measurement.data.round) })
      : t("measurement.editTitleLoading");

  const pending = family.isPending || instruments.isPending || measurements.isPending || (!isNew && (measurement.isPending || editDef.isPending));
  const error = family.error ?? instruments.error ?? measurements.error ?? (isNew ? null : measurement.error ?? editDef.error);

  if (isNew && readOnly && me) {
    return (
      <Page title={t("forbidden.title")} documentTitle={t("forbidden.title")}>
        <p className="utrecht-paragraph">{t("forbidden.body")}</p>
      </Page>
    );
  }

  const caseNumber = family.data?.caseNumber ?? "";
  return (
    <Page
      title={title}
      documentTitle={caseNumber ? `${title} – ${caseNumber}` : title}
      preHeading={family.data ? (
        <TextLink to={`/gezinnen/${familyId}`}>{t("measurement.backTo", { caseNumber })}</TextLink>
      ) : undefined}
    >
      {pending ? <Loading /> : error || !family.data || !instruments.data || !measurements.data ? (
        <LoadError error={error} />
      ) : (
        <MeasurementForm
          key={measurement.data ? `${measurement.data.id}-${measurement.data.version}` : "new"}
          family={family.data}
          instruments={instruments.data.items}
          existing={measurements.data.items}
          measurement={measurement.data}
          editDefinition={editDef.data}
          readOnly={readOnly}
          initialInstrumentKey={instruments.data.items.some((d) => d.key === DEFAULT_INSTRUMENT_KEY) ? DEFAULT_INSTRUMENT_KEY : instruments.data.items[0]?.key ?? ""}
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: keys.measurements(familyId) });
            void measurement.refetch();
          }}
        />
      )}
    </Page>
  );
}
