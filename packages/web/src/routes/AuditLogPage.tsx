import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { api } from "../api/endpoints.ts";
import { keys } from "../api/queryKeys.ts";
import { Button } from "../components/Button.tsx";
import { Page, Paragraph } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../components/Table.tsx";
import { AuditFilterForm, FILTER_NAMES, filterQuery, noFilters, type AuditFilterValues } from "../features/audit/AuditFilterForm.tsx";
import { useAuditLabels } from "../features/audit/labels.ts";
import "../features/audit/audit.css";
import { useFormat } from "../i18n/format.ts";

const PAGE_SIZE = 50;

/** /beheer/logboek: the beheerder searches the audit log (views, changes, log-ins) and exports it. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = useAuditLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const values: AuditFilterValues = { ...noFilters(), ...Object.fromEntries(FILTER_NAMES.map((n) => [n, params.get(n) ?? ""])) };
  const query = filterQuery(values);
  const log = useInfiniteQuery({
    queryKey: keys.auditLog(query),
    queryFn: ({ pageParam }) => api.auditLog({ ...query, before: pageParam, pageSize: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t("audit.log.title")} documentTitle={t("audit.log.title")}>
      <Paragraph lead>{t("audit.log.intro")}</Paragraph>
      <AuditFilterForm
        key={params.toString()}
        initial={values}
        onSearch={(next) => void navigate(`/beheer/logboek${Object.keys(filterQuery(next)).length ? `?${new URLSearchParams(filterQuery(next)).toString()}` : ""}`)}
      />
      <p className="utrecht-paragraph pw-audit-export">
        <a className="utrecht-link utrecht-link--html-a" href={api.auditExportUrl(query)} download>
          {t("audit.log.export")}
        </a>
      </p>
      {log.isPending ? <Loading /> : log.isError ? (
        <LoadError error={log.error} retry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <Paragraph>{t("audit.log.none")}</Paragraph>
      ) : (
        <div aria-busy={log.isPlaceholderData} className={log.isPlaceholderData ? "pw-stale" : undefined}>
          <Table caption={t("audit.log.caption")} captionHidden>
            <THead>
              <Tr>
                <Th>{t("audit.columns.when")}</Th>
                <Th>{t("audit.columns.who")}</Th>
                <Th>{t("audit.columns.role")}</Th>
                <Th>{t("audit.columns.kind")}</Th>
                <Th>{t("audit.columns.what")}</Th>
                <Th>{t("audit.columns.record")}</Th>
                <Th>{t("audit.columns.family")}</Th>
                <Th>{t("audit.columns.purpose")}</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((e) => (
                <Tr key={e.id}>
                  <Td>{label.when(e.occurredAt, fmt.locale)}</Td>
                  <Td>{e.actor}</Td>
                  <Td>{label.role(e.actorRole)}</Td>
                  <Td>{label.kind(e.kind)}</Td>
                  <Td>{label.action(e.action)}</Td>
                  <Td className="pw-audit-id">{`${e.entityType} ${e.entityId}`}</Td>
                  <Td className="pw-audit-id">{e.familyId ?? "–"}</Td>
                  <Td>{e.purpose ?? t("audit.noPurpose")}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {log.hasNextPage ? (
            <Button onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage} disabled={log.isFetchingNextPage}>
              {log.isFetchingNextPage ? t("common.loading") : t("audit.more")}
            </Button>
          ) : null}
        </div>
      )}
    </Page>
  );
}
