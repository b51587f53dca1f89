import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import type { Me, SecondFactorStep as Step } from "@ploegwerk/domain";
import { accountApi, accountKeys, isSecondStep } from "../api/accountEndpoints.ts";
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
import "../features/account/account.css";
import { SecondFactorStep } from "../features/auth/SecondFactorStep.tsx";
import { homePath, useSession } from "../features/auth/session.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Only same-site paths are followed after log-in. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : null;
}

/** The second step the identity provider's redirect asks for (/inloggen?stap=code|instellen). */
function stepFromUrl(value: string | null): Step | null {
  return value === "code" ? "totp" : value === "instellen" ? "enrolment" : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const setup = useQuery({ queryKey: keys.setup, queryFn: api.setupState, retry: false, staleTime: 60_000 });
  const methods = useQuery({ queryKey: accountKeys.loginMethods, queryFn: accountApi.loginMethods, retry: false, staleTime: 5 * 60_000 });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [secondStep, setSecondStep] = useState<Step | null>(() => stepFromUrl(params.get("stap")));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [needsOrganisation, setNeedsOrganisation] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  function loggedIn(me: Me) {
    queryClient.setQueryData(keys.session, me);
    void navigate(safeNext(params.get("next")) ?? homePath(me.role), { replace: true });
  }

  const login = useMutation({
    mutationFn: api.login,
    onSuccess: (answer) => {
      if (isSecondStep(answer)) setSecondStep(answer.secondFactor);
      else loggedIn(answer);
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
  const oidc = methods.data?.oidc ?? null;

  if (secondStep) {
    const restart = () => {
      setSecondStep(null);
      setPassword("");
      login.reset();
      setParams({}, { replace: true });
    };
    return (
      <Page title={t("login.title")} documentTitle={t("twoFactor.login.documentTitle")}>
        <div className="pw-narrow">
          <SecondFactorStep step={secondStep} onDone={loggedIn} onRestart={restart} />
        </div>
      </Page>
    );
  }

  return (
    <Page title={t("login.title")} documentTitle={t("login.title")}>
      <div className="pw-narrow">
        {params.get("oidc") === "mislukt" ? (
          <Alert type="error" role="alert" heading={t("login.oidcFailedTitle")}>
            <p className="utrecht-paragraph">{t("login.oidcFailedBody")}</p>
          </Alert>
        ) : null}
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
        {oidc ? (
          <div className="pw-login-oidc">
            <Paragraph>{t("login.oidcOr")}</Paragraph>
            {/* A full page load: the identity provider's page is not part of this app. */}
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={oidc.url}>
              {t("login.oidcButton", { label: oidc.label })}
            </a>
          </div>
        ) : null}
      </div>
    </Page>
  );
}
