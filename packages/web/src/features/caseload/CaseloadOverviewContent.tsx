import { isoWeekOf, type CaseloadOverview } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { useFormat } from "../../i18n/format.ts";
import { AgendaList } from "./AgendaList.tsx";
import { CoachLoadTable, usePhaseCounts } from "./CoachLoadTable.tsx";
import { FamiliesTable } from "./FamiliesTable.tsx";
import { useCaseloadLabels } from "./labels.ts";
import { PrintButton } from "./PrintButton.tsx";

/**
 * The caseload overview's sections: load per coach, the families with their signals, the weekly
 * casuïstiekbespreking agenda and per coach the two-weekly caseloadgesprek agenda. Each block
 * can be printed on its own.
 */
export function CaseloadOverviewContent({ data }: { data: CaseloadOverview }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useCaseloadLabels();
  const phaseCounts = usePhaseCounts();
  const trajectoryOf = (familyId: string) => data.families.find((f) => f.familyId === familyId)?.trajectoryId;
  const names = new Map(data.coaches.map((c) => [c.coachId, c.name]));
  const coachName = (id: string | null) => (id ? names.get(id) ?? "–" : t("caseloadOverview.noCoach"));
  const withSignals = data.families.filter((f) => f.signals.length > 0).length;
  const week = isoWeekOf(data.today);
  const when = t("caseloadOverview.when", { date: fmt.date(data.today), week: week.week });

  return (
    <>
      <div className="pw-print-block" id="belasting">
        <Section id="load" title={t("caseloadOverview.loadTitle")}>
          <Paragraph>{t("caseloadOverview.loadIntro", { min: data.norm.min, max: data.norm.max })}</Paragraph>
          {data.coaches.length > 0 ? <CoachLoadTable coaches={data.coaches} norm={data.norm} /> : <Paragraph>{t("caseloadOverview.noCoaches")}</Paragraph>}
        </Section>
      </div>

      <div className="pw-print-block" id="gezinnen">
        <Section id="families" title={t("caseloadOverview.familiesTitle")} actions={<PrintButton target="gezinnen" what={t("caseloadOverview.familiesTitle")} />}>
          <p className="utrecht-paragraph pw-result-count">{t("caseloadOverview.familiesCount", { count: data.families.length, withSignals })}</p>
          {data.families.length > 0 ? <FamiliesTable families={data.families} /> : <Paragraph>{t("caseloadOverview.noFamilies")}</Paragraph>}
        </Section>
      </div>

      <div className="pw-print-block" id="casuistiekbespreking">
        <Section
          id="case-review"
          title={t("caseloadOverview.caseReviewTitle")}
          actions={<PrintButton target="casuistiekbespreking" what={t("caseloadOverview.caseReviewTitle")} />}
        >
          <Paragraph>{t("caseloadOverview.caseReviewIntro")}</Paragraph>
          <p className="utrecht-paragraph pw-print-when">{when}</p>
          <AgendaList items={data.caseReview} trajectoryOf={trajectoryOf} coachName={coachName} showCoach />
        </Section>
      </div>

      <Section id="caseload-reviews" title={t("caseloadOverview.caseloadReviewsTitle")}>
        <Paragraph>{t("caseloadOverview.caseloadReviewsIntro")}</Paragraph>
        {data.caseloadReviews.length === 0 ? <Paragraph>{t("caseloadOverview.noCoaches")}</Paragraph> : null}
        {data.caseloadReviews.map((review) => {
          const blockId = `caseloadgesprek-${review.coachId}`;
          const title = t("caseloadOverview.caseloadReviewWith", { name: review.name });
          return (
            <div key={review.coachId} className="pw-print-block pw-panel pw-caseload-review" id={blockId}>
              <div className="pw-caseload-review__head">
                <h3 className="utrecht-heading-3">{title}</h3>
                <PrintButton target={blockId} what={title} />
              </div>
              <p className="utrecht-paragraph pw-print-when">{when}</p>
              <p className="utrecht-paragraph">
                <strong>{t("caseloadOverview.loadLine", { count: review.load.active, status: labels.loadStatus(review.load.status), min: data.norm.min, max: data.norm.max })}</strong>
                {review.load.aftercare > 0 ? ` ${t("caseloadOverview.aftercareLine", { count: review.load.aftercare })}` : ""}
              </p>
              {phaseCounts(review.load.byPhase) ? <p className="utrecht-paragraph pw-muted">{t("caseloadOverview.perPhaseLine", { phases: phaseCounts(review.load.byPhase) })}</p> : null}
              <AgendaList items={review.items} trajectoryOf={trajectoryOf} coachName={coachName} showCoach={false} />
            </div>
          );
        })}
      </Section>
    </>
  );
}
