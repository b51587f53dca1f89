import type { Family } from "@ploegwerk/domain";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { SelectField } from "../../components/Form.tsx";
import { Heading3, Paragraph } from "../../components/Page.tsx";

/** Inzage (AVG art. 15): everything about the family, or one member, as a PDF to hand over or JSON for another system. */
export function InzageDownload({ family }: { family: Family }) {
  const { t } = useTranslation();
  const [memberId, setMemberId] = useState("");
  const headingId = useId();
  const about = memberId || undefined;
  return (
    <div className="pw-panel" role="group" aria-labelledby={headingId}>
      <Heading3 id={headingId}>{t("privacy.inzage.title")}</Heading3>
      <Paragraph>{t("privacy.inzage.intro")}</Paragraph>
      <SelectField label={t("privacy.inzage.who")} value={memberId} onChange={(e) => setMemberId(e.target.value)} noOptionalMark>
        <option value="">{t("privacy.inzage.wholeFamily")}</option>
        {family.members.map((m) => (
          <option key={m.id} value={m.id}>{`${m.givenName} ${m.surname}`}</option>
        ))}
      </SelectField>
      <ul className="utrecht-unordered-list pw-inline-links">
        <li>
          <a className="utrecht-link utrecht-link--html-a" href={api.inzageUrl(family.id, "pdf", about)} type="application/pdf" download>
            {t("privacy.inzage.pdf")}
          </a>
        </li>
        <li>
          <a className="utrecht-link utrecht-link--html-a" href={api.inzageUrl(family.id, "json", about)} type="application/json" download>
            {t("privacy.inzage.json")}
          </a>
        </li>
      </ul>
      <Paragraph small>{t("privacy.inzage.checkOthers")}</Paragraph>
    </div>
  );
}
