import type { Deviation } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { TextareaField } from "../../../components/Form.tsx";
import { fid } from "./draft.ts";
import type { EditorApi } from "./editorApi.ts";

/**
 * Goals and actions of the signed plan that this version leaves out: each needs a reason
 * (planmatig werken). Marking an action "vervallen" keeps it visible instead.
 */
export function RemovedItemsFields({ ed, removed, describe }: { ed: EditorApi; removed: readonly Deviation[]; describe: (d: Deviation) => string }) {
  const { t } = useTranslation();
  if (removed.length === 0) return null;
  return (
    <section className="pw-form-section pw-removed" aria-labelledby="plan-removed-heading">
      <h2 className="utrecht-heading-2" id="plan-removed-heading">{t("plan.editor.removedTitle")}</h2>
      <p className="utrecht-paragraph">{t("plan.editor.removedIntro")}</p>
      {removed.map((d) => {
        const name = `deviations.${d.id}`;
        return (
          <TextareaField
            key={d.id}
            id={fid(name)}
            label={t("plan.editor.removedReason", { item: describe(d) })}
            required
            rows={2}
            maxLength={1000}
            value={ed.reasons[d.id] ?? ""}
            onChange={(e) => ed.setReason(d.id, e.target.value)}
            error={ed.errors[name]}
          />
        );
      })}
    </section>
  );
}
