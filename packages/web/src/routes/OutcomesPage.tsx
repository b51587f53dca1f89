import { DEFAULT_INSTRUMENT_KEY, scaleBounds, type InstrumentDefinition, type OutcomeReport } from "@ploegwerk/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../api/endpoints.ts";
import { keys } from "../api/queryKeys.ts";
import { BarChartFigure, type ChartRow } from "../components/BarChartFigure.tsx";
import { SelectField } from "../components/Form.tsx";
import { Page, Paragraph, Section } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../components/Table.tsx";
import { useSession } from "../features/auth/session.ts";
import { useTeams } from "../features/families/queries.ts";
import { useRoundLabel } from "../features/measurements/labels.ts";
import { useInstruments } from "../features/measurements/queries.ts";
import { useFormat } from "../i18n/format.ts";

function DomainMeans({ report, def }: { report: OutcomeReport; def: InstrumentDefinition }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const roundLabel = useRoundLabel();
  const { min, max } = scaleBounds(def);
  const rows: ChartRow[] = def.domains.map((d) => {
    const row: ChartRow = { label: fmt.text(d.label) };
    for (const m of report.metingen) row[`r${m.meting}`] = m.domainMeans[d.key] ?? null;
    return row;
  });
  const series = report.metingen.map((m) => ({ key: `r${m.meting}`, name: roundLabel(m.meting) }));
  return (
    <Section id="domain-means" title={t("outcomes.meansTitle")}>
      <Paragraph>{t("outcomes.meansIntro", { min, max })}</Paragraph>
      <Table caption={t("outcomes.meansCaption", { instrument: fmt.text(def.name) })}>
        <THead>
          <Tr>
            <Th>{t("measurement.domain")}</Th>
            {report.metingen.map((m) => (
              <Th key={m.meting} numeric>{roundLabel(m.meting)}</Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {def.domains.map((d) => (
            <Tr key={d.key}>
              <Th scope="row">{fmt.text(d.label)}</Th>
              {report.metingen.map((m) => (
                <Td key={m.meting} numeric>{fmt.number(m.domainMeans[d.key], 1)}</Td>
              ))}
            </Tr>
          ))}
          <Tr>
            <Th scope="row" className="pw-row-total">{t("outcomes.families")}</Th>
            {report.metingen.map((m) => (
              <Td key={m.meting} numeric className="pw-row-total">{fmt.number(m.families, 0)}</Td>
            ))}
          </Tr>
          {def.problemThreshold !== null ? (
            <Tr>
              <Th scope="row" className="pw-row-total">{t("outcomes.problemMean")}</Th>
              {report.metingen.map((m) => (
                <Td key={m.meting} numeric className="pw-row-total">{fmt.number(m.problemDomainsMean, 2)}</Td>
              ))}
            </Tr>
          ) : null}
          {def.weightedSelfReliance ? (
            <Tr>
              <Th scope="row" className="pw-row-total">{t("outcomes.srMean")}</Th>
              {report.metingen.map((m) => (
                <Td key={m.meting} numeric className="pw-row-total">{fmt.number(m.selfRelianceMean, 1)}</Td>
              ))}
            </Tr>
          ) : null}
        </TBody>
      </Table>
      <BarChartFigure
        caption={t("outcomes.meansChartCaption")}
        rows={rows}
        series={series}
        yDomain={[Math.min(min, 0), max]}
        yTicks={def.scale.values.map((v) => v.value)}
        yLabel={t("outcomes.meanScore")}
        decimals={1}
        angledLabels={def.domains.length > 4}
        height={420}
        testId="outcomes-chart"
      >
        <p className="utrecht-paragraph utrecht-paragraph--small pw-muted">{t("outcomes.chartSameAsTable")}</p>
      </BarChartFigure>
    </Section>
  );
}

function ProblemDistribution({ report, def }: { report: OutcomeReport; def: InstrumentDefinition }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const roundLabel = useRoundLabel();
  const maxCount = Math.max(0, ...report.metingen.flatMap((m) => Object.keys(m.problemDomainDistribution).map(Number)));
  const counts = Array.from({ length: Math.max(maxCount, 0) + 1 }, (_, i) => i);
  const rows: ChartRow[] = counts.map((c) => {
    const row: ChartRow = { label: String(c) };
    for (const m of report.metingen) row[`r${m.meting}`] = m.problemDomainDistribution[String(c)] ?? 0;
    return row;
  });
  const series = report.metingen.map((m) => ({ key: `r${m.meting}`, name: roundLabel(m.meting) }));
  return (
    <Section id="distribution" title={t("outcomes.distributionTitle")}>
      <Paragraph>{t("outcomes.distributionIntro", { threshold: def.problemThreshold ?? 0 })}</Paragraph>
      <Table caption={t("outcomes.distributionCaption")}>
        <THead>
          <Tr>
            <Th>{t("outcomes.problemDomainsCol")}</Th>
            {report.metingen.map((m) => (
              <Th key={m.meting} numeric>{roundLabel(m.meting)}</Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {counts.map((c) => (
            <Tr key={c}>
              <Th scope="row">{t("outcomes.problemDomainsN", { count: c })}</Th>
              {report.metingen.map((m) => (
                <Td key={m.meting} numeric>{fmt.number(m.problemDomainDistribution[String(c)] ?? 0, 0)}</Td>
              ))}
            </Tr>
          ))}
        </TBody>
      </Table>
      <BarChartFigure
        caption={t("outcomes.distributionChartCaption")}
        rows={rows}
        series={series}
        xLabel={t("outcomes.problemDomainsCol")}
        yLabel={t("outcomes.familiesAxis")}
        height={340}
        testId="distribution-chart"
      >
        <p className="utrecht-paragraph utrecht-paragraph--small pw-muted">{t("outcomes.chartSameAsTable")}</p>
      </BarChartFigure>
    </Section>
  );
}

function Transitions({ report }: { report: OutcomeReport }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const roundLabel = useRoundLabel();
  return (
    <Section id="transitions" title={t("outcomes.transitionsTitle")}>
      <Paragraph>{t("outcomes.transitionsIntro")}</Paragraph>
      {report.transitions.length === 0 ? (
        <Paragraph>{t("outcomes.noTransitions")}</Paragraph>
      ) : (
        <Table caption={t("outcomes.transitionsCaption")}>
          <THead>
            <Tr>
              <Th>{t("outcomes.from")}</Th>
              <Th>{t("outcomes.to")}</Th>
              <Th numeric>{t("outcomes.families")}</Th>
              <Th numeric>{t("outcomes.improved")}</Th>
              <Th numeric>{t("outcomes.same")}</Th>
              <Th numeric>{t("outcomes.declined")}</Th>
            </Tr>
          </THead>
          <TBody>
            {report.transitions.map((tr) => (
              <Tr key={`${tr.from}-${tr.to}`}>
                <Th scope="row">{roundLabel(tr.from)}</Th>
                <Td>{roundLabel(tr.to)}</Td>
                <Td numeric>{fmt.number(tr.families, 0)}</Td>
                <Td numeric>{fmt.number(tr.improved, 0)}</Td>
                <Td numeric>{fmt.number(tr.same, 0)}</Td>
                <Td numeric>{fmt.number(tr.declined, 0)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Section>
  );
}

/** Organisation outcomes per instrument: domain means, problem-domain distribution and level transitions. */
export function OutcomesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession().data;
  const [params, setParams] = useSearchParams();
  const instruments = useInstruments();
  const teams = useTeams();
  const defs = instruments.data?.items ?? [];
  const requested = params.get("instrument");
  const instrumentKey = requested && defs.some((d) => d.key === requested) ? requested : defs.some((d) => d.key === DEFAULT_INSTRUMENT_KEY) ? DEFAULT_INSTRUMENT_KEY : defs[0]?.key ?? DEFAULT_INSTRUMENT_KEY;
  const teamId = params.get("team") ?? "";
  const def = defs.find((d) => d.key === instrumentKey);
  const report = useQuery({
    queryKey: keys.outcomes(instrumentKey, teamId),
    queryFn: () => api.outcomes(instrumentKey, teamId || undefined),
    enabled: Boolean(instruments.data),
    placeholderData: keepPreviousData,
  });
  const showTeamFilter = me ? me.role === "beheerder" || me.role === "teamleider" || me.role === "ondersteuning" : false;

  function update(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const familyCount = report.data?.familyCount ?? 0;
  return (
    <Page title={t("outcomes.title")} documentTitle={t("outcomes.title")}>
      <Paragraph lead>{t("outcomes.intro")}</Paragraph>
      <form className="pw-filters" onSubmit={(e) => e.preventDefault()} aria-label={t("outcomes.filters")}>
        <SelectField id="outcomes-instrument" label={t("measurement.instrument")} noOptionalMark value={instrumentKey}
          onChange={(e) => update("instrument", e.target.value)} disabled={!instruments.data}>
          {defs.map((d) => (
            <option key={d.key} value={d.key}>{fmt.text(d.name)}</option>
          ))}
        </SelectField>
        {showTeamFilter ? (
          <SelectField id="outcomes-team" label={t("family.team")} noOptionalMark value={teamId} onChange={(e) => update("team", e.target.value)}>
            <option value="">{t("outcomes.allTeams")}</option>
            {(teams.data?.items ?? []).map((team) => (
              <option key={team.id} value={team.id}>{team.name}</option>
            ))}
          </SelectField>
        ) : null}
      </form>
      {instruments.isPending || report.isPending ? <Loading /> : instruments.isError || report.isError ? (
        <LoadError error={instruments.error ?? report.error} retry={() => void report.refetch()} />
      ) : !def || !report.data ? null : report.data.metingen.length === 0 ? (
        <Paragraph>{t("outcomes.empty")}</Paragraph>
      ) : (
        <div aria-busy={report.isFetching}>
          <p className="utrecht-paragraph" role="status">
            {t("outcomes.basis", { count: familyCount, instrument: fmt.text(def.name) })}
          </p>
          <DomainMeans report={report.data} def={def} />
          {def.problemThreshold !== null ? <ProblemDistribution report={report.data} def={def} /> : null}
          {def.weightedSelfReliance ? <Transitions report={report.data} /> : null}
        </div>
      )}
    </Page>
  );
}
