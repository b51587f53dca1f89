import type { BreakGlassGrant } from "@ploegwerk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Checkbox } from "../plans/ChoiceFields.tsx";
import { Paragraph } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useSession } from "../auth/session.ts";
import { useDateTime } from "../meetings/dateTime.ts";
import { useBreakGlassGrants } from "./queries.ts";
import "../plans/plans.css";
import "./breakGlass.css";
import { ReviewForm } from "./ReviewForm.tsx";

function GrantFacts({ grant: g }: { grant: BreakGlassGrant }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  return (
    <dl className="utrecht-data-list pw-facts">
      <div className="utrecht-data-list__item pw-facts__item">
        <dt className="utrecht-data-list__item-key">{t("breakGlass.review.openedBy")}</dt>
        <dd className="utrecht-data-list__item-value">{g.user.name}</dd>
      </div>
      <div className="utrecht-data-list__item pw-facts__item">
        <dt className="utrecht-data-list__item-key">{t("breakGlass.review.when")}</dt>
        <dd className="utrecht-data-list__item-value">
          {t(g.active ? "breakGlass.review.periodActive" : "breakGlass.review.period", { from: dateTime(g.grantedAt), until: dateTime(g.expiresAt) })}
        </dd>
      </div>
      <div className="utrecht-data-list__item pw-facts__item">
        <dt className="utrecht-data-list__item-key">{t("breakGlass.review.reason")}</dt>
        <dd className="utrecht-data-list__item-value pw-prewrap">{g.reason}</dd>
      </div>
      {g.review ? (
        <div className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{t("breakGlass.review.verdict")}</dt>
          <dd className="utrecht-data-list__item-value">
            {t("breakGlass.review.reviewedBy", { verdict: t(`breakGlass.review.verdicts.${g.review.verdict}`), name: g.review.by.name, when: dateTime(g.review.at) })}
            {g.review.note ? <span className="pw-grant__note">{g.review.note}</span> : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Noodtoegang openings waiting for a verdict (or all of them), each with its verdict form. */
export function ReviewList() {
  const { t } = useTranslation();
  const me = useSession().data;
  const [showAll, setShowAll] = useState(false);
  const grants = useBreakGlassGrants(showAll ? "all" : "unreviewed");
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <Checkbox id="review-show-all" label={t("breakGlass.review.showAll")} checked={showAll} onChange={(on) => { setMessage(null); setShowAll(on); }} />
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      {grants.isPending ? <Loading /> : grants.isError ? <LoadError error={grants.error} retry={() => void grants.refetch()} /> : grants.data.items.length === 0 ? (
        <Paragraph>{showAll ? t("breakGlass.review.noneAtAll") : t("breakGlass.review.none")}</Paragraph>
      ) : (
        grants.data.items.map((g) => (
          <article key={g.id} className="pw-grant" aria-labelledby={`grant-${g.id}`}>
            <h2 className="utrecht-heading-3" id={`grant-${g.id}`}>{t("breakGlass.review.grantTitle", { caseNumber: g.caseNumber, name: g.user.name })}</h2>
            <GrantFacts grant={g} />
            {g.review ? null : g.user.id === me?.id ? (
              <Paragraph>{t("breakGlass.review.selfReview")}</Paragraph>
            ) : (
              <ReviewForm grant={g} onDone={setMessage} />
            )}
          </article>
        ))
      )}
    </>
  );
}
