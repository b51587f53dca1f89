import type { ActionOwner, Family } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useStaff } from "../families/queries.ts";

/** Names of the people a plan refers to: family members, the network, staff (coaches) and chain partners. */
export function usePeople(family: Family | undefined) {
  const { t } = useTranslation();
  const staff = useStaff();
  const member = (id: string) => {
    const m = family?.members.find((x) => x.id === id);
    return m ? `${m.givenName} ${m.surname}` : t("plan.people.unknownMember");
  };
  const network = (id: string) => family?.network.find((x) => x.id === id)?.name ?? t("plan.people.unknownNetwork");
  const user = (id: string | null) => {
    if (!id) return t("plan.people.unknownUser");
    return staff.data?.items.find((s) => s.id === id)?.name ?? (family && id === family.coachId && family.coachName ? family.coachName : t("plan.people.unknownUser"));
  };
  return {
    member,
    network,
    user,
    /** Coaches and team leads of the family's team, for "wie doet het" and the MDO's colleagues. */
    colleagues: (staff.data?.items ?? []).filter((s) => s.teamId === family?.teamId && (s.role === "coach" || s.role === "teamleider" || s.role === "ondersteuning")),
    /** "Sanne de Vries (gezinslid)", "Petra Verhuur, Woonstichting De Korf (ketenpartner)". */
    owner(o: ActionOwner): string {
      switch (o.kind) {
        case "member":
          return t("plan.owner.memberLabel", { name: member(o.memberId) });
        case "networkPerson":
          return t("plan.owner.networkLabel", { name: network(o.networkPersonId) });
        case "coach":
          return t("plan.owner.coachLabel", { name: user(o.userId) });
        case "partnerContact":
          return t("plan.owner.partnerLabel", { name: o.contactName, organisation: o.organisation });
      }
    },
    /** "het hele gezin" or the named members. */
    forWhom(memberIds: readonly string[]): string {
      return memberIds.length === 0 ? t("plan.wholeFamily") : memberIds.map(member).join(", ");
    },
  };
}
export type People = ReturnType<typeof usePeople>;
