import type { DeadlineView } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { deadlineState, useTrajectoryLabels } from "./labels.ts";
import "./trajectory.css";

const ICON = { met: "✓", running: "", today: "!", overdue: "!" } as const;

/**
 * The method's deadlines with a countdown: "nog 9 dagen", "vandaag", "3 dagen te laat". A passed
 * deadline says so in words and carries a mark and a heavier border, so colour is never the only sign.
 */
export function DeadlineList({ deadlines }: { deadlines: readonly DeadlineView[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  return (
    <ul className="pw-deadlines">
      {deadlines.map((d) => {
        const state = deadlineState(d);
        return (
          <li key={d.key} className={`pw-deadline pw-deadline--${state}`} data-testid={`deadline-${d.key}`}>
            <span className="pw-deadline__label">{fmt.text(d.label)}</span>
            <span className="pw-deadline__due">{t("deadlines.due", { date: fmt.date(d.dueOn) })}</span>
            <span className="pw-deadline__count">
              {ICON[state] ? <span className="pw-deadline__icon" aria-hidden="true">{ICON[state]}</span> : null}
              {labels.countdown(d)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
