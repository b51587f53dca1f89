import type { Family, NetworkPerson } from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { fieldErrorsFrom, problemMessage, type FieldErrors } from "../../api/fieldErrors.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { Heading3, Section } from "../../components/Page.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { emptyNetworkPerson, NetworkFields, validateNetworkPerson, type NetworkDraft, type NetworkField } from "./NetworkFields.tsx";

function AddNetworkForm({ family, onDone }: { family: Family; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<NetworkDraft>(emptyNetworkPerson());
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    document.getElementById("network-form-name")?.focus();
  }, []);
  const add = useMutation({
    mutationFn: (d: NetworkDraft) =>
      api.addNetworkPerson(family.id, { name: d.name.trim(), relation: d.relation.trim(), contact: d.contact.trim() || null }),
    onSuccess: async (person) => {
      await queryClient.invalidateQueries({ queryKey: keys.family(family.id) });
      onDone(t("network.added", { name: person.name }));
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateNetworkPerson(draft, t);
    setErrors(found as FieldErrors);
    if (Object.keys(found).length > 0) {
      const first = (["name", "relation"] as NetworkField[]).find((f) => found[f]);
      if (first) document.getElementById(`network-form-${first}`)?.focus();
      return;
    }
    add.mutate(draft);
  }
  return (
    <div className="pw-panel">
      <Heading3>{t("network.addTitle")}</Heading3>
      {add.isError && Object.keys(errors).length === 0 ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(add.error, t)}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="utrecht-form">
        <NetworkFields idPrefix="network-form" nameBase="" value={draft} onChange={setDraft} errors={errors as Partial<Record<NetworkField, string>>} />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={add.isPending} disabled={add.isPending}>
            {add.isPending ? t("common.saving") : t("common.save")}
          </Button>
          <Button appearance="subtle" onClick={() => onDone(null)}>{t("common.cancel")}</Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** The informal network: relatives, friends and neighbours who support the family. */
export function NetworkSection({ family, canEdit }: { family: Family; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);
  const remove = useMutation({
    mutationFn: (person: NetworkPerson) => api.removeNetworkPerson(family.id, person.id),
    onSuccess: async (_, person) => {
      await queryClient.invalidateQueries({ queryKey: keys.family(family.id) });
      setMessage({ type: "ok", text: t("network.removed", { name: person.name }) });
      document.getElementById("network-heading")?.focus();
    },
    onError: (error) => setMessage({ type: "error", text: problemMessage(error, t) }),
  });
  return (
    <Section
      id="network"
      title={t("network.title")}
      actions={canEdit && !adding ? <Button onClick={() => { setMessage(null); setAdding(true); }}>{t("network.add")}</Button> : null}
    >
      <div role="status" aria-live="polite">
        {message ? (
          <Alert type={message.type}>
            <p className="utrecht-paragraph">{message.text}</p>
          </Alert>
        ) : null}
      </div>
      {family.network.length === 0 ? (
        <p className="utrecht-paragraph">{t("network.none")}</p>
      ) : (
        <Table caption={t("network.title")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("network.name")}</Th>
              <Th>{t("network.relation")}</Th>
              <Th>{t("network.contact")}</Th>
              {canEdit ? <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th> : null}
            </Tr>
          </THead>
          <TBody>
            {family.network.map((p) => (
              <Tr key={p.id}>
                <Th scope="row">{p.name}</Th>
                <Td>{p.relation}</Td>
                <Td>{p.contact ?? "–"}</Td>
                {canEdit ? (
                  <Td className="pw-actions-cell">
                    <Button appearance="subtle" disabled={remove.isPending} onClick={() => remove.mutate(p)}>
                      {t("common.remove")}<span className="pw-visually-hidden"> {p.name}</span>
                    </Button>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {adding ? (
        <AddNetworkForm
          family={family}
          onDone={(text) => {
            setAdding(false);
            if (text) setMessage({ type: "ok", text });
          }}
        />
      ) : null}
    </Section>
  );
}
