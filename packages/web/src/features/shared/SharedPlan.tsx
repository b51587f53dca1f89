import { ACTION_STATUS_LABELS, type ActionStatus, type SharedFamily } from "@ploegwerk/domain";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Heading3, Paragraph, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { ActionStatusRow } from "../plans/ActionStatusForm.tsx";
import { ActionStatusText } from "../plans/ActionStatusText.tsx";
import { isOwnAction, useSharedOwnerText } from "./ownerText.ts";
import { useRefreshShared } from "./queries.ts";

type SharedPlanPart = NonNullable<SharedFamily["plan"]>;

/**
 * The gezinsplan as shared: the whole plan, or only this organisation's actions with their goal.
 * The ketenpartner updates the status of its own actions; the coach sees it in the plan at once.
 */
export function SharedPlan({ family, plan, partnerId }: { family: SharedFamily; plan: SharedPlanPart; partnerId: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const owner = useSharedOwnerText(family, partnerId);
  const refresh = useRefreshShared();
  const labels = { status: (s: ActionStatus) => fmt.text(ACTION_STATUS_LABELS[s]) };
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const buttonId = (actionId: string) => `shared-status-${actionId}`;
  const close = (actionId: string) => {
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(buttonId(actionId))?.focus());
  };
  return (
    <Section id="shared-plan" title={t("shared.plan.title")}>
      <Paragraph>
        {plan.signedOn ? t("shared.plan.version", { number: plan.number, date: fmt.date(plan.signedOn) }) : t("shared.plan.versionUnsigned", { number: plan.number })}{" "}
        {plan.scope === "all" ? t("shared.plan.scopeAll") : t("shared.plan.scopeOwn")}
      </Paragraph>
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      {plan.overallGoals.length > 0 ? (
        <>
          <Heading3>{t("shared.plan.overallGoals")}</Heading3>
          <ul className="utrecht-unordered-list">
            {plan.overallGoals.map((o) => <li key={o.id} className="utrecht-unordered-list__item">{o.description}</li>)}
          </ul>
        </>
      ) : null}
      {plan.goals.length === 0 ? <Paragraph>{t("shared.plan.noOwnActions")}</Paragraph> : null}
      {plan.goals.map((g) => (
        <div key={g.id} className="pw-shared-goal">
          <Heading3>{g.domainLabel}: {g.description}</Heading3>
          {g.targetDate ? <Paragraph small>{t("shared.plan.targetDate", { date: fmt.date(g.targetDate) })}</Paragraph> : null}
          {g.actions.length === 0 ? <Paragraph>{t("shared.plan.noActions")}</Paragraph> : (
            <Table caption={t("shared.plan.actionsCaption", { goal: g.description })} captionHidden>
              <THead>
                <Tr>
                  <Th>{t("shared.plan.action")}</Th>
                  <Th>{t("shared.plan.owner")}</Th>
                  <Th>{t("shared.plan.dueDate")}</Th>
                  <Th>{t("shared.plan.status")}</Th>
                  <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th>
                </Tr>
              </THead>
              <TBody>
                {g.actions.map((a) => {
                  const own = isOwnAction(a.owner, partnerId);
                  return (
                    <Fragment key={a.actionId}>
                      <Tr>
                        <Td>{a.description}</Td>
                        <Td>{owner(a.owner)}</Td>
                        <Td>{fmt.date(a.dueDate)}</Td>
                        <Td><ActionStatusText action={a} labels={labels} /></Td>
                        <Td className="pw-actions-cell">
                          {own ? (
                            <Button appearance="subtle" id={buttonId(a.actionId)} aria-expanded={open === a.actionId}
                              onClick={() => { setMessage(null); setOpen(open === a.actionId ? null : a.actionId); }}>
                              {t("shared.plan.changeStatus")}<span className="pw-visually-hidden">: {a.description}</span>
                            </Button>
                          ) : null}
                        </Td>
                      </Tr>
                      {open === a.actionId ? (
                        <ActionStatusRow
                          columns={5}
                          action={a}
                          labels={labels}
                          record={(input) => api.recordSharedActionProgress(family.familyId, a.actionId, input)}
                          afterSave={refresh}
                          onCancel={() => close(a.actionId)}
                          onDone={(text) => { setMessage(text); close(a.actionId); }}
                        />
                      ) : null}
                    </Fragment>
                  );
                })}
              </TBody>
            </Table>
          )}
        </div>
      ))}
    </Section>
  );
}
