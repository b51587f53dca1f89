import type { ActionOwner, SharedFamily } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";

/**
 * Who does an action, in what a ketenpartner may know: names of family members only when the
 * family shared who they are; the coach and the network without names.
 */
export function useSharedOwnerText(family: Pick<SharedFamily, "members">, ownPartnerId: string | null) {
  const { t } = useTranslation();
  return (o: ActionOwner): string => {
    switch (o.kind) {
      case "member": {
        const m = family.members?.find((x) => x.id === o.memberId);
        return m ? t("shared.owner.member", { name: `${m.givenName} ${m.surname}` }) : t("shared.owner.someMember");
      }
      case "networkPerson":
        return t("shared.owner.network");
      case "coach":
        return t("shared.owner.coach");
      case "partnerContact":
        return o.partnerOrganisationId !== null && o.partnerOrganisationId === ownPartnerId
          ? t("shared.owner.ours", { name: o.contactName, organisation: o.organisation })
          : t("shared.owner.partner", { name: o.contactName, organisation: o.organisation });
    }
  };
}

/** An action this organisation carries out (and so may update). */
export const isOwnAction = (owner: ActionOwner, ownPartnerId: string | null) =>
  owner.kind === "partnerContact" && ownPartnerId !== null && owner.partnerOrganisationId === ownPartnerId;
