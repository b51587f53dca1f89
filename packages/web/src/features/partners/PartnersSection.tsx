import { PARTNER_KIND_LABELS, type PartnerOrganisation } from "@ploegwerk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { PartnerForm } from "./PartnerForm.tsx";
import { usePartnerOrganisations } from "./queries.ts";

type Mode = { kind: "none" } | { kind: "add" } | { kind: "edit"; partner: PartnerOrganisation };

/** The chain partner organisations the teams work with: name, kind, contact and accounts; add and change. */
export function PartnersSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const partners = usePartnerOrganisations();
  const [mode, setMode] = useState<Mode>({ kind: "none" });
  const [message, setMessage] = useState<string | null>(null);
  const editButtonId = (id: string) => `partner-edit-${id}`;
  const done = (text: string | null) => {
    const was = mode;
    setMode({ kind: "none" });
    if (text) setMessage(text);
    // Back to where the user started, so keyboard users keep their place.
    requestAnimationFrame(() => document.getElementById(was.kind === "edit" ? editButtonId(was.partner.id) : "partner-add")?.focus());
  };
  return (
    <Section
      id="partners"
      title={t("partners.sectionTitle")}
      actions={mode.kind === "none" ? <Button id="partner-add" appearance="primary" onClick={() => { setMessage(null); setMode({ kind: "add" }); }}>{t("partners.add")}</Button> : null}
    >
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      {mode.kind === "add" ? <PartnerForm onDone={done} /> : null}
      {partners.isPending ? <Loading /> : partners.isError ? <LoadError error={partners.error} retry={() => void partners.refetch()} /> : partners.data.items.length === 0 ? (
        <Paragraph>{t("partners.none")}</Paragraph>
      ) : (
        <Table caption={t("partners.caption")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("partners.name")}</Th>
              <Th>{t("partners.kind")}</Th>
              <Th>{t("partners.contact")}</Th>
              <Th numeric>{t("partners.accounts")}</Th>
              <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th>
            </Tr>
          </THead>
          <TBody>
            {partners.data.items.map((p) => (
              <Tr key={p.id}>
                <Th scope="row">{p.name}</Th>
                <Td>{fmt.text(PARTNER_KIND_LABELS[p.kind])}</Td>
                <Td>{p.contact ?? <span className="pw-muted">{t("partners.noContact")}</span>}</Td>
                <Td numeric>{fmt.number(p.userCount, 0)}</Td>
                <Td className="pw-actions-cell">
                  <Button appearance="subtle" id={editButtonId(p.id)} onClick={() => { setMessage(null); setMode({ kind: "edit", partner: p }); }}>
                    {t("common.edit")}<span className="pw-visually-hidden"> {p.name}</span>
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {mode.kind === "edit" ? <PartnerForm key={mode.partner.id} partner={mode.partner} onDone={done} /> : null}
    </Section>
  );
}
