import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useSession } from "../auth/session.ts";
import { canEditPlan } from "../plans/permissions.ts";
import { useTrajectoryOf } from "../plans/queries.ts";
import { emptyLeverageDraft, leverageBody } from "./leverageDraft.ts";
import { LeverageForm } from "./LeverageForm.tsx";
import { LeverageTable } from "./LeverageTable.tsx";
import { useLeverages, useRefreshKey } from "./registerQueries.ts";

/** The dwang en drang register: the lever, who applies it, the agreed condition, from when to when, and the outcome. */
export function LeveragesSection({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const me = useSession().data;
  const list = useLeverages(trajectoryId);
  const trajectory = useTrajectoryOf(trajectoryId);
  const refreshKey = useRefreshKey();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const mayWrite = canEditPlan(me?.role) && (trajectory.data ? trajectory.data.phase !== "closed" : false);

  return (
    <Section id="leverages" title={t("closing.leverages.title")}
      actions={mayWrite && !adding ? <Button onClick={() => { setMessage(null); setAdding(true); }}>{t("closing.leverages.add")}</Button> : null}>
      <div role="status" aria-live="polite">{message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}</div>
      {adding ? (
        <LeverageForm
          idPrefix="drang"
          heading={t("closing.leverages.formTitle")}
          initial={emptyLeverageDraft}
          save={(d) => api.recordLeverage(trajectoryId, leverageBody(d))}
          onSaved={async () => {
            await refreshKey(keys.leverages(trajectoryId));
            setAdding(false);
            setMessage(t("closing.leverages.saved"));
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {list.isPending ? <Loading /> : list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("closing.leverages.none")}</p>
      ) : (
        <LeverageTable trajectoryId={trajectoryId} items={list.data.items} canEdit={mayWrite} onMessage={setMessage} />
      )}
    </Section>
  );
}
