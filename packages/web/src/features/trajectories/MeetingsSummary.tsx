import type { Trajectory } from "@ploegwerk/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { FactList } from "./FactList.tsx";
import { useTrajectoryLabels } from "./labels.ts";

/** MDO's at a glance (read-only): how many were held, the next one planned, and whether the family was there last time. */
export function MeetingsSummary({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const labels = useTrajectoryLabels();
  const meetings = useQuery({ queryKey: keys.meetings(trajectory.id), queryFn: () => api.meetings(trajectory.id) });
  return (
    <Section id="meetings-summary" title={t("summaries.meetings.title")}>
      {meetings.isPending ? <Loading /> : meetings.isError ? <LoadError error={meetings.error} retry={() => void meetings.refetch()} /> : (() => {
        const items = meetings.data.items;
        if (items.length === 0) return <p className="utrecht-paragraph">{t("summaries.meetings.none")}</p>;
        const held = items.filter((m) => m.status === "held").sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
        const next = items.filter((m) => m.status === "planned").sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0];
        const last = held[0];
        const rows: [string, string][] = [
          [t("summaries.meetings.held"), t("summaries.meetings.heldCount", { count: held.length })],
          [t("summaries.meetings.next"), next ? `${labels.dateTime(next.scheduledAt)}${next.location ? `, ${next.location}` : ""}` : t("summaries.meetings.noneplanned")],
        ];
        if (last) {
          const family = last.familyPresent === null ? t("summaries.meetings.familyUnknown") : last.familyPresent ? t("summaries.meetings.familyPresent") : t("summaries.meetings.familyAbsent");
          rows.push([t("summaries.meetings.last"), `${labels.dateTime(last.scheduledAt)} · ${family} · ${t("summaries.meetings.agreements", { count: last.agreements.length })}`]);
        }
        return <FactList rows={rows} testId="meetings-summary" />;
      })()}
    </Section>
  );
}
