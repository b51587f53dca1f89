import type { Meeting } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { TextLink } from "../../components/Button.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useDateTime } from "./dateTime.ts";
import { useMeetingLabels } from "./labels.ts";

/** The trajectory's MDO's, newest first: when, where, status, who was invited, agreements; each links to its page. */
export function MeetingList({ trajectoryId, meetings }: { trajectoryId: string; meetings: readonly Meeting[] }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const labels = useMeetingLabels();
  const sorted = [...meetings].sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
  return (
    <Table caption={t("meeting.listCaption")} captionHidden>
      <THead>
        <Tr>
          <Th>{t("meeting.when")}</Th>
          <Th>{t("meeting.location")}</Th>
          <Th>{t("meeting.status")}</Th>
          <Th>{t("meeting.participants")}</Th>
          <Th>{t("meeting.agreements")}</Th>
          <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th>
        </Tr>
      </THead>
      <TBody>
        {sorted.map((m) => (
          <Tr key={m.id}>
            <Th scope="row">{dateTime(m.scheduledAt)}</Th>
            <Td>{m.location ?? "–"}</Td>
            <Td>
              <strong>{labels.status(m.status)}</strong>
              {m.status === "held" && m.familyPresent !== null ? (
                <span className="pw-cell-note">{m.familyPresent ? t("meeting.familyWasPresent") : t("meeting.familyWasAbsent")}</span>
              ) : null}
              {m.status === "cancelled" && m.cancelReason ? <span className="pw-cell-note">{t("meeting.cancelReasonText", { reason: m.cancelReason })}</span> : null}
            </Td>
            <Td>{t("meeting.participantCount", { count: m.participants.length })}</Td>
            <Td>
              {m.status === "held" ? t("meeting.agreementCount", { count: m.agreements.length }) : "–"}
              {m.agreementsPlanVersion !== null ? <span className="pw-cell-note">{t("meeting.inPlanVersion", { number: m.agreementsPlanVersion })}</span> : null}
            </Td>
            <Td className="pw-actions-cell">
              <TextLink to={`/trajecten/${trajectoryId}/mdo/${m.id}`}>
                {m.status === "planned" ? t("meeting.openPlanned") : t("meeting.open")}
                <span className="pw-visually-hidden"> {t("meeting.ofDate", { date: dateTime(m.scheduledAt) })}</span>
              </TextLink>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
