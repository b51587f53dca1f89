import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ButtonLink } from "../components/Button.tsx";
import { Page, Paragraph, Section } from "../components/Page.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { can, useSession } from "../features/auth/session.ts";
import { CatalogueSearchForm } from "../features/catalogue/CatalogueSearchForm.tsx";
import { InterventionCard } from "../features/catalogue/InterventionCard.tsx";
import { useInterventionSearch } from "../features/catalogue/queries.ts";
import { apiQuery, PAGE_SIZE, paramsOf, valuesFrom } from "../features/catalogue/searchParams.ts";
import { TransferSection } from "../features/catalogue/TransferSection.tsx";
import "../features/catalogue/catalogue.css";

/** /wat-werkt: search the organisation's catalogue of interventions, and share it (every role). */
export function CataloguePage() {
  const { t } = useTranslation();
  const me = useSession().data;
  const [params, setParams] = useSearchParams();
  const query = apiQuery(params);
  const results = useInterventionSearch(query);
  const manage = me ? can.manageCatalogue(me.role) : false;
  const page = Number(query.page ?? 1);
  const q = typeof query.q === "string" ? query.q : "";
  return (
    <Page title={t("catalogue.title")} documentTitle={t("catalogue.title")} actions={manage ? <ButtonLink appearance="primary" to="/wat-werkt/nieuw">{t("catalogue.new")}</ButtonLink> : null}>
      <Paragraph lead>{t("catalogue.intro")}</Paragraph>
      <CatalogueSearchForm initial={valuesFrom(params)} showArchived={manage} onSearch={(values) => setParams(paramsOf(values))} />
      <Section id="catalogue-results" title={t("catalogue.resultsTitle")}>
        {/* While a new search loads, the previous results stay (dimmed for assistive technology by aria-busy) but are not counted as its answer. */}
        <p className="utrecht-paragraph" role="status" aria-live="polite">
          {results.data && !results.isPlaceholderData ? (q ? t("catalogue.resultCountQuery", { count: results.data.total, q }) : t("catalogue.resultCount", { count: results.data.total })) : ""}
        </p>
        {results.isPending ? <Loading /> : results.isError ? <LoadError error={results.error} retry={() => void results.refetch()} /> : results.data.items.length === 0 ? (
          <Paragraph>{t("catalogue.noResults")}</Paragraph>
        ) : (
          <>
            <ul className="pw-catalogue-list" aria-label={t("catalogue.resultsCaption")} aria-busy={results.isPlaceholderData || undefined}>
              {results.data.items.map((e) => <li key={e.id}><InterventionCard entry={e} /></li>)}
            </ul>
            <Pagination page={page} pageCount={Math.ceil(results.data.total / PAGE_SIZE)} hrefFor={(p) => `/wat-werkt?${paramsOf(valuesFrom(params), p).toString()}`} />
          </>
        )}
      </Section>
      <TransferSection canImport={manage} />
    </Page>
  );
}
