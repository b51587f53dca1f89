import { LEVER_LABELS, LEVERAGE_KIND_LABELS, type Leverage } from "@ploegwerk/domain";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Button } from "../../components/Button.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { leverageBody, leverageDraftOf } from "./leverageDraft.ts";
import { LeverageForm } from "./LeverageForm.tsx";
import { useRefreshKey } from "./registerQueries.ts";

/** The register's entries; who may write changes one in place (to record its end and outcome, or correct it). */
export function LeverageTable({ trajectoryId, items, canEdit, onMessage }: {
  trajectoryId: string;
  items: readonly Leverage[];
  canEdit: boolean;
  /** The section's status message: set after a change, cleared when a form opens. */
  onMessage: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const refreshKey = useRefreshKey();
  const [open, setOpen] = useState<string | null>(null);
  const buttonId = (id: string) => `drang-edit-${id}`;
  const close = (id: string) => {
    setOpen(null);
    // Back to the button that opened the form, so keyboard users keep their place.
    requestAnimationFrame(() => document.getElementById(buttonId(id))?.focus());
  };
  const reload = () => refreshKey(keys.leverages(trajectoryId));

  return (
    <Table caption={t("closing.leverages.title")} captionHidden>
      <THead>
        <Tr>
          <Th>{t("closing.leverages.lever")}</Th>
          <Th>{t("closing.leverages.party")}</Th>
          <Th>{t("closing.leverages.condition")}</Th>
          <Th>{t("closing.leverages.period")}</Th>
          <Th>{t("closing.leverages.outcome")}</Th>
          {canEdit ? <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th> : null}
        </Tr>
      </THead>
      <TBody>
        {items.map((l) => {
          const lever = fmt.text(LEVER_LABELS[l.lever]);
          return (
            <Fragment key={l.id}>
              <Tr>
                <Td>{lever}<span className="pw-cell-note">{fmt.text(LEVERAGE_KIND_LABELS[l.kind])}</span></Td>
                <Td>{l.party}</Td>
                <Td className="pw-prewrap">{l.condition}</Td>
                <Td>
                  {l.endsOn ? t("closing.leverages.fromTo", { from: fmt.date(l.startsOn), to: fmt.date(l.endsOn) }) : t("closing.leverages.from", { from: fmt.date(l.startsOn) })}
                  <span className="pw-cell-note">{l.active ? <strong>{t("closing.leverages.active")}</strong> : t("closing.leverages.notActive")}</span>
                </Td>
                <Td className="pw-prewrap">{l.outcome ?? "–"}</Td>
                {canEdit ? (
                  <Td className="pw-actions-cell">
                    <Button appearance="subtle" id={buttonId(l.id)} aria-expanded={open === l.id} onClick={() => { onMessage(null); setOpen(open === l.id ? null : l.id); }}>
                      {t("closing.leverages.edit")}<span className="pw-visually-hidden">: {lever}, {l.party}</span>
                    </Button>
                  </Td>
                ) : null}
              </Tr>
              {canEdit && open === l.id ? (
                <tr className="utrecht-table__row pw-expand-row">
                  <td className="utrecht-table__cell" colSpan={6}>
                    <LeverageForm
                      key={l.version}
                      idPrefix={`drang-${l.id}`}
                      heading={t("closing.leverages.editTitle", { lever, party: l.party })}
                      initial={leverageDraftOf(l)}
                      save={(d) => api.updateLeverage(trajectoryId, l.id, { ...leverageBody(d), version: l.version })}
                      onSaved={async () => {
                        await reload();
                        close(l.id);
                        onMessage(t("closing.leverages.updated", { lever }));
                      }}
                      onCancel={() => close(l.id)}
                      onReload={() => void reload()}
                      focusOnOpen
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}
