import { PHASES, type Trajectory } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useTrajectoryLabels } from "./labels.ts";

type StepState = "done" | "current" | "upcoming" | "skipped";

/**
 * The phases of the method as an ordered list: aanmelding … nazorg, gesloten. The current phase
 * carries aria-current="step" and the words "huidige fase"; phases passed carry a tick and
 * "doorlopen", so the state is never told by colour alone.
 */
export function PhaseStepper({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const labels = useTrajectoryLabels();
  const visited = new Set(trajectory.history.map((h) => h.to));
  const currentIndex = PHASES.indexOf(trajectory.phase);
  const stateOf = (index: number): StepState => {
    const phase = PHASES[index];
    if (index === currentIndex) return "current";
    if (phase && visited.has(phase)) return "done";
    return index < currentIndex ? "skipped" : "upcoming";
  };
  return (
    <ol className="pw-stepper" aria-label={t("stepper.label")}>
      {PHASES.map((phase, index) => {
        const state = stateOf(index);
        return (
          <li key={phase} className={`pw-stepper__step pw-stepper__step--${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="pw-stepper__marker" aria-hidden="true">{state === "done" ? "✓" : index + 1}</span>
            <span className="pw-stepper__label">{labels.phase(phase)}</span>
            {state === "upcoming" ? null : <span className="pw-stepper__state">{t(`stepper.${state}`)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
