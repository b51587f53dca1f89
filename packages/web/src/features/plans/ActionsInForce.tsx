import type { EffectiveActionView } from "@ploegwerk/domain";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { ActionStatusRow } from "./ActionStatusForm.tsx";
import { ActionStatusText } from "./ActionStatusText.tsx";
import type { PlanLabels } from "./labels.ts";
import type { People } from "./people.ts";
import { useRefreshPlan } from "./queries.ts";

/**
 * The actions of the plan in force with their status; who may edit can change a status in place
 * (the signed version stays as it is: progress is logged next to it).
 */
export function ActionsInForce({ trajectoryId, actions, people, labels, canEdit, caption }: {
  trajectoryId: string;
  actions: readonly EffectiveActionView[];
  people: People;
  labels: PlanLabels;
  canEdit: boolean;
  caption: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useRefreshPlan(trajectoryId);
  const buttonId = (actionId: string) => `status-button-${actionId}`;
  const close = (actionId: string) => {
    setOpen(null);
    // Back to the button that opened the form, so keyboard users keep their place.
    requestAnimationFrame(() => document.getElementById(buttonId(actionId))?.focus());
  };

  return (
    <>
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      <Table caption={caption} captionHidden>
        <THead>
          <Tr>
            <Th>{t("plan.action")}</Th>
            <Th>{t("plan.owner.label")}</Th>
            <Th>{t("plan.dueDate")}</Th>
            <Th>{t("plan.actionStatus")}</Th>
            {canEdit ? <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th> : null}
          </Tr>
        </THead>
        <TBody>
          {actions.map((a) => (
            <Fragment key={a.actionId}>
              <Tr>
                <Td>{a.description}</Td>
                <Td>{people.owner(a.owner)}</Td>
                <Td>{fmt.date(a.dueDate)}</Td>
                <Td><ActionStatusText action={a} labels={labels} /></Td>
                {canEdit ? (
                  <Td className="pw-actions-cell">
                    <Button
                      appearance="subtle"
                      aria-expanded={open === a.actionId}
                      id={buttonId(a.actionId)}
                      onClick={() => { setMessage(null); setOpen(open === a.actionId ? null : a.actionId); }}
                    >
                      {t("plan.changeStatus")}<span className="pw-visually-hidden">: {a.description}</span>
                    </Button>
                  </Td>
                ) : null}
              </Tr>
              {open === a.actionId ? (
                <ActionStatusRow
                  columns={5}
                  action={a}
                  labels={labels}
                  record={(input) => api.recordActionProgress(trajectoryId, a.actionId, input)}
                  afterSave={refresh}
                  onCancel={() => close(a.actionId)}
                  onDone={(text) => { setMessage(text); close(a.actionId); }}
                />
              ) : null}
            </Fragment>
          ))}
        </TBody>
      </Table>
    </>
  );
}
