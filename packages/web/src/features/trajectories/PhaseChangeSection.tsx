import type { Phase, Trajectory } from "@ploegwerk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useTrajectoryLabels } from "./labels.ts";
import { TransitionForm } from "./TransitionForm.tsx";

type Refusal = Trajectory["nextPhases"][number]["refusals"][number];

/** The reasons a move is not possible yet, in the user's language, with what is missing. */
function RefusalList({ refusals }: { refusals: readonly Refusal[] }) {
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  return (
    <ul className="utrecht-unordered-list pw-refusals">
      {refusals.map((r) => (
        <li key={r.code} className="utrecht-unordered-list__item" data-refusal={r.code}>
          {fmt.text(r.message)}
          {r.details.length > 0 ? (
            <ul className="utrecht-unordered-list pw-refusals__details">
              {r.details.map((d) => <li key={d} className="utrecht-unordered-list__item">{labels.detail(d)}</li>)}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Fase wijzigen": every phase the trajectory can go to from here, either as a move the user can
 * make now (date and, where needed, reason) or with the reasons it is not possible yet.
 */
export function PhaseChangeSection({ trajectory, canEdit, onStale, onChanged }: {
  trajectory: Trajectory;
  canEdit: boolean;
  onStale: () => void;
  onChanged: (saved: Trajectory) => void;
}) {
  const { t } = useTranslation();
  const labels = useTrajectoryLabels();
  const [open, setOpen] = useState<Phase | null>(null);
  const toggleId = (to: Phase) => `fase-${to}-open`;

  if (trajectory.phase === "closed") {
    return (
      <Section id="phase-change" title={t("phaseChange.title")}>
        <Paragraph>{t("phaseChange.closed")}</Paragraph>
      </Section>
    );
  }
  if (trajectory.phase === "referral") {
    // The aanmelding moves on through the go/no-go decision; show what a go still needs.
    const go = trajectory.nextPhases.find((n) => n.kind === "go");
    const missing = (go?.refusals ?? []).filter((r) => r.code !== "go_decision_missing");
    return (
      <Section id="phase-change" title={t("phaseChange.title")}>
        <Paragraph>{t("phaseChange.referral")}</Paragraph>
        {missing.length > 0 ? (
          <div className="pw-move pw-move--blocked">
            <p className="utrecht-paragraph"><span className="pw-tag pw-tag--blocked">{t("phaseChange.notYet")}</span> {t("phaseChange.goNeeds")}</p>
            <RefusalList refusals={missing} />
          </div>
        ) : null}
      </Section>
    );
  }

  return (
    <Section id="phase-change" title={t("phaseChange.title")}>
      <Paragraph>{t("phaseChange.intro", { phase: labels.phase(trajectory.phase) })}</Paragraph>
      {trajectory.nextPhases.map((next) => {
        const allowed = next.refusals.length === 0;
        const headingId = `fase-${next.to}-heading`;
        return (
          <div key={next.to} className={`pw-move ${allowed ? "pw-move--allowed" : "pw-move--blocked"}`} data-testid={`move-${next.to}`}>
            <h3 className="utrecht-heading-3" id={headingId}>
              {t("phaseChange.to", { phase: labels.phase(next.to) })}
              <span className="pw-move__kind"> – {labels.kind(next.kind)}</span>
            </h3>
            {allowed ? (
              <>
                <p className="utrecht-paragraph"><span className="pw-tag pw-tag--done">{t("phaseChange.possible")}</span></p>
                {canEdit ? (
                  open === next.to ? (
                    <TransitionForm
                      trajectory={trajectory}
                      to={next.to}
                      kind={next.kind}
                      onStale={onStale}
                      onChanged={(saved) => {
                        setOpen(null);
                        onChanged(saved);
                      }}
                      onCancel={() => {
                        setOpen(null);
                        requestAnimationFrame(() => document.getElementById(toggleId(next.to))?.focus());
                      }}
                    />
                  ) : (
                    <Button id={toggleId(next.to)} appearance={next.kind === "dropout" ? "secondary" : "primary"} onClick={() => setOpen(next.to)}>
                      {t("phaseChange.open", { phase: labels.phase(next.to) })}
                    </Button>
                  )
                ) : null}
              </>
            ) : (
              <>
                <p className="utrecht-paragraph"><span className="pw-tag pw-tag--blocked">{t("phaseChange.notYet")}</span> {t("phaseChange.because")}</p>
                <RefusalList refusals={next.refusals} />
              </>
            )}
          </div>
        );
      })}
    </Section>
  );
}
