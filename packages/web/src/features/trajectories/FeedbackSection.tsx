import type { FEEDBACK_SUBJECTS, Trajectory } from "@ploegwerk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { FeedbackForm } from "./FeedbackForm.tsx";
import { FeedbackOwedNotice } from "./FeedbackOwedNotice.tsx";

type Subject = (typeof FEEDBACK_SUBJECTS)[number];

/** Terugkoppeling aan de aanmelder: what is owed, what was sent, and the form to record it. */
export function FeedbackSection({ trajectory, canEdit, onStale }: { trajectory: Trajectory; canEdit: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [saved, setSaved] = useState<Subject | null>(null);
  if (!trajectory.decision && trajectory.feedback.length === 0) return null;
  const referrer = trajectory.referral.referrerOrganisation;
  return (
    <Section id="feedback" title={t("feedback.title")}>
      <Paragraph>{t("feedback.intro", { referrer: `${trajectory.referral.referrerName} (${referrer})` })}</Paragraph>
      <div role="status" aria-live="polite">
        {saved ? <Alert type="ok"><p className="utrecht-paragraph">{t("feedback.saved", { subject: t(`feedback.subjects.${saved}`) })}</p></Alert> : null}
      </div>
      <FeedbackOwedNotice trajectory={trajectory} />
      {trajectory.feedback.length > 0 ? (
        <Table caption={t("feedback.sentCaption")}>
          <THead>
            <Tr>
              <Th>{t("feedback.subject")}</Th>
              <Th>{t("feedback.sentOn")}</Th>
              <Th>{t("feedback.channel")}</Th>
              <Th>{t("feedback.note")}</Th>
            </Tr>
          </THead>
          <TBody>
            {trajectory.feedback.map((f) => (
              <Tr key={f.subject}>
                <Th scope="row">{t(`feedback.subjects.${f.subject}`)}</Th>
                <Td>{fmt.date(f.sentOn)}</Td>
                <Td>{t(`feedback.channels.${f.channel}`)}</Td>
                <Td className="pw-prewrap">{f.note ?? "–"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      {canEdit && trajectory.feedbackOwed.length > 0 ? (
        <FeedbackForm
          key={trajectory.feedbackOwed.join(",")}
          trajectory={trajectory}
          onStale={onStale}
          onSaved={(subject) => {
            setSaved(subject);
            requestAnimationFrame(() => document.getElementById("feedback-heading")?.focus());
          }}
        />
      ) : null}
    </Section>
  );
}
