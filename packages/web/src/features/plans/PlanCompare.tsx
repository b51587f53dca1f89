import type { PlanVersionSummary } from "@ploegwerk/domain";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button.tsx";
import { SelectField } from "../../components/Form.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useFormat } from "../../i18n/format.ts";
import { changesInWords } from "./diffWords.ts";
import type { PlanLabels } from "./labels.ts";
import type { People } from "./people.ts";
import { usePlanDiff, usePlanVersion } from "./queries.ts";

/** Comparing any two versions: pick them, then read every change in words. */
export function PlanCompare({ trajectoryId, versions, people, labels, from, to, onCompare }: {
  trajectoryId: string;
  versions: readonly PlanVersionSummary[];
  people: People;
  labels: PlanLabels;
  from: number | null;
  to: number | null;
  onCompare: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const numbers = versions.map((v) => v.number).sort((a, b) => a - b);
  const [a, setA] = useState(String(from ?? numbers[numbers.length - 2] ?? ""));
  const [b, setB] = useState(String(to ?? numbers[numbers.length - 1] ?? ""));
  const [error, setError] = useState<string | undefined>();
  const diff = usePlanDiff(trajectoryId, from, to);
  const fromDetail = usePlanVersion(trajectoryId, from);
  const toDetail = usePlanVersion(trajectoryId, to);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (asked > 0 && diff.data) resultRef.current?.focus();
  }, [asked, diff.data]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (a === b) {
      setError(t("plan.compareSame"));
      return;
    }
    setError(undefined);
    setAsked((n) => n + 1);
    onCompare(Number(a), Number(b));
  }

  const label = (n: number) => {
    const v = versions.find((x) => x.number === n);
    return `${t("plan.versionN", { number: n })} (${v?.status === "definitive" ? t("plan.definitive") : t("plan.concept")})`;
  };
  const ready = diff.data && fromDetail.data && toDetail.data;
  const words = ready ? changesInWords(diff.data, { from: fromDetail.data.content, to: toDetail.data.content, people, labels, fmt, t }) : [];

  return (
    <>
      <form className="pw-inline-form" noValidate onSubmit={submit} aria-label={t("plan.compareTitle")}>
        <SelectField id="compare-from" label={t("plan.compareFrom")} required value={a} onChange={(e) => setA(e.target.value)}>
          {numbers.map((n) => <option key={n} value={n}>{label(n)}</option>)}
        </SelectField>
        <SelectField id="compare-to" label={t("plan.compareTo")} required value={b} onChange={(e) => setB(e.target.value)} error={error}>
          {numbers.map((n) => <option key={n} value={n}>{label(n)}</option>)}
        </SelectField>
        <Button type="submit">{t("plan.compare")}</Button>
      </form>
      {from !== null && to !== null && from !== to ? (
        diff.isPending || (diff.data && !ready) ? <Loading /> : diff.isError ? (
          <LoadError error={diff.error} retry={() => void diff.refetch()} />
        ) : (
          <div className="pw-plan-diff">
            <h3 className="utrecht-heading-3" tabIndex={-1} ref={resultRef}>
              {t("plan.compareResult", { from, to, count: words.length })}
            </h3>
            {words.length === 0 ? <p className="utrecht-paragraph">{t("plan.compareNone")}</p> : (
              <ul className="utrecht-unordered-list pw-plan-diff__list">
                {words.map((w) => (
                  <li key={w.key} className="utrecht-unordered-list__item">
                    <strong>{w.title}</strong>
                    {w.lines.length > 0 ? (
                      <ul className="pw-plan-diff__lines">
                        {w.lines.map((l) => <li key={l}>{l}</li>)}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )
      ) : null}
    </>
  );
}
