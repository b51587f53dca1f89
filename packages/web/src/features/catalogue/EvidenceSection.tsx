import type { DomainEvidence, EvidenceCount } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useInterventionEvidence, useLeefgebieden } from "./queries.ts";

/**
 * "Wat werkt bij ons": the practice-based evidence of an entry from the organisation's own families
 * (definition in docs/CATALOGUE.md). Figures over fewer than 5 families arrive hidden and say so.
 */
export function EvidenceSection({ interventionId }: { interventionId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const evidence = useInterventionEvidence(interventionId, true);
  const leefgebieden = useLeefgebieden();
  const count = (c: EvidenceCount, reason: "fewer" | "hidden") => (c.value !== null ? fmt.number(c.value, 0) : reason === "fewer" ? t("catalogue.fewerThan5") : t("catalogue.hidden"));
  const percent = (share: number | null) => (share === null ? "–" : `${fmt.number(share * 100, 0)}%`);
  const change = (d: DomainEvidence) => (d.meanChange === null ? "–" : `${d.meanChange > 0 ? "+" : ""}${fmt.number(d.meanChange, 2)}`);
  return (
    <Section id="catalogue-evidence" title={t("catalogue.evidenceTitle")}>
      <Paragraph>{t("catalogue.evidenceIntro")}</Paragraph>
      {evidence.isPending ? <Loading /> : evidence.isError ? <LoadError error={evidence.error} retry={() => void evidence.refetch()} /> : (() => {
        const e = evidence.data;
        // A part is hidden only when it is under 5 families; the total is hidden either because it is
        // under 5 itself (everything hidden) or because, beside a part, it would reveal the other.
        const totalReason = e.withBoth.value !== null || e.withoutAfter.value !== null ? "hidden" : "fewer";
        return (
          <>
            <Paragraph small>{e.scope === "organisation" ? t("catalogue.evidenceScopeOrganisation") : t("catalogue.evidenceScopeTeams")}</Paragraph>
            {e.used.value === 0 ? <Paragraph>{t("catalogue.evidenceNone")}</Paragraph> : (
              <>
                <dl className="pw-evidence-counts">
                  <div><dt>{t("catalogue.used")}</dt><dd>{count(e.used, totalReason)}</dd></div>
                  <div><dt>{t("catalogue.withBoth")}</dt><dd>{count(e.withBoth, "fewer")}</dd></div>
                  <div><dt>{t("catalogue.withoutAfter")}</dt><dd>{count(e.withoutAfter, "fewer")}</dd></div>
                </dl>
                {e.domains.length > 0 ? (
                  <Table caption={t("catalogue.evidenceCaption")}>
                    <THead>
                      <Tr>
                        <Th>{t("catalogue.domain")}</Th>
                        <Th numeric>{t("catalogue.families")}</Th>
                        <Th numeric>{t("catalogue.meanChange")}</Th>
                        <Th numeric>{t("catalogue.improved")}</Th>
                        <Th numeric>{t("catalogue.same")}</Th>
                        <Th numeric>{t("catalogue.declined")}</Th>
                      </Tr>
                    </THead>
                    <TBody>
                      {e.domains.map((d) => (
                        <Tr key={d.domain}>
                          <Th scope="row">{leefgebieden.label(d.domain)}</Th>
                          {d.suppressed ? (
                            <Td colSpan={5}>{d.reason === "small_difference" ? t("catalogue.hidden") : t("catalogue.fewerThan5")}</Td>
                          ) : (
                            <>
                              <Td numeric>{fmt.number(d.n, 0)}</Td>
                              <Td numeric>{change(d)}</Td>
                              <Td numeric>{percent(d.improved)}</Td>
                              <Td numeric>{percent(d.same)}</Td>
                              <Td numeric>{percent(d.declined)}</Td>
                            </>
                          )}
                        </Tr>
                      ))}
                    </TBody>
                  </Table>
                ) : null}
                <Paragraph small>{t("catalogue.evidenceFootnote")}</Paragraph>
              </>
            )}
          </>
        );
      })()}
    </Section>
  );
}
