import type { PossibleDuplicate } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { TextLink } from "../../components/Button.tsx";
import { useFormat } from "../../i18n/format.ts";

/** Families that may be the same family: a link when the user may see them, else only the team to contact. */
export function DuplicateWarning({ duplicates, afterCreate = false }: { duplicates: PossibleDuplicate[]; afterCreate?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (duplicates.length === 0) return null;
  return (
    <Alert type="warning" heading={afterCreate ? t("duplicates.afterCreateTitle", { count: duplicates.length }) : t("duplicates.title", { count: duplicates.length })}>
      <p className="utrecht-paragraph">{afterCreate ? t("duplicates.afterCreateBody") : t("duplicates.body")}</p>
      <ul className="utrecht-unordered-list pw-duplicates">
        {duplicates.map((d, i) => (
          <li key={d.familyId ?? `other-${i}`} className="utrecht-unordered-list__item">
            {d.visible && d.familyId ? (
              <TextLink to={`/gezinnen/${d.familyId}`}>{t("duplicates.caseNumber", { caseNumber: d.caseNumber ?? "" })}</TextLink>
            ) : (
              <span>{t("duplicates.otherTeamFamily", { team: d.teamName })}</span>
            )}
            {d.matches.length > 0 ? (
              <>
                {": "}
                {d.matches.map((m) => `${m.givenName} ${m.surname} (${fmt.date(m.dateOfBirth)})`).join("; ")}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
