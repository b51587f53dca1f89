import { useTranslation } from "react-i18next";
import { Page, Paragraph } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useSession } from "../features/auth/session.ts";
import { useSharedFamilies } from "../features/shared/queries.ts";
import { SharedFamiliesTable } from "../features/shared/SharedFamiliesTable.tsx";
import "../features/shared/shared.css";

/** /gedeeld: for a ketenpartner, the families that shared (part of) their file with their organisation. */
export function SharedFamiliesPage() {
  const { t } = useTranslation();
  const me = useSession().data;
  const families = useSharedFamilies();
  const organisation = me?.partnerOrganisationName ?? "";
  return (
    <Page title={t("shared.list.title")} documentTitle={t("shared.list.title")} preHeading={organisation || undefined}>
      <Paragraph lead>{t("shared.list.intro", { organisation })}</Paragraph>
      {families.isPending ? <Loading /> : families.isError ? <LoadError error={families.error} retry={() => void families.refetch()} /> : families.data.items.length === 0 ? (
        <Paragraph>{t("shared.list.none")}</Paragraph>
      ) : (
        <SharedFamiliesTable families={families.data.items} />
      )}
    </Page>
  );
}
