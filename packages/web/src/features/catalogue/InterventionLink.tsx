import { useTranslation } from "react-i18next";
import { TextLink } from "../../components/Button.tsx";
import { useIntervention } from "./queries.ts";

/** A plan action's catalogue entry: its name, linked to its page in Wat werkt. */
export function InterventionLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const entry = useIntervention(id);
  return (
    <span className="pw-cell-note">
      <TextLink to={`/wat-werkt/${id}`}>{t("catalogue.inPlan", { name: entry.data?.name ?? "…" })}</TextLink>
      {entry.data && !entry.data.active ? ` ${t("catalogue.inPlanArchived")}` : ""}
    </span>
  );
}
