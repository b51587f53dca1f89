import type { Family, PrivacyRequest } from "@ploegwerk/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Heading3, Paragraph } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useSession } from "../auth/session.ts";
import { FactList } from "../trajectories/FactList.tsx";
import { DecideRequestForm } from "./DecideRequestForm.tsx";
import { usePrivacyLabels } from "./labels.ts";
import { usePrivacyRequests } from "./queries.ts";
import { RecordRequestForm } from "./RecordRequestForm.tsx";

/** The AVG register of the family: record a request as it comes in, and decide it within the month. */
export function PrivacyRequestsPanel({ family }: { family: Family }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = usePrivacyLabels();
  const me = useSession().data;
  const list = usePrivacyRequests(family.id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const about = (memberId: string | null) => {
    if (!memberId) return t("privacy.inzage.wholeFamily");
    const m = family.members.find((x) => x.id === memberId);
    return m ? `${m.givenName} ${m.surname}` : t("privacy.corrections.formerMember");
  };
  const decided = async (saved: PrivacyRequest) => {
    setDeciding(null);
    if (saved.familyId === null) {
      // The whole family was erased: its page no longer exists, nor should it stay in the cache or the caseload.
      await navigate("/", { replace: true, state: { notice: t("privacy.requests.erased") } });
      queryClient.removeQueries({ queryKey: keys.family(family.id) });
      await queryClient.invalidateQueries({ queryKey: keys.familiesAll });
      return;
    }
    // An erasure changes the whole file (members, metingen, …): refresh everything under the family.
    await queryClient.invalidateQueries({ queryKey: keys.family(family.id) });
    setMessage(t("privacy.requests.saved"));
  };
  return (
    <div className="pw-panel" role="group" aria-labelledby={headingId}>
      <Heading3 id={headingId}>{t("privacy.requests.title")}</Heading3>
      <Paragraph>{t("privacy.requests.intro")}</Paragraph>
      <div role="status" aria-live="polite">{message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}</div>
      {adding ? (
        <RecordRequestForm
          family={family}
          onSaved={async () => {
            await queryClient.invalidateQueries({ queryKey: keys.privacyRequests(family.id) });
            setAdding(false);
            setMessage(t("privacy.requests.form.saved"));
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button onClick={() => { setMessage(null); setAdding(true); }}>{t("privacy.requests.add")}</Button>
      )}
      {list.isPending ? <Loading /> : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t("privacy.requests.none")}</Paragraph>
      ) : (
        <ul className="pw-privacy-list">
          {list.data.items.map((r) => {
            // Four eyes: whoever recorded an erasure request leaves the decision to a colleague.
            const ownErasure = r.kind === "verwijdering" && r.recordedBy?.id === me?.id;
            return (
              <li key={r.id} className="pw-panel">
                <h4 className="utrecht-heading-4">{`${label.kind(r.kind)}: ${label.status(r.status)}`}</h4>
                <FactList
                  rows={[
                    [t("privacy.requests.columns.about"), about(r.memberId)],
                    [t("privacy.requests.columns.by"), r.requestedBy],
                    [t("privacy.requests.columns.received"), fmt.date(r.receivedOn)],
                    ...(r.status === "open" ? ([[t("privacy.requests.columns.due"), fmt.date(r.answerDueOn)]] as const) : []),
                    ...(r.description ? ([[t("privacy.requests.columns.description"), r.description]] as const) : []),
                    ...(r.decidedOn ? ([[t("privacy.requests.columns.decision"), `${fmt.date(r.decidedOn)}${r.decidedBy ? `, ${r.decidedBy.name}` : ""}: ${r.decision ?? ""}`]] as const) : []),
                    [t("privacy.requests.columns.recordedBy"), r.recordedBy?.name ?? "–"],
                  ]}
                />
                {r.status !== "open" ? null : deciding === r.id ? (
                  <DecideRequestForm familyId={family.id} request={r} onSaved={decided} onCancel={() => setDeciding(null)} />
                ) : ownErasure ? (
                  <Paragraph small>{t("privacy.requests.fourEyes")}</Paragraph>
                ) : (
                  <Button onClick={() => { setMessage(null); setDeciding(r.id); }}>{t("privacy.requests.decide")}</Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
