import { CONSENT_CATEGORIES, CONSENT_CATEGORY_LABELS, type ConsentCategory } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { useFormat } from "../../i18n/format.ts";

/** What the family did not share with this organisation, and why it is not on the page. */
export function NotShared({ categories }: { categories: readonly ConsentCategory[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // The whole plan includes the organisation's own actions.
  const covered = (c: ConsentCategory) => categories.includes(c) || (c === "plan_actions" && categories.includes("plan"));
  const missing = CONSENT_CATEGORIES.filter((c) => !covered(c));
  return (
    <Section id="not-shared" title={t("shared.notShared.title")}>
      {missing.length === 0 ? <Paragraph>{t("shared.notShared.nothing")}</Paragraph> : (
        <>
          <Paragraph>{t("shared.notShared.intro")}</Paragraph>
          <ul className="utrecht-unordered-list">
            {missing.map((c) => <li key={c} className="utrecht-unordered-list__item">{fmt.text(CONSENT_CATEGORY_LABELS[c])}</li>)}
          </ul>
        </>
      )}
      <Paragraph>{t("shared.notShared.always")}</Paragraph>
    </Section>
  );
}
