import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { fieldErrorsFrom, problemMessage, type FieldErrors } from "../../api/fieldErrors.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { TextField } from "../../components/Form.tsx";
import { Heading3, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useTeams } from "../families/queries.ts";

/** Teams of the organisation and a form to add one. */
export function TeamsSection() {
  const { t } = useTranslation();
  const teams = useTeams();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [district, setDistrict] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.createTeam({ name: name.trim(), district: district.trim() || null }),
    onSuccess: async (team) => {
      await queryClient.invalidateQueries({ queryKey: keys.teams });
      setName("");
      setDistrict("");
      setMessage(t("teams.added", { name: team.name }));
    },
    onError: (error) => setErrors(fieldErrorsFrom(error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (!name.trim()) {
      setErrors({ name: t("teams.errors.nameRequired") });
      document.getElementById("team-name")?.focus();
      return;
    }
    setErrors({});
    create.mutate();
  }
  return (
    <Section id="teams" title={t("teams.title")}>
      {teams.isPending ? <Loading /> : teams.isError ? <LoadError error={teams.error} retry={() => void teams.refetch()} /> : teams.data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("teams.none")}</p>
      ) : (
        <Table caption={t("teams.title")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("teams.name")}</Th>
              <Th>{t("teams.district")}</Th>
            </Tr>
          </THead>
          <TBody>
            {teams.data.items.map((team) => (
              <Tr key={team.id}>
                <Th scope="row">{team.name}</Th>
                <Td>{team.district ?? "–"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <div className="pw-panel">
        <Heading3>{t("teams.addTitle")}</Heading3>
        <div role="status" aria-live="polite">
          {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
        </div>
        {create.isError && Object.keys(errors).length === 0 ? (
          <Alert type="error" role="alert"><p className="utrecht-paragraph">{problemMessage(create.error, t)}</p></Alert>
        ) : null}
        <form noValidate onSubmit={submit} className="utrecht-form pw-inline-form">
          <TextField id="team-name" label={t("teams.name")} required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
          <TextField id="team-district" label={t("teams.district")} value={district} onChange={(e) => setDistrict(e.target.value)} error={errors.district} />
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>{t("teams.add")}</Button>
        </form>
      </div>
    </Section>
  );
}
