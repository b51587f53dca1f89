import type { Deviation } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { TextareaField } from "../../../components/Form.tsx";
import { useFormat } from "../../../i18n/format.ts";
import { fid } from "./draft.ts";
import type { EditorApi } from "./editorApi.ts";

/**
 * Planmatig werken: where a date of the signed plan moves, the reason is asked right under that
 * date (the server asks for exactly these reasons).
 */
export function DeviationReasonField({ ed, deviation }: { ed: EditorApi; deviation: Deviation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const name = `deviations.${deviation.id}`;
  return (
    <div className="pw-deviation">
      <TextareaField
        id={fid(name)}
        label={t("plan.editor.deviationReason")}
        description={t("plan.editor.deviationHint", { before: fmt.date(deviation.before), after: deviation.after ? fmt.date(deviation.after) : t("plan.diff.none") })}
        required
        rows={2}
        maxLength={1000}
        value={ed.reasons[deviation.id] ?? ""}
        onChange={(e) => ed.setReason(deviation.id, e.target.value)}
        error={ed.errors[name]}
      />
    </div>
  );
}
