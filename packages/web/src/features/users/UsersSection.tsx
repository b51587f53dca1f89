import { PASSWORD_MIN_LENGTH, ROLE_LABELS, ROLES, type Role, type Team, type User } from "@ploegwerk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { fieldErrorsFrom, problemMessage, type FieldErrors } from "../../api/fieldErrors.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { SelectField, TextField } from "../../components/Form.tsx";
import { Heading3, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useSession } from "../auth/session.ts";
import { useTeams } from "../families/queries.ts";
import { usePartnerOrganisations } from "../partners/queries.ts";
import { useFormat } from "../../i18n/format.ts";
import { placementBody, placementErrors, UserPlacementFields } from "./UserPlacementFields.tsx";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function RoleOptions() {
  const fmt = useFormat();
  return (
    <>
      {ROLES.map((r) => (
        <option key={r} value={r}>{fmt.text(ROLE_LABELS[r])}</option>
      ))}
    </>
  );
}

function NewUserForm({ teams, onDone }: { teams: readonly Team[]; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ name: "", email: "", role: "coach" as Role, teamId: teams[0]?.id ?? "", partnerOrganisationId: "", leadsTeamIds: [] as string[], password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    document.getElementById("user-new-name")?.focus();
  }, []);
  const create = useMutation({
    mutationFn: () => api.createUser({ name: v.name.trim(), email: v.email.trim(), role: v.role, ...placementBody(v), password: v.password }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: keys.users });
      void queryClient.invalidateQueries({ queryKey: keys.staff });
      onDone(t("users.added", { name: user.name }));
    },
    onError: (error) => {
      if (isApiError(error) && error.isConflict("email_taken")) setErrors({ email: t("users.errors.emailTaken") });
      else setErrors(fieldErrorsFrom(error));
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!v.name.trim()) found.name = t("users.errors.nameRequired");
    if (!EMAIL.test(v.email.trim())) found.email = t("users.errors.emailInvalid");
    Object.assign(found, placementErrors(v, t));
    if (v.password.length < PASSWORD_MIN_LENGTH) found.password = t("users.errors.passwordShort", { min: PASSWORD_MIN_LENGTH });
    setErrors(found);
    const first = ["name", "email", "teamId", "partnerOrganisationId", "password"].find((k) => found[k]);
    if (first) {
      document.getElementById(`user-new-${first}`)?.focus();
      return;
    }
    create.mutate();
  }
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  return (
    <div className="pw-panel">
      <Heading3>{t("users.addTitle")}</Heading3>
      {create.isError && Object.keys(errors).length === 0 ? (
        <Alert type="error" role="alert"><p className="utrecht-paragraph">{problemMessage(create.error, t)}</p></Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="utrecht-form">
        <div className="pw-grid-2">
          <TextField id="user-new-name" label={t("users.name")} required autoComplete="off" value={v.name} onChange={set("name")} error={errors.name} />
          <TextField id="user-new-email" label={t("users.email")} type="email" required autoComplete="off" value={v.email} onChange={set("email")} error={errors.email} />
          <SelectField id="user-new-role" label={t("users.role")} required value={v.role} onChange={set("role")} error={errors.role}>
            <RoleOptions />
          </SelectField>
          <UserPlacementFields prefix="user-new" value={v} onChange={(patch) => setV((old) => ({ ...old, ...patch }))} teams={teams} errors={errors} />
          <TextField id="user-new-password" label={t("users.initialPassword")} type="password" required autoComplete="new-password"
            description={t("users.passwordHint", { min: PASSWORD_MIN_LENGTH })} value={v.password} onChange={set("password")} error={errors.password} />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>{t("users.add")}</Button>
          <Button appearance="subtle" onClick={() => onDone(null)}>{t("common.cancel")}</Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function EditUserForm({ user, teams, onDone }: { user: User; teams: readonly Team[]; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ name: user.name, role: user.role, teamId: user.teamId ?? "", partnerOrganisationId: user.partnerOrganisationId ?? "", leadsTeamIds: user.leadsTeamIds, password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [stale, setStale] = useState(false);
  useEffect(() => {
    document.getElementById("user-edit-name")?.focus();
  }, []);
  const save = useMutation({
    mutationFn: () =>
      api.updateUser(user.id, {
        version: user.version,
        name: v.name.trim(),
        role: v.role,
        ...placementBody(v),
        ...(v.password ? { password: v.password } : {}),
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: keys.users });
      void queryClient.invalidateQueries({ queryKey: keys.staff });
      onDone(t("users.saved", { name: saved.name }));
    },
    onError: (error) => {
      if (isApiError(error) && error.isConflict("stale_version")) setStale(true);
      else setErrors(fieldErrorsFrom(error));
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!v.name.trim()) found.name = t("users.errors.nameRequired");
    Object.assign(found, placementErrors(v, t));
    if (v.password && v.password.length < PASSWORD_MIN_LENGTH) found.password = t("users.errors.passwordShort", { min: PASSWORD_MIN_LENGTH });
    setErrors(found);
    const first = ["name", "teamId", "partnerOrganisationId", "password"].find((k) => found[k]);
    if (first) {
      document.getElementById(`user-edit-${first}`)?.focus();
      return;
    }
    save.mutate();
  }
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  return (
    <div className="pw-panel">
      <Heading3>{t("users.editTitle", { name: user.name })}</Heading3>
      {stale ? (
        <Alert type="error" role="alert" heading={t("conflict.staleTitle")}>
          <p className="utrecht-paragraph">{t("conflict.staleUser")}</p>
          <Button onClick={async () => { await queryClient.invalidateQueries({ queryKey: keys.users }); onDone(null); }}>{t("conflict.reload")}</Button>
        </Alert>
      ) : save.isError && Object.keys(errors).length === 0 ? (
        <Alert type="error" role="alert"><p className="utrecht-paragraph">{problemMessage(save.error, t)}</p></Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="utrecht-form">
        <div className="pw-grid-2">
          <TextField id="user-edit-name" label={t("users.name")} required value={v.name} onChange={set("name")} error={errors.name} />
          <SelectField id="user-edit-role" label={t("users.role")} required value={v.role} onChange={set("role")} error={errors.role}>
            <RoleOptions />
          </SelectField>
          <UserPlacementFields prefix="user-edit" value={v} onChange={(patch) => setV((old) => ({ ...old, ...patch }))} teams={teams} errors={errors} />
          <TextField id="user-edit-password" label={t("users.newPassword")} type="password" autoComplete="new-password"
            description={t("users.newPasswordHint", { min: PASSWORD_MIN_LENGTH })} value={v.password} onChange={set("password")} error={errors.password} />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending || stale}>{t("common.save")}</Button>
          <Button appearance="subtle" onClick={() => onDone(null)}>{t("common.cancel")}</Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

type Mode = { kind: "none" } | { kind: "add" } | { kind: "edit"; user: User };

/** All users of the organisation: add, change role or team, activate and deactivate. */
export function UsersSection() {
  const { t } = useTranslation();
  const me = useSession().data;
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: keys.users, queryFn: api.users });
  const teams = useTeams();
  const [mode, setMode] = useState<Mode>({ kind: "none" });
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);
  const teamName = (id: string | null) => (id ? teams.data?.items.find((x) => x.id === id)?.name ?? "–" : "–");
  const partners = usePartnerOrganisations();
  const placeOf = (u: User) => (u.role === "ketenpartner" ? partners.data?.items.find((p) => p.id === u.partnerOrganisationId)?.name ?? "–" : teamName(u.teamId));

  const toggle = useMutation({
    mutationFn: (user: User) => api.updateUser(user.id, { version: user.version, active: !user.active }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: keys.users });
      void queryClient.invalidateQueries({ queryKey: keys.staff });
      setMessage({ type: "ok", text: saved.active ? t("users.activated", { name: saved.name }) : t("users.deactivated", { name: saved.name }) });
    },
    onError: (error) => {
      void queryClient.invalidateQueries({ queryKey: keys.users });
      setMessage({ type: "error", text: isApiError(error) && error.isConflict("stale_version") ? t("conflict.staleUser") : problemMessage(error, t) });
    },
  });

  const done = (text: string | null) => {
    setMode({ kind: "none" });
    if (text) setMessage({ type: "ok", text });
  };

  return (
    <Section
      id="users"
      title={t("users.sectionTitle")}
      actions={mode.kind === "none" ? <Button appearance="primary" onClick={() => { setMessage(null); setMode({ kind: "add" }); }}>{t("users.add")}</Button> : null}
    >
      <div role="status" aria-live="polite">
        {message ? <Alert type={message.type}><p className="utrecht-paragraph">{message.text}</p></Alert> : null}
      </div>
      {mode.kind === "add" ? <NewUserForm teams={teams.data?.items ?? []} onDone={done} /> : null}
      {users.isPending ? <Loading /> : users.isError ? <LoadError error={users.error} retry={() => void users.refetch()} /> : (
        <Table caption={t("users.sectionTitle")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("users.name")}</Th>
              <Th>{t("users.email")}</Th>
              <Th>{t("users.role")}</Th>
              <Th>{t("userPlacement.teamOrPartner")}</Th>
              <Th>{t("users.status")}</Th>
              <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th>
            </Tr>
          </THead>
          <TBody>
            {users.data.items.map((u) => (
              <Tr key={u.id}>
                <Th scope="row">{u.name}</Th>
                <Td>{u.email}</Td>
                <Td>{t(`roles.${u.role}`)}</Td>
                <Td>{placeOf(u)}</Td>
                <Td>
                  <span className={["utrecht-status-badge", u.active ? "utrecht-status-badge--active pw-status--active" : "utrecht-status-badge--inactive pw-status--inactive"].join(" ")}>
                    {u.active ? t("users.active") : t("users.inactive")}
                  </span>
                </Td>
                <Td className="pw-actions-cell">
                  <ButtonGroup>
                    <Button appearance="subtle" onClick={() => { setMessage(null); setMode({ kind: "edit", user: u }); }}>
                      {t("common.edit")}<span className="pw-visually-hidden"> {u.name}</span>
                    </Button>
                    {u.id !== me?.id ? (
                      <Button appearance="subtle" disabled={toggle.isPending} onClick={() => { setMessage(null); toggle.mutate(u); }}>
                        {u.active ? t("users.deactivate") : t("users.activate")}<span className="pw-visually-hidden"> {u.name}</span>
                      </Button>
                    ) : null}
                  </ButtonGroup>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {mode.kind === "edit" ? <EditUserForm key={mode.user.id} user={mode.user} teams={teams.data?.items ?? []} onDone={done} /> : null}
    </Section>
  );
}
