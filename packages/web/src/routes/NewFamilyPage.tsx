import { CaseNumber, type CreatedFamily, type NewFamilyInput } from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isApiError } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { fieldErrorsFrom, problemMessage, type FieldErrors } from "../api/fieldErrors.ts";
import { keys } from "../api/queryKeys.ts";
import { Alert } from "../components/Alert.tsx";
import { Button, ButtonGroup, ButtonLink } from "../components/Button.tsx";
import { ErrorSummary, type SummaryError } from "../components/ErrorSummary.tsx";
import { Fieldset, fieldId, SelectField, TextField } from "../components/Form.tsx";
import { Page, Paragraph } from "../components/Page.tsx";
import { useSession } from "../features/auth/session.ts";
import { DuplicateWarning } from "../features/families/DuplicateWarning.tsx";
import { MemberFields } from "../features/families/MemberFields.tsx";
import { emptyMember, memberInput, MEMBER_FIELDS, validateMember, type MemberDraft } from "../features/families/memberForm.ts";
import { NetworkFields, emptyNetworkPerson, validateNetworkPerson, NETWORK_FIELDS, type NetworkDraft } from "../features/families/NetworkFields.tsx";
import { useStaff, useTeams } from "../features/families/queries.ts";
import { useDuplicateCheck } from "../features/families/useDuplicateCheck.ts";

const PREFIX = "family";
const POSTCODE = /^[1-9]\d{3}\s?[A-Za-z]{2}$/;

interface Draft {
  caseNumber: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  district: string;
  neighbourhood: string;
  teamId: string;
  coachId: string;
}

/** State passed to the family page after creating, so it can show the duplicate warning. */
export interface CreatedState {
  created: true;
  possibleDuplicates: CreatedFamily["possibleDuplicates"];
}

let rowKey = 0;
const nextKey = () => ++rowKey;

const nullIfEmpty = (s: string) => (s.trim() ? s.trim() : null);

export function NewFamilyPage() {
  const { t } = useTranslation();
  const me = useSession().data;
  const teams = useTeams();
  const staff = useStaff();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const [draft, setDraft] = useState<Draft>({
    caseNumber: "", street: "", houseNumber: "", postcode: "", city: "", district: "", neighbourhood: "",
    teamId: me?.teamId ?? "", coachId: me?.role === "coach" ? me.id : "",
  });
  const [members, setMembers] = useState<{ key: number; value: MemberDraft }[]>(() => [
    { key: nextKey(), value: emptyMember("parent") },
    { key: nextKey(), value: emptyMember("child") },
  ]);
  const [network, setNetwork] = useState<{ key: number; value: NetworkDraft }[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const focusAfterRender = useRef<string | null>(null);

  const duplicates = useDuplicateCheck(members.map((m) => m.value));

  // When no team was preselected (a user without a team), take the first team once they load.
  useEffect(() => {
    if (!draft.teamId && teams.data?.items[0]) setDraft((d) => ({ ...d, teamId: teams.data.items[0]?.id ?? "" }));
  }, [teams.data, draft.teamId]);

  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  const create = useMutation({
    mutationFn: api.createFamily,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: keys.familiesAll });
      queryClient.setQueryData(keys.family(created.family.id), created.family);
      const state: CreatedState = { created: true, possibleDuplicates: created.possibleDuplicates };
      void navigate(`/gezinnen/${created.family.id}`, { state });
    },
    onError: (error) => {
      if (isApiError(error) && error.isConflict("case_number_taken")) {
        setErrors({ caseNumber: t("family.errors.caseNumberTaken") });
      } else {
        setErrors(fieldErrorsFrom(error));
      }
      setAttempt((n) => n + 1);
    },
  });

  const coaches = (staff.data?.items ?? []).filter((s) => s.teamId === draft.teamId && (s.role === "coach" || s.role === "teamleider"));
  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value, ...(field === "teamId" ? { coachId: "" } : {}) }));

  function validate(): FieldErrors {
    const out: FieldErrors = {};
    const cn = CaseNumber.safeParse(draft.caseNumber);
    if (!draft.caseNumber.trim()) out.caseNumber = t("family.errors.caseNumberRequired");
    else if (!cn.success) out.caseNumber = t("family.errors.caseNumberInvalid");
    if (draft.postcode.trim() && !POSTCODE.test(draft.postcode.trim())) out["address.postcode"] = t("family.errors.postcodeInvalid");
    if (!draft.teamId) out.teamId = t("family.errors.teamRequired");
    members.forEach((m, i) => {
      for (const [field, message] of Object.entries(validateMember(m.value, t))) out[`members.${i}.${field}`] = message;
    });
    const roles = members.map((m) => m.value.role);
    if (members.length > 0 && !(roles.includes("parent") && roles.includes("child"))) out.members = t("newFamily.errors.parentAndChild");
    network.forEach((p, i) => {
      for (const [field, message] of Object.entries(validateNetworkPerson(p.value, t))) out[`network.${i}.${field}`] = message;
    });
    return out;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const body: NewFamilyInput = {
      caseNumber: draft.caseNumber.trim(),
      address: {
        street: nullIfEmpty(draft.street),
        houseNumber: nullIfEmpty(draft.houseNumber),
        postcode: nullIfEmpty(draft.postcode),
        city: nullIfEmpty(draft.city),
      },
      district: nullIfEmpty(draft.district),
      neighbourhood: nullIfEmpty(draft.neighbourhood),
      teamId: draft.teamId || null,
      coachId: draft.coachId || null,
      members: members.map((m) => memberInput(m.value)),
      network: network.map((p) => ({ name: p.value.name.trim(), relation: p.value.relation.trim(), contact: nullIfEmpty(p.value.contact) })),
    };
    create.mutate(body);
  }

  function addMember() {
    const index = members.length;
    setMembers((list) => [...list, { key: nextKey(), value: emptyMember() }]);
    focusAfterRender.current = fieldId(PREFIX, `members.${index}.givenName`);
  }

  function removeMember(index: number) {
    setMembers((list) => list.filter((_, i) => i !== index));
    setErrors({});
    focusAfterRender.current = "members-add";
  }

  function addNetwork() {
    const index = network.length;
    setNetwork((list) => [...list, { key: nextKey(), value: emptyNetworkPerson() }]);
    focusAfterRender.current = fieldId(PREFIX, `network.${index}.name`);
  }

  function removeNetwork(index: number) {
    setNetwork((list) => list.filter((_, i) => i !== index));
    setErrors({});
    focusAfterRender.current = "network-add";
  }

  // Field errors in form order for the summary; names the form does not know go to the nearest group.
  const knownOrder = [
    "caseNumber", "address.street", "address.houseNumber", "address.postcode", "address.city", "district", "neighbourhood", "teamId", "coachId",
    "members",
    ...members.flatMap((_, i) => MEMBER_FIELDS.map((f) => `members.${i}.${f}`)),
    ...network.flatMap((_, i) => NETWORK_FIELDS.map((f) => `network.${i}.${f}`)),
  ];
  const summary: SummaryError[] = [
    ...knownOrder.filter((n) => errors[n]).map((n) => ({ target: n === "members" ? "members-error" : fieldId(PREFIX, n), message: errors[n] ?? "" })),
    ...Object.entries(errors)
      .filter(([n]) => !knownOrder.includes(n))
      .map(([n, message]) => ({ target: n.startsWith("network") ? "network-add" : n.startsWith("members") ? "members-add" : fieldId(PREFIX, "caseNumber"), message: `${n}: ${message}` })),
  ];
  const memberErrors = (i: number) =>
    Object.fromEntries(MEMBER_FIELDS.filter((f) => errors[`members.${i}.${f}`]).map((f) => [f, errors[`members.${i}.${f}`]]));
  const networkErrors = (i: number) =>
    Object.fromEntries(NETWORK_FIELDS.filter((f) => errors[`network.${i}.${f}`]).map((f) => [f, errors[`network.${i}.${f}`]]));
  const id = (name: string) => fieldId(PREFIX, name);

  return (
    <Page title={t("newFamily.title")} documentTitle={t("newFamily.title")}>
      <Paragraph lead>{t("newFamily.intro")}</Paragraph>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {create.isError && summary.length === 0 ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(create.error, t)}</p>
        </Alert>
      ) : null}
      <form className="utrecht-form pw-form" noValidate onSubmit={submit}>
        <Fieldset legend={t("newFamily.fileSection")}>
          <TextField id={id("caseNumber")} label={t("family.caseNumber")} required description={t("family.caseNumberHint")}
            value={draft.caseNumber} onChange={set("caseNumber")} error={errors.caseNumber} autoComplete="off" />
          <div className="pw-grid-2">
            <SelectField id={id("teamId")} label={t("family.team")} required value={draft.teamId} onChange={set("teamId")} error={errors.teamId}>
              {teams.data ? null : <option value="">{t("common.loading")}</option>}
              {(teams.data?.items ?? []).map((team) => (
                <option key={team.id} value={team.id}>{team.name}</option>
              ))}
            </SelectField>
            <SelectField id={id("coachId")} label={t("family.coach")} value={draft.coachId} onChange={set("coachId")} error={errors.coachId}>
              <option value="">{t("family.noCoachYet")}</option>
              {coaches.map((s) => (
                <option key={s.id} value={s.id}>{s.name} ({t(`roles.${s.role}`)})</option>
              ))}
            </SelectField>
          </div>
        </Fieldset>

        <Fieldset legend={t("newFamily.addressSection")}>
          <div className="pw-grid-address">
            <TextField id={id("address.street")} label={t("family.street")} autoComplete="off"
              value={draft.street} onChange={set("street")} error={errors["address.street"]} />
            <TextField id={id("address.houseNumber")} label={t("family.houseNumber")} autoComplete="off" className="utrecht-textbox--house-number-size"
              value={draft.houseNumber} onChange={set("houseNumber")} error={errors["address.houseNumber"]} />
            <TextField id={id("address.postcode")} label={t("family.postcode")} autoComplete="off" className="utrecht-textbox--postal-code-nl-size"
              description={t("family.postcodeHint")} value={draft.postcode} onChange={set("postcode")} error={errors["address.postcode"]} />
            <TextField id={id("address.city")} label={t("family.city")} autoComplete="off"
              value={draft.city} onChange={set("city")} error={errors["address.city"]} />
          </div>
          <div className="pw-grid-2">
            <TextField id={id("district")} label={t("family.district")} value={draft.district} onChange={set("district")} error={errors.district} />
            <TextField id={id("neighbourhood")} label={t("family.neighbourhood")} value={draft.neighbourhood} onChange={set("neighbourhood")} error={errors.neighbourhood} />
          </div>
        </Fieldset>

        <section className="pw-form-section" aria-labelledby="members-heading">
          <h2 className="utrecht-heading-2" id="members-heading">{t("newFamily.membersSection")}</h2>
          <Paragraph>{t("newFamily.membersIntro")}</Paragraph>
          {errors.members ? (
            <p className="utrecht-form-field-error-message pw-group-error" id="members-error" tabIndex={-1}>
              <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
              {errors.members}
            </p>
          ) : null}
          {members.map((m, i) => (
            <Fieldset key={m.key} legend={t("newFamily.memberLegend", { n: i + 1 })} className="pw-row-card">
              <MemberFields
                idPrefix={PREFIX}
                nameBase={`members.${i}`}
                value={m.value}
                errors={memberErrors(i)}
                onChange={(value) => setMembers((list) => list.map((row, j) => (j === i ? { ...row, value } : row)))}
              />
              <Button appearance="subtle" onClick={() => removeMember(i)}>
                {t("newFamily.removeMember", { n: i + 1 })}
              </Button>
            </Fieldset>
          ))}
          <div aria-live="polite">
            <DuplicateWarning duplicates={duplicates} />
          </div>
          <Button id="members-add" appearance="secondary" onClick={addMember}>{t("newFamily.addMember")}</Button>
        </section>

        <section className="pw-form-section" aria-labelledby="network-heading">
          <h2 className="utrecht-heading-2" id="network-heading">{t("newFamily.networkSection")}</h2>
          <Paragraph>{t("newFamily.networkIntro")}</Paragraph>
          {network.map((p, i) => (
            <Fieldset key={p.key} legend={t("newFamily.networkLegend", { n: i + 1 })} className="pw-row-card">
              <NetworkFields
                idPrefix={PREFIX}
                nameBase={`network.${i}`}
                value={p.value}
                errors={networkErrors(i)}
                onChange={(value) => setNetwork((list) => list.map((row, j) => (j === i ? { ...row, value } : row)))}
              />
              <Button appearance="subtle" onClick={() => removeNetwork(i)}>
                {t("newFamily.removeNetwork", { n: i + 1 })}
              </Button>
            </Fieldset>
          ))}
          <Button id="network-add" appearance="secondary" onClick={addNetwork}>{t("newFamily.addNetwork")}</Button>
        </section>

        <ButtonGroup className="pw-form-actions">
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
            {create.isPending ? t("common.saving") : t("newFamily.submit")}
          </Button>
          <ButtonLink to="/" appearance="subtle">{t("common.cancel")}</ButtonLink>
        </ButtonGroup>
      </form>
    </Page>
  );
}
