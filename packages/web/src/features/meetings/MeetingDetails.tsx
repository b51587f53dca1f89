import type { Meeting, PlanContent } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { TextLink } from "../../components/Button.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import type { PlanLabels } from "../plans/labels.ts";
import type { People } from "../plans/people.ts";
import { useDateTime } from "./dateTime.ts";
import { useMeetingLabels } from "./labels.ts";

/** An MDO as recorded: when and where, the chair, who was invited and who came, agenda, decisions, minutes and agreements. */
export function MeetingDetails({ trajectoryId, meeting, people, planLabels, plan }: {
  trajectoryId: string;
  meeting: Meeting;
  people: People;
  planLabels: PlanLabels;
  plan: PlanContent | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dateTime = useDateTime();
  const labels = useMeetingLabels();
  const held = meeting.status === "held";
  const goalText = (goalId: string | null) => {
    const g = goalId ? plan?.goals.find((x) => x.id === goalId) : undefined;
    return g ? `${g.description} (${planLabels.domain(g.domain)})` : null;
  };
  const facts: [string, string][] = [
    [t("meeting.when"), dateTime(meeting.scheduledAt)],
    [t("meeting.location"), meeting.location ?? "–"],
    [t("meeting.chair"), meeting.chair?.name ?? "–"],
    [t("meeting.status"), labels.status(meeting.status)],
  ];
  if (held) facts.push([t("meeting.familyPresentLabel"), meeting.familyPresent === null ? "–" : meeting.familyPresent ? t("meeting.yes") : t("meeting.no")]);
  if (meeting.status === "cancelled") facts.push([t("meeting.cancelReason"), meeting.cancelReason ?? "–"]);

  return (
    <div className="pw-meeting">
      <dl className="utrecht-data-list pw-facts">
        {facts.map(([k, v]) => (
          <div key={k} className="utrecht-data-list__item pw-facts__item">
            <dt className="utrecht-data-list__item-key">{k}</dt>
            <dd className="utrecht-data-list__item-value">{v}</dd>
          </div>
        ))}
      </dl>

      <h2 className="utrecht-heading-2">{t("meeting.participants")}</h2>
      <ul className="utrecht-unordered-list">
        {meeting.participants.map((p) => (
          <li key={p.id} className="utrecht-unordered-list__item">
            {labels.participant(p, meeting.chair?.id)}
            {p.attended === null ? "" : ` — ${p.attended ? t("meeting.attended") : t("meeting.absent")}`}
          </li>
        ))}
      </ul>

      <h2 className="utrecht-heading-2">{t("meeting.agenda")}</h2>
      {meeting.agenda.length === 0 ? <p className="utrecht-paragraph pw-muted">{t("meeting.agendaEmpty")}</p> : (
        <ol className="utrecht-ordered-list">
          {meeting.agenda.map((a, i) => (
            <li key={`${a.goalId ?? "free"}-${i}`} className="utrecht-ordered-list__item">{a.text}</li>
          ))}
        </ol>
      )}

      {held ? (
        <>
          <h2 className="utrecht-heading-2">{t("meeting.decisions")}</h2>
          <p className="utrecht-paragraph pw-prewrap">{meeting.decisions ?? t("meeting.none")}</p>
          <h2 className="utrecht-heading-2">{t("meeting.minutes")}</h2>
          <p className="utrecht-paragraph pw-prewrap">{meeting.minutes ?? t("meeting.none")}</p>
          <h2 className="utrecht-heading-2">{t("meeting.agreements")}</h2>
          {meeting.agreements.length === 0 ? <p className="utrecht-paragraph">{t("meeting.noAgreements")}</p> : (
            <>
              {meeting.agreementsPlanVersion !== null ? (
                <p className="utrecht-paragraph">
                  {t("meeting.agreementsBecame", { number: meeting.agreementsPlanVersion })}{" "}
                  <TextLink to={`/trajecten/${trajectoryId}/gezinsplan?versie=${meeting.agreementsPlanVersion}#plan-version`}>
                    {t("meeting.viewPlanVersion", { number: meeting.agreementsPlanVersion })}
                  </TextLink>
                </p>
              ) : null}
              <Table caption={t("meeting.agreements")} captionHidden>
                <THead>
                  <Tr>
                    <Th>{t("meeting.agreement")}</Th>
                    <Th>{t("plan.owner.label")}</Th>
                    <Th>{t("plan.dueDate")}</Th>
                    <Th>{t("meeting.underGoal")}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {meeting.agreements.map((a) => (
                    <Tr key={a.id}>
                      <Td>{a.description}</Td>
                      <Td>{people.owner(a.owner)}</Td>
                      <Td>{fmt.date(a.dueDate)}</Td>
                      <Td>{goalText(a.goalId) ?? "–"}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </>
          )}
        </>
      ) : null}
    </div>
  );
}
