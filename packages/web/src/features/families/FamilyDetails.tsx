import type { Family } from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { fieldErrorsFrom, problemMessage, type FieldErrors } from "../../api/fieldErrors.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { fieldId, SelectField, TextField } from "../../components/Form.tsx";
import { Heading3 } from "../../components/Page.tsx";
import { useStaff } from "./queries.ts";

export function formatAddress(family: Family): string {
  const a = family.address;
  const line1 = [a.street, a.houseNumber].filter(Boolean).join(" ");
  const pc = a.postcode ? a.postcode.replace(/^(\d{4})([A-Z]{2})$/, "$1 $2") : null;
  const line2 = [pc, a.city].filter(Boolean).join(" ");
  return [line1, line2].filter(Boolean).join(", ");
}

/** The key facts of a family file as a description list. */
export function FamilyFacts({ family }: { family: Family }) {
  const { t } = useTranslation();
  const address = formatAddress(family);
  const rows: [string, string][] = [
    [t("family.address"), address || "–"],
    [t("family.district"), [family.district, family.neighbourhood].filter(Boolean).join(" · ") || "–"],
    [t("family.team"), family.teamName],
    [t("family.coach"), family.coachName ?? t("family.noCoach")],
  ];
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows pw-facts">
      {rows.map(([key, value]) => (
        <div key={key} className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Field = "caseNumber" | "street" | "houseNumber" | "postcode" | "city" | "district" | "neighbourhood" | "coachId";
const serverName: Record<Field, string> = {
  caseNumber: "caseNumber", street: "address.street", houseNumber: "address.houseNumber", postcode: "address.postcode",
  city: "address.city", district: "district", neighbourhood: "neighbourhood", coachId: "coachId",
};

/** Edit dossiernummer, address, wijk, buurt and coach, guarded by the family's version. */
export function FamilyEditForm({ family, onDone }: { family: Family; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const staff = useStaff();
  const [v, setV] = useState<Record<Field, string>>({
    caseNumber: family.caseNumber,
    street: family.address.street ?? "",
    houseNumber: family.address.houseNumber ?? "",
    postcode: family.address.postcode ?? "",
    city: family.address.city ?? "",
    district: family.district ?? "",
    neighbourhood: family.neighbourhood ?? "",
    coachId: family.coachId ?? "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [stale, setStale] = useState(false);
  useEffect(() => {
    document.getElementById("family-edit-caseNumber")?.focus();
  }, []);
  const coaches = (staff.data?.items ?? []).filter((s) => s.teamId === family.teamId && (s.role === "coach" || s.role === "teamleider"));
  const n = (s: string) => (s.trim() ? s.trim() : null);

  const save = useMutation({
    mutationFn: () =>
      api.updateFamily(family.id, {
        version: family.version,
        caseNumber: v.caseNumber.trim(),
        address: { street: n(v.street), houseNumber: n(v.houseNumber), postcode: n(v.postcode), city: n(v.city) },
        district: n(v.district),
        neighbourhood: n(v.neighbourhood),
        coachId: v.coachId || null,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.family(family.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.familiesAll });
      onDone(t("family.saved"));
    },
    onError: (error) => {
      if (isApiError(error) && error.isConflict("stale_version")) setStale(true);
      else if (isApiError(error) && error.isConflict("case_number_taken")) setErrors({ caseNumber: t("family.errors.caseNumberTaken") });
      else setErrors(fieldErrorsFrom(error));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!v.caseNumber.trim()) found.caseNumber = t("family.errors.caseNumberRequired");
    if (v.postcode.trim() && !/^[1-9]\d{3}\s?[A-Za-z]{2}$/.test(v.postcode.trim())) found["address.postcode"] = t("family.errors.postcodeInvalid");
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.caseNumber ? "family-edit-caseNumber" : "family-edit-address-postcode")?.focus();
      return;
    }
    save.mutate();
  }

  const set = (f: Field) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [f]: e.target.value }));
  const err = (f: Field) => errors[serverName[f]];
  const id = (f: Field) => fieldId("family-edit", serverName[f]);

  return (
    <div className="pw-panel">
      <Heading3>{t("family.editTitle")}</Heading3>
      {stale ? (
        <Alert type="error" role="alert" heading={t("conflict.staleTitle")}>
          <p className="utrecht-paragraph">{t("conflict.staleFamily")}</p>
          <Button
            onClick={async () => {
              await queryClient.invalidateQueries({ queryKey: keys.family(family.id) });
              onDone(null);
            }}
          >
            {t("conflict.reload")}
          </Button>
        </Alert>
      ) : save.isError && Object.keys(errors).length === 0 ? (
        <Alert type="error" role="alert"><p className="utrecht-paragraph">{problemMessage(save.error, t)}</p></Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="utrecht-form">
        <TextField id={id("caseNumber")} label={t("family.caseNumber")} required value={v.caseNumber} onChange={set("caseNumber")} error={err("caseNumber")} />
        <div className="pw-grid-address">
          <TextField id={id("street")} label={t("family.street")} value={v.street} onChange={set("street")} error={err("street")} />
          <TextField id={id("houseNumber")} label={t("family.houseNumber")} className="utrecht-textbox--house-number-size" value={v.houseNumber} onChange={set("houseNumber")} error={err("houseNumber")} />
          <TextField id={id("postcode")} label={t("family.postcode")} className="utrecht-textbox--postal-code-nl-size" value={v.postcode} onChange={set("postcode")} error={err("postcode")} />
          <TextField id={id("city")} label={t("family.city")} value={v.city} onChange={set("city")} error={err("city")} />
        </div>
        <div className="pw-grid-3">
          <TextField id={id("district")} label={t("family.district")} value={v.district} onChange={set("district")} error={err("district")} />
          <TextField id={id("neighbourhood")} label={t("family.neighbourhood")} value={v.neighbourhood} onChange={set("neighbourhood")} error={err("neighbourhood")} />
          <SelectField id={id("coachId")} label={t("family.coach")} value={v.coachId} onChange={set("coachId")} error={err("coachId")}>
            <option value="">{t("family.noCoachYet")}</option>
            {family.coachId && !coaches.some((c) => c.id === family.coachId) ? (
              <option value={family.coachId}>{family.coachName ?? family.coachId}</option>
            ) : null}
            {coaches.map((s) => (
              <option key={s.id} value={s.id}>{s.name} ({t(`roles.${s.role}`)})</option>
            ))}
          </SelectField>
        </div>
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
