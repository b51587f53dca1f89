import { CONSENT_CATEGORIES, CONSENT_CATEGORY_LABELS, type ConsentCategory } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { CheckboxGroup } from "../plans/ChoiceFields.tsx";

/** "Wat mag de ketenpartner zien?": one checkbox per kind of information, in plain words with a short explanation. */
export function CategoryFields({ id, values, onChange, error }: {
  id: string;
  values: readonly ConsentCategory[];
  onChange: (values: ConsentCategory[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <CheckboxGroup
      id={id}
      legend={t("consents.categories")}
      description={t("consents.categoriesHint")}
      required
      options={CONSENT_CATEGORIES.map((c) => ({ value: c, label: fmt.text(CONSENT_CATEGORY_LABELS[c]), hint: t(`consents.categoryHints.${c}`) }))}
      // In the order of the list, whatever order they were ticked in.
      values={values}
      onChange={(next) => onChange(CONSENT_CATEGORIES.filter((c) => next.includes(c)))}
      error={error}
    />
  );
}

/** The categories as a list in plain words, in the order of the consent form. */
export function CategoryList({ categories }: { categories: readonly ConsentCategory[] }) {
  const fmt = useFormat();
  return (
    <ul className="utrecht-unordered-list pw-category-list">
      {CONSENT_CATEGORIES.filter((c) => categories.includes(c)).map((c) => <li key={c} className="utrecht-unordered-list__item">{fmt.text(CONSENT_CATEGORY_LABELS[c])}</li>)}
    </ul>
  );
}
