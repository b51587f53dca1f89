import type { Family, Member } from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { fieldErrorsFrom, problemMessage, type FieldErrors } from "../../api/fieldErrors.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { Heading3, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { DuplicateWarning } from "./DuplicateWarning.tsx";
import { MemberFields } from "./MemberFields.tsx";
import { emptyMember, memberInput, validateMember, type MemberDraft, type MemberField } from "./memberForm.ts";
import { useDuplicateCheck } from "./useDuplicateCheck.ts";

function ageInYears(dateOfBirth: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth);
  if (!m) return null;
  const now = new Date();
  let age = now.getFullYear() - Number(m[1]);
  const beforeBirthday = now.getMonth() + 1 < Number(m[2]) || (now.getMonth() + 1 === Number(m[2]) && now.getDate() < Number(m[3]));
  if (beforeBirthday) age -= 1;
  return age;
}

type Mode = { kind: "none" } | { kind: "add" } | { kind: "edit"; member: Member };

function toDraft(m: Member): MemberDraft {
  return { givenName: m.givenName, surname: m.surname, role: m.role, dateOfBirth: m.dateOfBirth, bsn: m.bsn ?? "" };
}

function MemberForm({ family, mode, onDone }: { family: Family; mode: Exclude<Mode, { kind: "none" }>; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MemberDraft>(mode.kind === "edit" ? toDraft(mode.member) : emptyMember());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [stale, setStale] = useState(false);
  const headingRef = useRef<HTMLDivElement>(null);
  const duplicates = useDuplicateCheck(mode.kind === "add" ? [draft] : [], family.id);

  useEffect(() => {
    document.getElementById("member-form-givenName")?.focus();
  }, []);

  const save = useMutation({
    mutationFn: async (d: MemberDraft) => {
      const body = memberInput(d);
      if (mode.kind === "edit") return api.updateMember(family.id, mode.member.id, { ...body, version: mode.member.version });
      return api.addMember(family.id, body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: keys.family(family.id) });
      void queryClient.invalidateQueries({ queryKey: keys.familiesAll });
      onDone(mode.kind === "edit" ? t("member.saved", { name: `${saved.givenName} ${saved.surname}` }) : t("member.added", { name: `${saved.givenName} ${saved.surname}` }));
    },
    onError: (error) => {
      if (isApiError(error) && error.isConflict("stale_version")) setStale(true);
      setErrors(fieldErrorsFrom(error));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateMember(draft, t);
    setErrors(found as FieldErrors);
    if (Object.keys(found).length > 0) {
      const first = (["givenName", "surname", "role", "dateOfBirth", "bsn"] as MemberField[]).find((f) => found[f]);
      if (first) document.getElementById(`member-form-${first}`)?.focus();
      return;
    }
    save.mutate(draft);
  }

  const title = mode.kind === "edit" ? t("member.editTitle", { name: `${mode.member.givenName} ${mode.member.surname}` }) : t("member.addTitle");
  return (
    <div className="pw-panel" ref={headingRef}>
      <Heading3>{title}</Heading3>
      {stale ? (
        <Alert type="error" role="alert" heading={t("conflict.staleTitle")}>
          <p className="utrecht-paragraph">{t("conflict.staleMember")}</p>
          <Button
            appearance="secondary"
            onClick={async () => {
              await queryClient.invalidateQueries({ queryKey: keys.family(family.id) });
              onDone(null);
            }}
          >
            {t("conflict.reload")}
          </Button>
        </Alert>
      ) : save.isError && Object.keys(errors).length === 0 ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(save.error, t)}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="utrecht-form">
        <MemberFields idPrefix="member-form" nameBase="" value={draft} onChange={setDraft} errors={errors as Partial<Record<MemberField, string>>} />
        {mode.kind === "add" ? (
          <div aria-live="polite">
            <DuplicateWarning duplicates={duplicates} />
          </div>
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending || stale}>
            {save.isPending ? t("common.saving") : t("common.save")}
          </Button>
          <Button appearance="subtle" onClick={() => onDone(null)}>{t("common.cancel")}</Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** The members table with add, edit and remove. */
export function MembersSection({ family, canEdit }: { family: Family; canEdit: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>({ kind: "none" });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);

  const remove = useMutation({
    mutationFn: (member: Member) => api.removeMember(family.id, member.id),
    onSuccess: async (_, member) => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: keys.family(family.id) });
      void queryClient.invalidateQueries({ queryKey: keys.familiesAll });
      setMessage({ type: "ok", text: t("member.removed", { name: `${member.givenName} ${member.surname}` }) });
      document.getElementById("members-heading")?.focus();
    },
    onError: (error) => {
      setConfirming(null);
      setMessage({
        type: "error",
        text: isApiError(error) && error.isConflict("member_has_measurements") ? t("member.hasMeasurements") : problemMessage(error, t),
      });
    },
  });

  return (
    <Section
      id="members"
      title={t("family.members")}
      actions={canEdit && mode.kind === "none" ? (
        <Button appearance="secondary" onClick={() => { setMessage(null); setMode({ kind: "add" }); }}>{t("member.add")}</Button>
      ) : null}
    >
      <div role="status" aria-live="polite">
        {message ? (
          <Alert type={message.type}>
            <p className="utrecht-paragraph">{message.text}</p>
          </Alert>
        ) : null}
      </div>
      {family.members.length === 0 ? (
        <p className="utrecht-paragraph">{t("member.none")}</p>
      ) : (
        <Table caption={t("member.tableCaption", { caseNumber: family.caseNumber })} captionHidden>
          <THead>
            <Tr>
              <Th>{t("member.name")}</Th>
              <Th>{t("member.role")}</Th>
              <Th>{t("member.dateOfBirth")}</Th>
              <Th>{t("member.bsnShort")}</Th>
              {canEdit ? <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th> : null}
            </Tr>
          </THead>
          <TBody>
            {family.members.map((m) => {
              const age = ageInYears(m.dateOfBirth);
              const name = `${m.givenName} ${m.surname}`;
              return (
                <Tr key={m.id}>
                  <Th scope="row">{name}</Th>
                  <Td>{t(`memberRoles.${m.role}`)}</Td>
                  <Td>
                    {fmt.date(m.dateOfBirth)}
                    {age !== null ? <span className="pw-muted"> ({t("member.age", { count: age })})</span> : null}
                  </Td>
                  <Td>{m.bsn ?? "–"}</Td>
                  {canEdit ? (
                    <Td className="pw-actions-cell">
                      {confirming === m.id ? (
                        <span className="pw-confirm">
                          <span>{t("member.confirmRemove", { name })}</span>
                          <Button appearance="danger" busy={remove.isPending} disabled={remove.isPending} onClick={() => remove.mutate(m)}>
                            {t("member.confirmYes")}
                          </Button>
                          <Button appearance="subtle" onClick={() => setConfirming(null)}>{t("common.no")}</Button>
                        </span>
                      ) : (
                        <ButtonGroup>
                          <Button appearance="subtle" onClick={() => { setMessage(null); setMode({ kind: "edit", member: m }); }}>
                            {t("common.edit")}<span className="pw-visually-hidden"> {name}</span>
                          </Button>
                          <Button appearance="subtle" onClick={() => { setMessage(null); setConfirming(m.id); }}>
                            {t("common.remove")}<span className="pw-visually-hidden"> {name}</span>
                          </Button>
                        </ButtonGroup>
                      )}
                    </Td>
                  ) : null}
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {mode.kind !== "none" ? (
        <MemberForm
          key={mode.kind === "edit" ? mode.member.id : "add"}
          family={family}
          mode={mode}
          onDone={(text) => {
            setMode({ kind: "none" });
            if (text) setMessage({ type: "ok", text });
          }}
        />
      ) : null}
    </Section>
  );
}
