import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { isApiError } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { problemMessage } from "../api/fieldErrors.ts";
import { keys } from "../api/queryKeys.ts";
import { Alert } from "../components/Alert.tsx";
import { Button, ButtonGroup, ButtonLink, TextLink } from "../components/Button.tsx";
import { Page, Paragraph } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { can, useSession } from "../features/auth/session.ts";
import { EvidenceSection } from "../features/catalogue/EvidenceSection.tsx";
import { InterventionDetails } from "../features/catalogue/InterventionDetails.tsx";
import { useIntervention } from "../features/catalogue/queries.ts";
import "../features/catalogue/catalogue.css";

/** Who makes quick referrals (features/quickReferrals): the professional roles with an account. */
const REFERRERS = ["coach", "teamleider", "ondersteuning", "ketenpartner"] as const;

/** /wat-werkt/:interventionId: one entry with all its fields, sources and the evidence from the organisation's own families. */
export function InterventionPage() {
  const { t } = useTranslation();
  const { interventionId = "" } = useParams();
  const location = useLocation();
  const me = useSession().data;
  const entry = useIntervention(interventionId);
  const queryClient = useQueryClient();
  const flash = (location.state as { message?: string } | null)?.message ?? null;
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(flash ? { type: "ok", text: flash } : null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message && message.text !== flash) requestAnimationFrame(() => messageRef.current?.focus());
  }, [message, flash]);
  const archive = useMutation({
    mutationFn: () => api.archiveIntervention(interventionId, entry.data?.version ?? 0),
    onSuccess: async (saved) => {
      queryClient.setQueryData(keys.intervention(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: keys.interventionsAll });
      setMessage({ type: "ok", text: t("catalogue.archivedMessage", { name: saved.name }) });
    },
    onError: (error) => setMessage({ type: "error", text: isApiError(error) && error.isConflict("stale_version") ? t("catalogue.stale") : problemMessage(error, t) }),
  });
  if (entry.isPending) return <Loading />;
  if (entry.isError) return <LoadError error={entry.error} retry={() => void entry.refetch()} />;
  const e = entry.data;
  const manage = me ? can.manageCatalogue(me.role) : false;
  return (
    <Page
      title={e.name}
      documentTitle={e.name}
      preHeading={<TextLink to="/wat-werkt">{t("catalogue.title")}</TextLink>}
      actions={manage ? <ButtonLink to={`/wat-werkt/${e.id}/bewerken`}>{t("catalogue.edit")}</ButtonLink> : null}
    >
      <div ref={messageRef} tabIndex={-1} role="status">
        {message ? <Alert type={message.type}><p className="utrecht-paragraph">{message.text}</p></Alert> : null}
      </div>
      {e.active ? null : <Alert type="warning"><p className="utrecht-paragraph">{t("catalogue.archivedNotice")}</p></Alert>}
      {e.summary ? <Paragraph lead>{e.summary}</Paragraph> : null}
      {e.active && me && (REFERRERS as readonly string[]).includes(me.role) ? (
        <p className="utrecht-paragraph">
          <TextLink to={`/verwijzen?interventie=${encodeURIComponent(e.id)}`}>{t("catalogue.refer")}</TextLink>
        </p>
      ) : null}
      <InterventionDetails entry={e} />
      {me && can.seeCatalogueEvidence(me.role) ? <EvidenceSection interventionId={e.id} /> : null}
      {manage && e.active ? (
        <div className="pw-panel">
          <Paragraph>{t("catalogue.archiveHint")}</Paragraph>
          <ButtonGroup>
            <Button appearance="danger" busy={archive.isPending} disabled={archive.isPending} onClick={() => archive.mutate()}>{t("catalogue.archive")}</Button>
          </ButtonGroup>
        </div>
      ) : null}
    </Page>
  );
}
