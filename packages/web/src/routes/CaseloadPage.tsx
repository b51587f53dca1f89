import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../components/Alert.tsx";
import { ButtonLink, Button, TextLink } from "../components/Button.tsx";
import { TextField } from "../components/Form.tsx";
import { Page, Paragraph } from "../components/Page.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../components/Table.tsx";
import { can, useSession } from "../features/auth/session.ts";
import { PAGE_SIZE, useFamilies } from "../features/families/queries.ts";
import { useFormat } from "../i18n/format.ts";

/** "Mijn gezinnen": the families of the user's team, searchable and paged. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession().data;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const [search, setSearch] = useState(q);
  const families = useFamilies(q, page);
  // A message from the page before (e.g. "the family's data has been erased"), shown once.
  const location = useLocation();
  const [notice] = useState<string | null>(() => {
    const n: unknown = (location.state as { notice?: unknown } | null)?.notice;
    return typeof n === "string" ? n : null;
  });
  useEffect(() => {
    if (location.state) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [location.state, location.pathname, location.search, navigate]);

  const hrefFor = (p: number, query = q) => {
    const sp = new URLSearchParams();
    if (query) sp.set("q", query);
    if (p > 1) sp.set("pagina", String(p));
    const s = sp.toString();
    return s ? `/?${s}` : "/";
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate(hrefFor(1, search.trim()));
  }

  const data = families.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;

  return (
    <Page
      title={t("caseload.title")}
      documentTitle={t("caseload.title")}
      actions={me && can.editFamilies(me.role) ? <ButtonLink appearance="primary" to="/gezinnen/nieuw">{t("caseload.newFamily")}</ButtonLink> : null}
    >
      <div role="status" aria-live="polite">{notice ? <Alert type="ok"><p className="utrecht-paragraph">{notice}</p></Alert> : null}</div>
      <Paragraph>{me?.teamName ? t("caseload.introTeam", { team: me.teamName }) : t("caseload.intro")}</Paragraph>
      <div className="pw-search">
        <form className="pw-search__form" role="search" noValidate onSubmit={submit}>
          <TextField
            id="caseload-search"
            label={t("caseload.searchLabel")}
            description={t("caseload.searchHint")}
            noOptionalMark
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Button type="submit" appearance="secondary">{t("caseload.searchButton")}</Button>
        </form>
      </div>

      {families.isPending ? <Loading /> : families.isError ? (
        <LoadError error={families.error} retry={() => void families.refetch()} />
      ) : (
        <>
          <p className="utrecht-paragraph pw-result-count" role="status">
            {families.isPlaceholderData
              ? t("common.loading")
              : q ? t("caseload.resultsFor", { count: data?.total ?? 0, q }) : t("caseload.results", { count: data?.total ?? 0 })}
          </p>
          {data && data.items.length > 0 ? (
            <div aria-busy={families.isPlaceholderData} className={families.isPlaceholderData ? "pw-stale" : undefined}>
            <Table caption={t("caseload.tableCaption")} captionHidden>
              <THead>
                <Tr>
                  <Th>{t("family.caseNumber")}</Th>
                  <Th>{t("family.members")}</Th>
                  <Th>{t("family.district")}</Th>
                  <Th>{t("family.coach")}</Th>
                  <Th>{t("caseload.lastMeasurement")}</Th>
                </Tr>
              </THead>
              <TBody>
                {data.items.map((f) => (
                  <Tr key={f.id}>
                    <Td>
                      <TextLink to={`/gezinnen/${f.id}`}>{f.caseNumber}</TextLink>
                    </Td>
                    <Td>{f.memberNames.length ? f.memberNames.join(", ") : "–"}</Td>
                    <Td>{f.district ?? "–"}</Td>
                    <Td>{f.coachName ?? t("family.noCoach")}</Td>
                    <Td>{f.lastMeasuredOn ? fmt.date(f.lastMeasuredOn) : t("caseload.notMeasured")}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            </div>
          ) : (
            <Paragraph>{q ? t("caseload.noResults") : t("caseload.empty")}</Paragraph>
          )}
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor(p)} />
        </>
      )}
    </Page>
  );
}
