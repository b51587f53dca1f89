import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { TextLink } from "../components/Button.tsx";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { InterventionForm } from "../features/catalogue/InterventionForm.tsx";
import { useIntervention } from "../features/catalogue/queries.ts";
import "../features/catalogue/catalogue.css";

/** /wat-werkt/nieuw and /wat-werkt/:interventionId/bewerken (team lead, ondersteuning, beheerder). */
export function InterventionEditPage() {
  const { t } = useTranslation();
  const { interventionId } = useParams();
  const entry = useIntervention(interventionId);
  const back = <TextLink to="/wat-werkt">{t("catalogue.title")}</TextLink>;
  if (!interventionId) {
    return (
      <Page title={t("catalogue.newTitle")} documentTitle={t("catalogue.newTitle")} preHeading={back}>
        <InterventionForm />
      </Page>
    );
  }
  if (entry.isPending) return <Loading />;
  if (entry.isError) return <LoadError error={entry.error} retry={() => void entry.refetch()} />;
  const title = t("catalogue.editTitle", { name: entry.data.name });
  return (
    <Page title={title} documentTitle={title} preHeading={back}>
      <InterventionForm key={`${entry.data.id}-${entry.data.version}`} entry={entry.data} />
    </Page>
  );
}
