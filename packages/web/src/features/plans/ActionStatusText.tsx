import type { EffectiveActionView } from "@ploegwerk/domain";
import { daysBetween } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { todayIso } from "../../i18n/format.ts";
import type { PlanLabels } from "./labels.ts";

/** "Bezig", "Vervallen: reden", and for open work past its date "— 12 dagen te laat" in words. */
export function ActionStatusText({ action, labels }: { action: Pick<EffectiveActionView, "status" | "cancelReason" | "overdue" | "dueDate">; labels: Pick<PlanLabels, "status"> }) {
  const { t } = useTranslation();
  const late = action.overdue ? Math.max(1, daysBetween(action.dueDate, todayIso())) : 0;
  return (
    <span className={`pw-action-status pw-action-status--${action.status}`}>
      <strong>{labels.status(action.status)}</strong>
      {action.status === "cancelled" && action.cancelReason ? <span className="pw-cell-note">{t("plan.cancelReasonText", { reason: action.cancelReason })}</span> : null}
      {late > 0 ? <span className="pw-late">{t("plan.lateBy", { count: late })}</span> : null}
    </span>
  );
}
