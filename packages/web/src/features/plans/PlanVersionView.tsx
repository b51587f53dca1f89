import type { EffectiveActionView, PlanAction, PlanVersionDetail } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { ActionStatusText } from "./ActionStatusText.tsx";
import type { PlanLabels } from "./labels.ts";
import type { People } from "./people.ts";
import { SignatureText } from "./SignatureText.tsx";
import { InterventionLink } from "../catalogue/InterventionLink.tsx";

/**
 * One version of the gezinsplan, read-only: overkoepelende doelen, the participatieladder, the
 * goals per leefgebied with for whom and their actions (owner, due date, status). The version in
 * force shows each action's status after the progress recorded since it was signed.
 */
export function PlanVersionView({ detail, people, labels, headingLevel = 3 }: { detail: PlanVersionDetail; people: People; labels: PlanLabels; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = detail.content;
  const effective = new Map((detail.actions ?? []).map((a) => [a.actionId, a]));
  const H = headingLevel === 3 ? "h3" : "h4";
  const G = headingLevel === 3 ? "h4" : "h5";
  const removedOrMoved = detail.deviations;
  const itemText = new Map<string, string>([
    ...c.overallGoals.map((g) => [g.id, g.description] as const),
    ...c.goals.map((g) => [g.id, g.description] as const),
    ...c.goals.flatMap((g) => g.actions.map((a) => [a.id, a.description] as const)),
  ]);
  const statusOf = (a: PlanAction): Pick<EffectiveActionView, "status" | "cancelReason" | "overdue" | "dueDate"> =>
    effective.get(a.id) ?? { status: a.status, cancelReason: a.cancelReason, overdue: false, dueDate: a.dueDate };

  return (
    <div className="pw-plan-view">
      <dl className="utrecht-data-list pw-facts">
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("plan.status")}</dt>
          <dd className="utrecht-data-list__item-value">
            {detail.status === "concept" ? t("plan.concept") : t("plan.definitive")}
            {detail.inForce ? ` — ${t("plan.inForce").toLowerCase()}` : ""}
          </dd>
        </div>
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("plan.startDate")}</dt>
          <dd className="utrecht-data-list__item-value">{fmt.date(c.startDate)}</dd>
        </div>
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("plan.signature")}</dt>
          <dd className="utrecht-data-list__item-value">
            {detail.signature ? <SignatureText signature={detail.signature} people={people} labels={labels} /> : t("plan.notSigned")}
          </dd>
        </div>
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("plan.basedOn")}</dt>
          <dd className="utrecht-data-list__item-value">{detail.basedOn ? t("plan.versionN", { number: detail.basedOn }) : t("plan.firstVersion")}</dd>
        </div>
      </dl>

      <H className="utrecht-heading-3">{t("plan.overallGoals")}</H>
      {c.overallGoals.length === 0 ? <p className="utrecht-paragraph pw-muted">{t("plan.noOverallGoals")}</p> : (
        <ul className="utrecht-unordered-list">
          {c.overallGoals.map((g) => (
            <li key={g.id} className="utrecht-unordered-list__item">
              {g.description}
              {g.targetDate ? <span className="pw-cell-note">{t("plan.targetDateText", { date: fmt.date(g.targetDate) })}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <H className="utrecht-heading-3">{t("plan.participation")}</H>
      {c.participation.length === 0 ? <p className="utrecht-paragraph pw-muted">{t("plan.noParticipation")}</p> : (
        <Table caption={t("plan.participationCaption")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("plan.member")}</Th>
              <Th>{t("plan.currentStep")}</Th>
              <Th>{t("plan.targetStep")}</Th>
            </Tr>
          </THead>
          <TBody>
            {c.participation.map((p) => (
              <Tr key={p.memberId}>
                <Th scope="row">{people.member(p.memberId)}</Th>
                <Td>{labels.step(p.currentStep)}</Td>
                <Td>{labels.step(p.targetStep)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      <H className="utrecht-heading-3">{t("plan.goals")}</H>
      {c.goals.length === 0 ? <p className="utrecht-paragraph pw-muted">{t("plan.noGoals")}</p> : null}
      {c.goals.map((g, gi) => (
        <div key={g.id} className="pw-plan-goal">
          <G className="utrecht-heading-4 pw-plan-goal__title">
            {t("plan.goalN", { number: gi + 1 })}: {labels.domain(g.domain)}
          </G>
          <p className="utrecht-paragraph pw-plan-goal__text">{g.description}</p>
          <p className="utrecht-paragraph pw-muted">
            {t("plan.forWhomText", { whom: people.forWhom(g.memberIds) })}
            {g.targetDate ? ` · ${t("plan.targetDateText", { date: fmt.date(g.targetDate) })}` : ""}
          </p>
          {g.actions.length === 0 ? <p className="utrecht-paragraph pw-muted">{t("plan.noActions")}</p> : (
            <Table caption={t("plan.actionsOfGoal", { number: gi + 1, domain: labels.domain(g.domain) })} captionHidden>
              <THead>
                <Tr>
                  <Th>{t("plan.action")}</Th>
                  <Th>{t("plan.owner.label")}</Th>
                  <Th>{t("plan.dueDate")}</Th>
                  <Th>{t("plan.actionStatus")}</Th>
                </Tr>
              </THead>
              <TBody>
                {g.actions.map((a) => (
                  <Tr key={a.id}>
                    <Td>
                      {a.description}
                      {a.interventionId ? <InterventionLink id={a.interventionId} /> : null}
                    </Td>
                    <Td>{people.owner(a.owner)}</Td>
                    <Td>{fmt.date(a.dueDate)}</Td>
                    <Td><ActionStatusText action={statusOf(a)} labels={labels} /></Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </div>
      ))}

      {removedOrMoved.length > 0 ? (
        <>
          <H className="utrecht-heading-3">{t("plan.deviationsTitle")}</H>
          <p className="utrecht-paragraph">{t("plan.deviationsIntro")}</p>
          <ul className="utrecht-unordered-list">
            {removedOrMoved.map((d) => (
              <li key={d.id} className="utrecht-unordered-list__item">
                <strong>{itemText.get(d.id) ?? t("plan.removedItem")}</strong>: {d.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
