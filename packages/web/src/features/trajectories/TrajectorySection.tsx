import type { Family } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { ButtonLink, TextLink } from "../../components/Button.tsx";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useSession } from "../auth/session.ts";
import { useOutsideOwnTeams } from "../breakGlass/BreakGlassBanner.tsx";
import { DeadlineList } from "./DeadlineList.tsx";
import { FeedbackOwedNotice } from "./FeedbackOwedNotice.tsx";
import { useTrajectoryLabels } from "./labels.ts";
import { canTrajectory } from "./permissions.ts";
import { currentTrajectory, useFamilyTrajectories } from "./queries.ts";
import "./trajectory.css";

/** "Traject" on the family file: where the family is now, what is due, and the way to the trajectory page. */
export function TrajectorySection({ family }: { family: Family }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const me = useSession().data;
  const trajectories = useFamilyTrajectories(family.id);
  const current = trajectories.data ? currentTrajectory(trajectories.data.items) : null;
  const open = current !== null && current.phase !== "closed";
  // Opened through noodtoegang: read only.
  const outside = useOutsideOwnTeams(family);
  const mayRefer = me && !outside ? canTrajectory.edit(me.role) : false;
  const running = current ? current.deadlines.filter((d) => !d.met) : [];

  return (
    <Section
      id="trajectory"
      title={t("trajectory.sectionTitle")}
      actions={mayRefer && trajectories.data && !open ? (
        <ButtonLink appearance="primary" to={`/gezinnen/${family.id}/aanmelding`}>{t("trajectory.newReferral")}</ButtonLink>
      ) : null}
    >
      {trajectories.isPending ? <Loading /> : trajectories.isError ? (
        <LoadError error={trajectories.error} retry={() => void trajectories.refetch()} />
      ) : !current ? (
        <p className="utrecht-paragraph">{t("trajectory.none")}</p>
      ) : (
        <div className="pw-trajectory-card">
          <dl className="utrecht-data-list utrecht-data-list--rows pw-facts">
            <div className="utrecht-data-list__item pw-facts__item">
              <dt className="utrecht-data-list__item-key">{t("trajectory.phase")}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd" data-testid="trajectory-phase">
                <strong>{labels.phase(current.phase)}</strong>
              </dd>
            </div>
            <div className="utrecht-data-list__item pw-facts__item">
              <dt className="utrecht-data-list__item-key">{t("trajectory.daysInPhaseLabel")}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                {t("trajectory.daysInPhase", { count: current.daysInPhase, since: fmt.date(current.phaseSince) })}
              </dd>
            </div>
          </dl>
          {open ? (
            running.length > 0 ? (
              <>
                <h3 className="utrecht-heading-3">{t("deadlines.runningTitle")}</h3>
                <DeadlineList deadlines={running} />
              </>
            ) : (
              <p className="utrecht-paragraph">{t("deadlines.noneRunning")}</p>
            )
          ) : (
            <p className="utrecht-paragraph">{t("trajectory.closedNote")}</p>
          )}
          <FeedbackOwedNotice trajectory={current} />
          <p className="utrecht-paragraph">
            <TextLink to={`/trajecten/${current.id}`}>
              {t("trajectory.open")}
              <span className="pw-visually-hidden"> {t("trajectory.ofFamily", { caseNumber: family.caseNumber })}</span>
            </TextLink>
          </p>
        </div>
      )}
    </Section>
  );
}
