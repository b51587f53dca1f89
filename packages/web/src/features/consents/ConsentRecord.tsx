import { LEGAL_BASIS_LABELS, type Consent } from "@ploegwerk/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { CategoryList } from "./CategoryFields.tsx";
import { ConsentStatusBadge } from "./ConsentStatusBadge.tsx";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item pw-facts__item">
      <dt className="utrecht-data-list__item-key">{term}</dt>
      <dd className="utrecht-data-list__item-value">{children}</dd>
    </div>
  );
}

/** One consent record: to whom, what, why, on what basis, given by whom (for whom), from when until when, and its status. */
export function ConsentRecord({ consent: c, actions }: { consent: Consent; actions?: ReactNode }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const headingId = `consent-${c.id}-heading`;
  const given = c.givenBy
    ? c.onBehalfOf.length > 0
      ? t("consents.givenByFor", { name: c.givenBy.name, children: c.onBehalfOf.map((m) => m.name).join(", ") })
      : c.givenBy.name
    : t("consents.givenByNobody");
  return (
    <article className="pw-consent" aria-labelledby={headingId}>
      <div className="pw-consent__head">
        <h3 className="utrecht-heading-3" id={headingId}>{c.recipient.name}</h3>
        <ConsentStatusBadge status={c.status} />
      </div>
      <dl className="utrecht-data-list pw-facts">
        <Fact term={t("consents.sees")}><CategoryList categories={c.categories} /></Fact>
        <Fact term={t("consents.purpose")}><span className="pw-prewrap">{c.purpose}</span></Fact>
        <Fact term={t("consents.legalBasis")}>{fmt.text(LEGAL_BASIS_LABELS[c.legalBasis])}</Fact>
        <Fact term={t("consents.givenBy")}>{given}</Fact>
        <Fact term={t("consents.period")}>
          {c.expiresOn
            ? t("consents.fromUntil", { from: fmt.date(c.givenOn), until: fmt.date(c.expiresOn) })
            : t("consents.fromOpenEnded", { from: fmt.date(c.givenOn) })}
        </Fact>
        {c.withdrawnOn ? (
          <Fact term={t("consents.withdrawnOn")}>
            {fmt.date(c.withdrawnOn)}
            {c.withdrawnReason ? <span className="pw-consent-note">{t("consents.withdrawnReason", { reason: c.withdrawnReason })}</span> : null}
          </Fact>
        ) : null}
      </dl>
      {actions}
    </article>
  );
}
