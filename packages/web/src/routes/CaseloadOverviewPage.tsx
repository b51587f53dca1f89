import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { Button } from "../components/Button.tsx";
import { SelectField } from "../components/Form.tsx";
import { Page, Paragraph } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useSession } from "../features/auth/session.ts";
import { CaseloadOverviewContent } from "../features/caseload/CaseloadOverviewContent.tsx";
import { useCaseloadOverview } from "../features/caseload/queries.ts";
import { useFormat } from "../i18n/format.ts";
import "../features/caseload/caseload.css";
import "../features/caseload/print.css";

/** /teamoverzicht: the team lead's caseload overview, also for the team's coaches and ondersteuning. */
export function CaseloadOverviewPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession().data;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const coachId = params.get("coach") ?? "";
  const [choice, setChoice] = useState(coachId);
  const overview = useCaseloadOverview(coachId);
  const data = overview.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate(choice ? `/teamoverzicht?coach=${encodeURIComponent(choice)}` : "/teamoverzicht");
  }

  return (
    <Page title={t("caseloadOverview.title")} documentTitle={t("caseloadOverview.title")} preHeading={me?.teamName ?? undefined}>
      <Paragraph>{t("caseloadOverview.intro")}</Paragraph>
      {data ? (
        <form className="pw-inline-form pw-no-print" noValidate onSubmit={submit} aria-label={t("caseloadOverview.filterLabel")}>
          <SelectField id="caseload-coach" label={t("caseloadOverview.showFor")} noOptionalMark value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t("caseloadOverview.allCoaches")}</option>
            {data.coaches.map((c) => (
              <option key={c.coachId} value={c.coachId}>{c.name}</option>
            ))}
          </SelectField>
          <Button type="submit">{t("caseloadOverview.show")}</Button>
        </form>
      ) : null}
      {overview.isPending ? <Loading /> : overview.isError ? (
        <LoadError error={overview.error} retry={() => void overview.refetch()} />
      ) : (
        <>
          <p className="utrecht-paragraph" role="status">
            {coachId
              ? t("caseloadOverview.shownForCoach", { name: overview.data.coaches.find((c) => c.coachId === coachId)?.name ?? "–", date: fmt.date(overview.data.today) })
              : t("caseloadOverview.shownForTeam", { date: fmt.date(overview.data.today) })}
          </p>
          <CaseloadOverviewContent data={overview.data} />
        </>
      )}
    </Page>
  );
}
