import { MEETING_STATUS_LABELS, type Meeting } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useDateTime } from "../meetings/dateTime.ts";

/** The MDO's this organisation is invited to: when, where, who, the agenda, and once held the decisions and agreements. */
export function SharedMeetings({ meetings }: { meetings: readonly Meeting[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dateTime = useDateTime();
  return (
    <Section id="shared-meetings" title={t("shared.meetings.title")}>
      {meetings.length === 0 ? <Paragraph>{t("shared.meetings.none")}</Paragraph> : meetings.map((m) => (
        <article key={m.id} className="pw-shared-item" aria-labelledby={`shared-meeting-${m.id}`}>
          <h3 className="utrecht-heading-3" id={`shared-meeting-${m.id}`}>
            {t("shared.meetings.heading", { when: dateTime(m.scheduledAt) })} <span className="pw-muted">({fmt.text(MEETING_STATUS_LABELS[m.status])})</span>
          </h3>
          <dl className="utrecht-data-list pw-facts">
            <div className="utrecht-data-list__item pw-facts__item">
              <dt className="utrecht-data-list__item-key">{t("shared.meetings.location")}</dt>
              <dd className="utrecht-data-list__item-value">{m.location ?? t("shared.meetings.noLocation")}</dd>
            </div>
            <div className="utrecht-data-list__item pw-facts__item">
              <dt className="utrecht-data-list__item-key">{t("shared.meetings.invited")}</dt>
              <dd className="utrecht-data-list__item-value">
                {m.participants.map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name)).join(", ")}
              </dd>
            </div>
          </dl>
          {m.agenda.length > 0 ? (
            <>
              <p className="utrecht-paragraph"><strong>{t("shared.meetings.agenda")}</strong></p>
              <ol className="utrecht-ordered-list">
                {m.agenda.map((a, i) => <li key={i} className="utrecht-ordered-list__item">{a.text}</li>)}
              </ol>
            </>
          ) : null}
          {m.status === "held" && m.decisions ? (
            <>
              <p className="utrecht-paragraph"><strong>{t("shared.meetings.decisions")}</strong></p>
              <p className="utrecht-paragraph pw-prewrap">{m.decisions}</p>
            </>
          ) : null}
          {m.status === "held" && m.agreements.length > 0 ? (
            <>
              <p className="utrecht-paragraph"><strong>{t("shared.meetings.agreements")}</strong></p>
              <ul className="utrecht-unordered-list">
                {m.agreements.map((a) => (
                  <li key={a.id} className="utrecht-unordered-list__item">{t("shared.meetings.agreement", { description: a.description, date: fmt.date(a.dueDate) })}</li>
                ))}
              </ul>
            </>
          ) : null}
          {m.status === "cancelled" && m.cancelReason ? <Paragraph>{t("shared.meetings.cancelled", { reason: m.cancelReason })}</Paragraph> : null}
        </article>
      ))}
    </Section>
  );
}
