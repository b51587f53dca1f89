import type { Consent, Family } from "@ploegwerk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { ConsentChangeForm } from "./ConsentChangeForm.tsx";
import { ConsentForm } from "./ConsentForm.tsx";
import { ConsentRecord } from "./ConsentRecord.tsx";
import { ConsentWithdrawForm } from "./ConsentWithdrawForm.tsx";
import { useConsents } from "./queries.ts";
import "../plans/plans.css";
import "./consents.css";

type Mode = { kind: "none" } | { kind: "add" } | { kind: "change"; consent: Consent } | { kind: "withdraw"; consent: Consent };

const changeButtonId = (id: string) => `consent-change-${id}`;
const withdrawButtonId = (id: string) => `consent-withdraw-${id}`;

/** "Toestemming": what the family agreed to share with which chain partner; coach and team lead record, change and withdraw it. */
export function ConsentSection({ family, canEdit }: { family: Family; canEdit: boolean }) {
  const { t } = useTranslation();
  const consents = useConsents(family.id);
  const [mode, setMode] = useState<Mode>({ kind: "none" });
  const [message, setMessage] = useState<string | null>(null);
  const open = (next: Mode) => {
    setMessage(null);
    setMode(next);
  };
  const done = (text: string | null) => {
    const was = mode;
    setMode({ kind: "none" });
    if (text) setMessage(text);
    const back = was.kind === "change" ? changeButtonId(was.consent.id) : was.kind === "withdraw" ? withdrawButtonId(was.consent.id) : "consent-add";
    requestAnimationFrame(() => (document.getElementById(back) ?? document.getElementById("consents-heading"))?.focus());
  };
  const items = consents.data?.items ?? [];
  return (
    <Section
      id="consents"
      title={t("consents.sectionTitle")}
      actions={canEdit && mode.kind === "none" ? <Button id="consent-add" appearance="primary" onClick={() => open({ kind: "add" })}>{t("consents.add")}</Button> : null}
    >
      <Paragraph>{t("consents.intro")}</Paragraph>
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      {mode.kind === "add" ? <ConsentForm family={family} onDone={done} /> : null}
      {consents.isPending ? <Loading /> : consents.isError ? <LoadError error={consents.error} retry={() => void consents.refetch()} /> : items.length === 0 ? (
        <Paragraph>{t("consents.none")}</Paragraph>
      ) : (
        <div className="pw-consents">
          {items.map((c) => {
            if (mode.kind === "change" && mode.consent.id === c.id) return <ConsentChangeForm key={c.id} consent={c} onDone={done} />;
            if (mode.kind === "withdraw" && mode.consent.id === c.id) return <ConsentWithdrawForm key={c.id} consent={c} onDone={done} />;
            const editable = canEdit && mode.kind === "none" && c.status !== "withdrawn";
            return (
              <ConsentRecord
                key={c.id}
                consent={c}
                actions={editable ? (
                  <ButtonGroup>
                    <Button id={changeButtonId(c.id)} onClick={() => open({ kind: "change", consent: c })}>
                      {t("consents.change")}<span className="pw-visually-hidden"> ({c.recipient.name})</span>
                    </Button>
                    {c.status !== "expired" ? (
                      <Button id={withdrawButtonId(c.id)} appearance="danger" onClick={() => open({ kind: "withdraw", consent: c })}>
                        {t("consents.withdraw")}<span className="pw-visually-hidden"> ({c.recipient.name})</span>
                      </Button>
                    ) : null}
                  </ButtonGroup>
                ) : null}
              />
            );
          })}
        </div>
      )}
    </Section>
  );
}
