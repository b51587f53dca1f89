import { MEETING_STATUS_LABELS, type Meeting, type MeetingStatus, type ParticipantKind } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";

/** Words for the MDO's keys: status and kind of participant. */
export function useMeetingLabels() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return {
    status: (s: MeetingStatus) => fmt.text(MEETING_STATUS_LABELS[s]),
    kind: (k: ParticipantKind) => t(`meeting.participantKinds.${k}`),
    /** "Sanne de Vries (gezinslid)", "Petra Verhuur, Woonstichting De Korf (ketenpartner)". */
    participant: (p: Meeting["participants"][number], chairId?: string | null) =>
      p.kind === "partnerContact" && p.organisation
        ? `${p.name}, ${p.organisation} (${t("meeting.participantKinds.partnerContact")})`
        : `${p.name} (${p.kind === "user" && chairId && p.ref === chairId ? t("meeting.chairLower") : t(`meeting.participantKinds.${p.kind}`)})`,
  };
}
