import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Button } from "../../components/Button.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useAuditLabels } from "./labels.ts";

/** "Wie heeft dit dossier ingezien": every view and change of the family's file, newest first. */
export function AccessHistorySection({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = useAuditLabels();
  const history = useInfiniteQuery({
    queryKey: keys.accessHistory(familyId),
    queryFn: ({ pageParam }) => api.accessHistory(familyId, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  // Someone who reads the file without belonging to its team (break-the-glass) does not see this list.
  if (history.isError && isApiError(history.error) && history.error.status === 403) return null;
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="access-history" title={t("audit.history.title")}>
      <Paragraph>{t("audit.history.intro")}</Paragraph>
      {history.isPending ? <Loading /> : history.isError ? (
        <LoadError error={history.error} retry={() => void history.refetch()} />
      ) : items.length === 0 ? (
        <Paragraph>{t("audit.history.none")}</Paragraph>
      ) : (
        <>
          <Table caption={t("audit.history.caption")} captionHidden>
            <THead>
              <Tr>
                <Th>{t("audit.columns.when")}</Th>
                <Th>{t("audit.columns.who")}</Th>
                <Th>{t("audit.columns.role")}</Th>
                <Th>{t("audit.columns.organisation")}</Th>
                <Th>{t("audit.columns.what")}</Th>
                <Th>{t("audit.columns.purpose")}</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((e) => (
                <Tr key={e.id}>
                  <Td>{label.when(e.occurredAt, fmt.locale)}</Td>
                  <Td>{e.actor}</Td>
                  <Td>{label.role(e.actorRole)}</Td>
                  <Td>{e.organisation}</Td>
                  <Td>{label.action(e.action)}</Td>
                  <Td>{e.purpose ?? t("audit.noPurpose")}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {history.hasNextPage ? (
            <Button onClick={() => void history.fetchNextPage()} busy={history.isFetchingNextPage} disabled={history.isFetchingNextPage}>
              {history.isFetchingNextPage ? t("common.loading") : t("audit.more")}
            </Button>
          ) : null}
        </>
      )}
    </Section>
  );
}
