import { CONSENT_CATEGORY_LABELS, type SharedFamilySummary } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { TextLink } from "../../components/Button.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";

/** The families that shared with the organisation: case number, name when shared, coach, what is shared, open actions. */
export function SharedFamiliesTable({ families }: { families: readonly SharedFamilySummary[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table caption={t("shared.list.caption")}>
      <THead>
        <Tr>
          <Th>{t("shared.list.caseNumber")}</Th>
          <Th>{t("shared.list.family")}</Th>
          <Th>{t("shared.list.coach")}</Th>
          <Th>{t("shared.list.shared")}</Th>
          <Th numeric>{t("shared.list.openActions")}</Th>
        </Tr>
      </THead>
      <TBody>
        {families.map((f) => (
          <Tr key={f.familyId}>
            <Th scope="row"><TextLink to={`/gedeeld/${f.familyId}`}>{f.caseNumber}</TextLink></Th>
            <Td>{f.familyName ?? <span className="pw-muted">{t("shared.list.nameNotShared")}</span>}</Td>
            <Td>{f.coachName ? t("shared.list.coachOf", { coach: f.coachName, team: f.teamName }) : f.teamName}</Td>
            <Td>
              <ul className="utrecht-unordered-list pw-shared-categories">
                {f.categories.map((c) => <li key={c} className="utrecht-unordered-list__item">{fmt.text(CONSENT_CATEGORY_LABELS[c])}</li>)}
              </ul>
            </Td>
            <Td numeric>{f.openActionCount === null ? <span className="pw-muted">{t("shared.list.notShared")}</span> : fmt.number(f.openActionCount, 0)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
