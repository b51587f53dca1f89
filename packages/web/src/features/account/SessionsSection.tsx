import type { AccountStatus } from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { accountApi } from "../../api/accountEndpoints.ts";
import { problemMessage } from "../../api/fieldErrors.ts";
import { forgetSession } from "../auth/forgetSession.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";

/** "Overal uitloggen": every session of this user ends, this one too, so it goes to the log-in page. */
export function SessionsSection({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const revoke = useMutation({
    mutationFn: accountApi.logOutEverywhere,
    onSuccess: () => {
      forgetSession(queryClient);
      void navigate("/inloggen");
    },
  });
  return (
    <Section id="sessions" title={t("account.sessions.title")}>
      <Paragraph>{t("account.sessions.count", { count: status.activeSessions })}</Paragraph>
      <Paragraph>{t("account.sessions.explain")}</Paragraph>
      {revoke.isError ? <Alert type="error" role="alert"><p className="utrecht-paragraph">{problemMessage(revoke.error, t)}</p></Alert> : null}
      <Button appearance="danger" busy={revoke.isPending} disabled={revoke.isPending} onClick={() => revoke.mutate()}>{t("account.sessions.button")}</Button>
    </Section>
  );
}
