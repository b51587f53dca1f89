import { FGC_FOLLOW_UP_LABELS, FGC_FOLLOW_UPS, FGC_STATUS_LABELS, type FamilyGroupConference } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { agreementOwnerText } from "./agreementOwnerText.ts";

/** What a row's buttons may offer; null hides the column. */
export interface ConferenceRowActions {
  edit: (c: FamilyGroupConference) => void;
  /** Offered for a held conference with agreements not yet in the gezinsplan, while the plan may be written. */
  toPlan: ((c: FamilyGroupConference) => void) | null;
}

/** The register: state, coordinator, date, the network plan's agreements (and which are in the gezinsplan), the follow-up calls. */
export function FamilyGroupConferenceTable({ items, inPlan, actions }: {
  items: readonly FamilyGroupConference[];
  inPlan: ReadonlySet<string>;
  actions: ConferenceRowActions | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table caption={t("closing.ekc.title")} captionHidden>
      <THead>
        <Tr>
          <Th>{t("closing.ekc.status")}</Th>
          <Th>{t("closing.ekc.coordinator")}</Th>
          <Th>{t("closing.ekc.heldOn")}</Th>
          <Th>{t("closing.ekc.agreements")}</Th>
          <Th>{t("closing.ekc.followUps")}</Th>
          {actions ? <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th> : null}
        </Tr>
      </THead>
      <TBody>
        {items.map((c) => {
          const name = c.status === "held" && c.heldOn ? t("closing.ekc.rowHeld", { date: fmt.date(c.heldOn) }) : t("closing.ekc.rowStatus", { status: fmt.text(FGC_STATUS_LABELS[c.status]).toLowerCase() });
          const canPlace = c.status === "held" && c.agreements.some((a) => !inPlan.has(a.id));
          return (
            <Tr key={c.id}>
              <Td>
                <strong>{fmt.text(FGC_STATUS_LABELS[c.status])}</strong>
                {c.statusReason ? <span className="pw-cell-note">{t("plan.cancelReasonText", { reason: c.statusReason })}</span> : null}
              </Td>
              <Td>{c.coordinator ?? "–"}</Td>
              <Td>{fmt.date(c.heldOn)}</Td>
              <Td>
                {c.agreements.length === 0 ? "–" : (
                  <ul className="pw-plain-list pw-ekc-agreements">
                    {c.agreements.map((a) => (
                      <li key={a.id}>
                        {a.description}
                        <span className="pw-cell-note">
                          {t("closing.ekc.agreementWhoWhen", { owner: agreementOwnerText(a, t), date: fmt.date(a.dueDate) })}
                          {inPlan.has(a.id) ? <> · <strong>{t("closing.ekc.inPlan")}</strong></> : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
              <Td>
                {c.followUps ? (
                  <ul className="pw-plain-list">
                    {FGC_FOLLOW_UPS.map((k) => {
                      const f = c.followUps?.[k];
                      if (!f) return null;
                      return (
                        <li key={k}>
                          {fmt.text(FGC_FOLLOW_UP_LABELS[k])}:{" "}
                          {f.status === "done" ? t("closing.ekc.followUpDone", { date: fmt.date(f.on) }) : f.status === "due" ? <strong>{t("closing.ekc.followUpDue", { date: fmt.date(f.dueOn) })}</strong> : t("closing.ekc.followUpUpcoming", { date: fmt.date(f.dueOn) })}
                          {f.note ? <span className="pw-cell-note pw-prewrap">{f.note}</span> : null}
                        </li>
                      );
                    })}
                  </ul>
                ) : "–"}
              </Td>
              {actions ? (
                <Td>
                  <div className="pw-ekc-row-actions">
                    <Button onClick={() => actions.edit(c)}>
                      {t("common.edit")}<span className="pw-visually-hidden">: {name}</span>
                    </Button>
                    {actions.toPlan && canPlace ? (
                      <Button onClick={() => actions.toPlan?.(c)}>
                        {t("closing.ekc.toPlan.button")}<span className="pw-visually-hidden">: {name}</span>
                      </Button>
                    ) : null}
                  </div>
                </Td>
              ) : null}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
