import type { NetworkAgreement } from "@ploegwerk/domain";
import type { TFunction } from "i18next";

/** "Truus Bakker (netwerk)", "Marieke Fictief (gezinslid)", or who it was when that person has left the family file. */
export function agreementOwnerText(a: Pick<NetworkAgreement, "owner" | "ownerName">, t: TFunction): string {
  if (a.ownerName === null) return t("closing.ekc.ownerGone");
  return a.owner.kind === "member" ? t("plan.owner.memberLabel", { name: a.ownerName }) : t("plan.owner.networkLabel", { name: a.ownerName });
}
