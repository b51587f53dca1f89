import { PASSWORD_MIN_LENGTH } from "@ploegwerk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { api } from "../api/endpoints.ts";
import { fieldErrorsFrom, problemMessage } from "../api/fieldErrors.ts";
import { keys } from "../api/queryKeys.ts";
import { Alert } from "../components/Alert.tsx";
import { Button } from "../components/Button.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { TextField } from "../components/Form.tsx";
import { Page, Paragraph } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { homePath } from "../features/auth/session.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Field = "organisationName" | "name" | "email" | "password";
const FIELDS: Field[] = ["organisationName", "name", "email", "password"];

/** First run: create the organisation and its first beheerder. */
export function SetupPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const setup = useQuery({ queryKey: keys.setup, queryFn: api.setupState, retry: false });
  const [values, setValues] = useState<Record<Field, string>>({ organisationName: "", name: "", email: "", password: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);

  const create = useMutation({
    mutationFn: api.setup,
    onSuccess: (me) => {
      queryClient.setQueryData(keys.session, me);
      queryClient.setQueryData(keys.setup, { needsSetup: false });
      void navigate(homePath(me.role), { replace: true });
    },
    onError: (error) => {
      const fields = fieldErrorsFrom(error);
      setErrors(Object.fromEntries(FIELDS.filter((f) => fields[f]).map((f) => [f, fields[f]])));
      setAttempt((n) => n + 1);
    },
  });

  if (setup.isPending) return <Loading />;
  if (setup.isError) return <LoadError error={setup.error} retry={() => void setup.refetch()} />;
  if (!setup.data.needsSetup && !create.isSuccess) return <Navigate to="/inloggen" replace />;

  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!values.organisationName.trim()) next.organisationName = t("setup.errors.organisationRequired");
    if (!values.name.trim()) next.name = t("setup.errors.nameRequired");
    if (!EMAIL.test(values.email.trim())) next.email = t("setup.errors.emailInvalid");
    if (values.password.length < PASSWORD_MIN_LENGTH) next.password = t("setup.errors.passwordShort", { min: PASSWORD_MIN_LENGTH });
    setErrors(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    create.mutate({
      organisationName: values.organisationName.trim(),
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
    });
  }

  const summary = FIELDS.flatMap((f) => (errors[f] ? [{ target: `setup-${f}`, message: errors[f] ?? "" }] : []));

  return (
    <Page title={t("setup.title")} documentTitle={t("setup.title")}>
      <div className="pw-narrow">
        <Paragraph lead>{t("setup.intro")}</Paragraph>
        <ErrorSummary errors={summary} focusKey={attempt} />
        {create.isError && summary.length === 0 ? (
          <Alert type="error" role="alert">
            <p className="utrecht-paragraph">{problemMessage(create.error, t)}</p>
          </Alert>
        ) : null}
        <form className="utrecht-form" noValidate onSubmit={submit} aria-label={t("setup.title")}>
          <TextField id="setup-organisationName" label={t("setup.organisationName")} required autoComplete="organization"
            value={values.organisationName} onChange={set("organisationName")} error={errors.organisationName} />
          <TextField id="setup-name" label={t("setup.name")} required autoComplete="name"
            value={values.name} onChange={set("name")} error={errors.name} />
          <TextField id="setup-email" label={t("setup.email")} type="email" required autoComplete="username"
            value={values.email} onChange={set("email")} error={errors.email} />
          <TextField id="setup-password" label={t("setup.password")} type="password" required autoComplete="new-password"
            description={t("setup.passwordHint", { min: PASSWORD_MIN_LENGTH })}
            value={values.password} onChange={set("password")} error={errors.password} />
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
            {t("setup.submit")}
          </Button>
        </form>
      </div>
    </Page>
  );
}
