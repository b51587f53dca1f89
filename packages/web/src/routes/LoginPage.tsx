import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { isApiError } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { fieldErrorsFrom, problemMessage } from "../api/fieldErrors.ts";
import { keys } from "../api/queryKeys.ts";
import { Alert } from "../components/Alert.tsx";
import { Button } from "../components/Button.tsx";
import { ErrorSummary, type SummaryError } from "../components/ErrorSummary.tsx";
import { TextField } from "../components/Form.tsx";
import { Page, Paragraph } from "../components/Page.tsx";
import { Loading } from "../components/QueryState.tsx";
import { homePath, useSession } from "../features/auth/session.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Only same-site paths are followed after log-in. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const setup = useQuery({ queryKey: keys.setup, queryFn: api.setupState, retry: false, staleTime: 60_000 });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [needsOrganisation, setNeedsOrganisation] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  const login = useMutation({
    mutationFn: api.login,
    onSuccess: (me) => {
      queryClient.setQueryData(keys.session, me);
      void navigate(safeNext(params.get("next")) ?? homePath(me.role), { replace: true });
    },
    onError: (error) => {
      const fields = fieldErrorsFrom(error);
      if ("organisation" in fields) setNeedsOrganisation(true);
      setErrors(fields);
      setAttempt((n) => n + 1);
    },
  });

  if (session.data) return <Navigate to={homePath(session.data.role)} replace />;
  if (setup.data?.needsSetup) return <Navigate to="/inrichten" replace />;
  if (session.isPending || setup.isPending) return <Loading />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!email.trim()) next.email = t("login.errors.emailRequired");
    else if (!EMAIL.test(email.trim())) next.email = t("login.errors.emailInvalid");
    if (!password) next.password = t("login.errors.passwordRequired");
    setErrors(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    login.mutate({ email: email.trim(), password, ...(organisation.trim() ? { organisation: organisation.trim() } : {}) });
  }

  const summary: SummaryError[] = [
    ...(errors.email ? [{ target: "login-email", message: errors.email }] : []),
    ...(errors.password ? [{ target: "login-password", message: errors.password }] : []),
    ...(errors.organisation ? [{ target: "login-organisation", message: errors.organisation }] : []),
  ];
  const wrongCredentials = isApiError(login.error) && login.error.status === 401;

  return (
    <Page title={t("login.title")} documentTitle={t("login.title")}>
      <div className="pw-narrow">
        <Paragraph lead>{t("login.intro")}</Paragraph>
        <ErrorSummary errors={summary} focusKey={attempt} />
        {wrongCredentials ? (
          <Alert type="error" role="alert" heading={t("login.wrongTitle")}>
            <p className="utrecht-paragraph">{t("login.wrongBody")}</p>
          </Alert>
        ) : login.isError && summary.length === 0 ? (
          <Alert type="error" role="alert">
            <p className="utrecht-paragraph">{problemMessage(login.error, t)}</p>
          </Alert>
        ) : null}
        <form className="utrecht-form" noValidate onSubmit={submit} aria-label={t("login.title")}>
          <TextField
            id="login-email"
            label={t("login.email")}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
          />
          <TextField
            id="login-password"
            label={t("login.password")}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
          />
          {needsOrganisation ? (
            <TextField
              id="login-organisation"
              label={t("login.organisation")}
              description={t("login.organisationHint")}
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              error={errors.organisation}
            />
          ) : null}
          <Button type="submit" appearance="primary" busy={login.isPending} disabled={login.isPending}>
            {login.isPending ? t("login.busy") : t("login.submit")}
          </Button>
        </form>
      </div>
    </Page>
  );
}
