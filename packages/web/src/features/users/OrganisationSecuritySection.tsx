import { ROLES, type Role } from "@ploegwerk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { accountApi, accountKeys } from "../../api/accountEndpoints.ts";
import { problemMessage } from "../../api/fieldErrors.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { CheckboxField } from "../../components/CheckboxField.tsx";
import { Fieldset } from "../../components/Form.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";

function RolesForm({ initial }: { initial: readonly Role[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<Set<Role>>(new Set(initial));
  const save = useMutation({
    mutationFn: () => accountApi.updateSecuritySettings({ mfaRequiredRoles: ROLES.filter((r) => roles.has(r)) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(accountKeys.securitySettings, saved);
      void queryClient.invalidateQueries({ queryKey: accountKeys.usersSecurity });
    },
  });
  const toggle = (role: Role, on: boolean) =>
    setRoles((old) => {
      const next = new Set(old);
      if (on) next.add(role);
      else next.delete(role);
      return next;
    });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form className="utrecht-form pw-account-roles" noValidate onSubmit={submit}>
      <Fieldset legend={t("accountSecurity.settingsTitle")} describedBy="mfa-roles-intro">
        <p className="utrecht-paragraph" id="mfa-roles-intro">{t("accountSecurity.settingsIntro")}</p>
        {ROLES.map((role) => (
          <CheckboxField key={role} id={`mfa-role-${role}`} className="pw-option" label={t(`roles.${role}`)} checked={roles.has(role)} onChange={(on) => toggle(role, on)} />
        ))}
      </Fieldset>
      <div role="status" aria-live="polite">
        {save.isSuccess ? <Alert type="ok"><p className="utrecht-paragraph">{t("accountSecurity.saved")}</p></Alert> : null}
      </div>
      {save.isError ? <Alert type="error" role="alert"><p className="utrecht-paragraph">{problemMessage(save.error, t)}</p></Alert> : null}
      <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending}>{t("accountSecurity.save")}</Button>
    </form>
  );
}

/** The organisation's two-factor setting: which roles must log in with a code from their phone. */
export function OrganisationSecuritySection() {
  const settings = useQuery({ queryKey: accountKeys.securitySettings, queryFn: accountApi.securitySettings });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <LoadError error={settings.error} retry={() => void settings.refetch()} />;
  return <RolesForm initial={settings.data.mfaRequiredRoles} />;
}
