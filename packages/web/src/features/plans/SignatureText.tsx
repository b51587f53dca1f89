import type { PlanSignature } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import type { PlanLabels } from "./labels.ts";
import type { People } from "./people.ts";

/** "Ondertekend op 3 maart 2026 door Sanne de Vries en Mo de Vries, op papier (vastgelegd door Cas Coach)." */
export function SignatureText({ signature, people, labels }: { signature: PlanSignature; people: People; labels: PlanLabels }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = signature.signedBy.map(people.member);
  const last = names[names.length - 1] ?? "";
  const who = names.length > 1 ? `${names.slice(0, -1).join(", ")} ${t("plan.and")} ${last}` : last;
  return <>{t("plan.signedText", { date: fmt.date(signature.signedOn), who, method: labels.method(signature.method).toLowerCase(), recordedBy: people.user(signature.recordedBy) })}</>;
}
