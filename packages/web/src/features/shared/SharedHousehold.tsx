import type { SharedFamily } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";

/** Who is in the family and where they live (consent for "basis"; never the BSN). */
export function SharedHousehold({ members, address }: { members: NonNullable<SharedFamily["members"]>; address: SharedFamily["address"] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const street = address ? [address.street, address.houseNumber].filter(Boolean).join(" ") : "";
  const place = address ? [address.postcode, address.city].filter(Boolean).join(" ") : "";
  return (
    <Section id="shared-household" title={t("shared.household.title")}>
      <Paragraph>{street || place ? t("shared.household.address", { address: [street, place].filter(Boolean).join(", ") }) : t("shared.household.noAddress")}</Paragraph>
      <Table caption={t("shared.household.caption")} captionHidden>
        <THead>
          <Tr>
            <Th>{t("shared.household.name")}</Th>
            <Th>{t("shared.household.role")}</Th>
            <Th>{t("shared.household.dateOfBirth")}</Th>
          </Tr>
        </THead>
        <TBody>
          {members.map((m) => (
            <Tr key={m.id}>
              <Th scope="row">{m.givenName} {m.surname}</Th>
              <Td>{t(`memberRoles.${m.role}`)}</Td>
              <Td>{fmt.date(m.dateOfBirth)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Section>
  );
}
