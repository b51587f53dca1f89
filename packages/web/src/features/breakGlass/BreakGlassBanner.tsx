import type { Family } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { useSession } from "../auth/session.ts";
import { useDateTime } from "../meetings/dateTime.ts";
import { useBreakGlassGrants } from "./queries.ts";

/** Whether the logged-in user sees this family through noodtoegang rather than as one of its team. */
export function useOutsideOwnTeams(family: Pick<Family, "teamId"> | undefined): boolean {
  const me = useSession().data;
  return Boolean(me && family && !me.teamIds.includes(family.teamId));
}

/** On a family page opened through noodtoegang: read only, logged, reviewed, and until when. */
export function BreakGlassBanner({ family }: { family: Pick<Family, "id" | "teamId"> }) {
  const { t } = useTranslation();
  const me = useSession().data;
  const dateTime = useDateTime();
  const outside = useOutsideOwnTeams(family);
  const grants = useBreakGlassGrants("all", outside && me?.role === "teamleider");
  if (!outside) return null;
  const grant = grants.data?.items.find((g) => g.familyId === family.id && g.user.id === me?.id && g.active);
  return (
    <Alert type="warning" heading={t("breakGlass.banner.title")} className="pw-break-glass-banner">
      <p className="utrecht-paragraph">{t("breakGlass.banner.body")}</p>
      {grant ? <p className="utrecht-paragraph">{t("breakGlass.banner.until", { until: dateTime(grant.expiresAt) })}</p> : null}
    </Alert>
  );
}
