import { useTranslation } from "react-i18next";
import { TextLink } from "../../components/Button.tsx";
import { signalHref, useCaseloadLabels, type SignalView } from "./labels.ts";

/**
 * A family's signals in words: what is late and by how many days, each a link to where the coach
 * acts on it. Marked with a word ("Signaal"), not by colour alone.
 */
export function SignalList({ signals, trajectoryId, caseNumber }: { signals: readonly SignalView[]; trajectoryId: string | undefined; caseNumber: string }) {
  const { t } = useTranslation();
  const labels = useCaseloadLabels();
  if (signals.length === 0) return <span className="pw-muted">{t("caseloadOverview.noSignals")}</span>;
  return (
    <ul className="pw-signal-list">
      {signals.map((s) => (
        <li key={`${s.code}-${s.dueOn}`} className="pw-signal">
          <span className="pw-signal__marker">{t("caseloadOverview.signalMarker")}</span>{" "}
          <TextLink to={signalHref(s, trajectoryId)}>
            {labels.signal(s)}
            <span className="pw-visually-hidden"> ({caseNumber})</span>
          </TextLink>
          <span className="pw-signal__detail">{labels.signalDetail(s)}</span>
        </li>
      ))}
    </ul>
  );
}
