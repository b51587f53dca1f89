import type { Family } from "@ploegwerk/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Heading3, Paragraph } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { usePrivacyLabels } from "./labels.ts";
import { useCorrections } from "./queries.ts";

/** The correction history (AVG art. 16): what was recorded before and after each change, why and by whom. */
export function CorrectionsTable({ family }: { family: Family }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = usePrivacyLabels();
  const list = useCorrections(family.id);
  const headingId = useId();
  const whose = (entityType: string, entityId: string) => {
    if (entityType === "family") return t("privacy.corrections.family");
    const m = family.members.find((x) => x.id === entityId);
    return m ? `${m.givenName} ${m.surname}` : t("privacy.corrections.formerMember");
  };
  const value = (v: unknown) => (v === null || v === undefined || v === "" ? t("privacy.corrections.empty") : String(v));
  return (
    <div className="pw-panel" role="group" aria-labelledby={headingId}>
      <Heading3 id={headingId}>{t("privacy.corrections.title")}</Heading3>
      <Paragraph>{t("privacy.corrections.intro")}</Paragraph>
      {list.isPending ? <Loading /> : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t("privacy.corrections.none")}</Paragraph>
      ) : (
        <Table caption={t("privacy.corrections.caption")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("privacy.corrections.columns.when")}</Th>
              <Th>{t("privacy.corrections.columns.what")}</Th>
              <Th>{t("privacy.corrections.columns.before")}</Th>
              <Th>{t("privacy.corrections.columns.after")}</Th>
              <Th>{t("privacy.corrections.columns.reason")}</Th>
              <Th>{t("privacy.corrections.columns.by")}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.data.items.map((c) => (
              <Tr key={c.id}>
                <Td>{fmt.date(c.at)}</Td>
                <Td>{`${label.field(c.field)} (${whose(c.entityType, c.entityId)})`}</Td>
                <Td>{value(c.before)}</Td>
                <Td>{value(c.after)}</Td>
                <Td>{c.reason ?? t("privacy.corrections.noReason")}</Td>
                <Td>{c.by?.name ?? t("privacy.corrections.system")}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
