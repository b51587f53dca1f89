import type { User, UserSecurity } from "@ploegwerk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { accountApi, accountKeys } from "../../api/accountEndpoints.ts";
import { api } from "../../api/endpoints.ts";
import { problemMessage } from "../../api/fieldErrors.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useSession } from "../auth/session.ts";
import { OrganisationSecuritySection } from "./OrganisationSecuritySection.tsx";

type Action = "reset" | "unlock" | "logOut";
const CALLS: Record<Action, (userId: string) => Promise<unknown>> = { reset: accountApi.resetTwoFactor, unlock: accountApi.unlockUser, logOut: accountApi.logOutUser };
const DONE = { reset: "accountSecurity.resetDone", unlock: "accountSecurity.unlockDone", logOut: "accountSecurity.logOutDone" } as const;

/**
 * The beheerder's view of log-in security: which roles must use two-factor, and per user whether
 * they do, whether they are locked, where they are logged in; with reset, unlock and log-out.
 */
export function AccountSecuritySection() {
  const { t, i18n } = useTranslation();
  const me = useSession().data;
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: keys.users, queryFn: api.users });
  const security = useQuery({ queryKey: accountKeys.usersSecurity, queryFn: accountApi.usersSecurity });
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);
  const act = useMutation({
    mutationFn: ({ action, user }: { action: Action; user: User }) => CALLS[action](user.id),
    onSuccess: (_, { action, user }) => {
      setMessage({ type: "ok", text: t(DONE[action], { name: user.name }) });
      void queryClient.invalidateQueries({ queryKey: accountKeys.usersSecurity });
    },
    onError: (error) => setMessage({ type: "error", text: problemMessage(error, t) }),
  });
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
  const byId = new Map<string, UserSecurity>((security.data?.items ?? []).map((s) => [s.userId, s]));

  return (
    <Section id="account-security" title={t("accountSecurity.title")}>
      <Paragraph>{t("accountSecurity.intro")}</Paragraph>
      <OrganisationSecuritySection />
      <div role="status" aria-live="polite">
        {message ? <Alert type={message.type}><p className="utrecht-paragraph">{message.text}</p></Alert> : null}
      </div>
      {users.isPending || security.isPending ? <Loading /> : users.isError ? <LoadError error={users.error} retry={() => void users.refetch()} /> : security.isError ? <LoadError error={security.error} retry={() => void security.refetch()} /> : (
        <Table caption={t("accountSecurity.caption")}>
          <THead>
            <Tr>
              <Th>{t("accountSecurity.user")}</Th>
              <Th>{t("accountSecurity.twoFactor")}</Th>
              <Th>{t("accountSecurity.lock")}</Th>
              <Th>{t("accountSecurity.sessions")}</Th>
              <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th>
            </Tr>
          </THead>
          <TBody>
            {users.data.items.map((u) => {
              const s = byId.get(u.id);
              if (!s) return null;
              return (
                <Tr key={u.id}>
                  <Th scope="row">{u.name}</Th>
                  <Td>{s.twoFactorEnabled ? t("accountSecurity.on") : s.twoFactorRequired ? t("accountSecurity.offRequired") : t("accountSecurity.off")}</Td>
                  <Td>{s.lockedUntil ? t("accountSecurity.lockedUntil", { time: time(s.lockedUntil) }) : t("accountSecurity.notLocked")}</Td>
                  <Td>{t("accountSecurity.sessionCount", { count: s.activeSessions })}</Td>
                  <Td className="pw-actions-cell">
                    <ButtonGroup>
                      {s.twoFactorEnabled ? (
                        <Button appearance="subtle" disabled={act.isPending} onClick={() => { setMessage(null); act.mutate({ action: "reset", user: u }); }}>
                          {t("accountSecurity.reset")}<span className="pw-visually-hidden"> {u.name}</span>
                        </Button>
                      ) : null}
                      {s.lockedUntil || s.failedLogins > 0 ? (
                        <Button appearance="subtle" disabled={act.isPending} onClick={() => { setMessage(null); act.mutate({ action: "unlock", user: u }); }}>
                          {t("accountSecurity.unlock")}<span className="pw-visually-hidden"> {u.name}</span>
                        </Button>
                      ) : null}
                      {s.activeSessions > 0 && u.id !== me?.id ? (
                        <Button appearance="subtle" disabled={act.isPending} onClick={() => { setMessage(null); act.mutate({ action: "logOut", user: u }); }}>
                          {t("accountSecurity.logOut")}<span className="pw-visually-hidden"> {u.name}</span>
                        </Button>
                      ) : null}
                    </ButtonGroup>
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Section>
  );
}
