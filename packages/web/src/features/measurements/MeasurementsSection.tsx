import { DEFAULT_INSTRUMENT_KEY, scaleBounds, type Family, type InstrumentDefinition, type Measurement } from "@ploegwerk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BarChartFigure, type ChartRow } from "../../components/BarChartFigure.tsx";
import { ButtonLink, TextLink } from "../../components/Button.tsx";
import { SelectField } from "../../components/Form.tsx";
import { Heading3, Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useStaff } from "../families/queries.ts";
import { useLevelLabel, useRoundLabel } from "./labels.ts";
import { groupMeasurements, useInstruments, useMeasurements, type MeasurementGroup } from "./queries.ts";

function groupId(g: MeasurementGroup): string {
  return `${g.instrumentKey}|${g.memberId ?? "gezin"}`;
}

/** Groups in a stable order: the default instrument first, family-level before per-member. */
function sortGroups(groups: MeasurementGroup[], defs: readonly InstrumentDefinition[]): MeasurementGroup[] {
  const rank = (key: string) => (key === DEFAULT_INSTRUMENT_KEY ? -1 : defs.findIndex((d) => d.key === key));
  return [...groups].sort((a, b) => rank(a.instrumentKey) - rank(b.instrumentKey) || (a.memberId === null ? -1 : 0) - (b.memberId === null ? -1 : 0));
}

/** The most recent family-level measurement with a weighted SR, preferring the default instrument. */
export function latestSelfReliance(items: readonly Measurement[]): Measurement | null {
  const withSr = items.filter((m) => m.memberId === null && m.selfReliance !== null);
  const preferred = withSr.filter((m) => m.instrument.key === DEFAULT_INSTRUMENT_KEY);
  const pool = preferred.length ? preferred : withSr;
  return pool.reduce<Measurement | null>((best, m) => (!best || m.round > best.round || (m.round === best.round && (m.measuredOn ?? "") > (best.measuredOn ?? "")) ? m : best), null);
}

/** "Zelfredzaamheid 3,4 – Beperkt zelfredzaam" for the family header. */
export function LatestSelfReliance({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const roundLabel = useRoundLabel();
  const levelLabel = useLevelLabel();
  const measurements = useMeasurements(familyId);
  const instruments = useInstruments();
  const latest = latestSelfReliance(measurements.data?.items ?? []);
  if (!latest) return null;
  const def = instruments.data?.items.find((d) => d.key === latest.instrument.key);
  return (
    <div className="pw-sr-card">
      <p className="pw-sr-card__label">
        {t("measurement.selfReliance")} <span className="pw-muted">({roundLabel(latest.round)}, {fmt.date(latest.measuredOn)})</span>
      </p>
      <p className="pw-sr-card__value">
        <span data-testid="self-reliance" className="pw-sr-card__number">{fmt.number(latest.selfReliance, 1)}</span>
        {latest.level !== null ? <span className="pw-sr-card__level">{levelLabel(def, latest.level)}</span> : null}
      </p>
      <p className="pw-sr-card__meta">{t("measurement.problemDomainsCount", { count: latest.problemDomains.length })}</p>
    </div>
  );
}

function GroupTable({ group, def, family, canEdit, staffName }: {
  group: MeasurementGroup;
  def: InstrumentDefinition | undefined;
  family: Family;
  canEdit: boolean;
  staffName: (id: string | null) => string | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const roundLabel = useRoundLabel();
  const levelLabel = useLevelLabel();
  const member = group.memberId ? family.members.find((m) => m.id === group.memberId) : null;
  const name = def ? fmt.text(def.name) : group.instrumentKey;
  const title = member ? t("measurement.groupMember", { instrument: name, member: `${member.givenName} ${member.surname}` }) : name;
  const weighted = def?.weightedSelfReliance ?? group.items.some((m) => m.selfReliance !== null);
  const problems = def ? def.problemThreshold !== null : true;
  return (
    <div className="pw-measurement-group">
      <Heading3>{title}</Heading3>
      <Table caption={t("measurement.tableCaption", { title })} captionHidden>
        <THead>
          <Tr>
            <Th>{t("measurement.round")}</Th>
            <Th>{t("measurement.date")}</Th>
            <Th>{t("measurement.measuredBy")}</Th>
            {weighted ? <Th numeric>{t("measurement.srShort")}</Th> : null}
            {weighted ? <Th>{t("measurement.level")}</Th> : null}
            {problems ? <Th numeric>{t("measurement.problemDomains")}</Th> : null}
            <Th><span className="pw-visually-hidden">{t("common.actions")}</span></Th>
          </Tr>
        </THead>
        <TBody>
          {group.items.map((m) => (
            <Tr key={m.id}>
              <Th scope="row">{roundLabel(m.round)}</Th>
              <Td>{fmt.date(m.measuredOn)}</Td>
              <Td>{m.measuredByName ?? staffName(m.measuredById) ?? "–"}</Td>
              {weighted ? <Td numeric>{fmt.number(m.selfReliance, 1)}</Td> : null}
              {weighted ? <Td>{m.level !== null ? `${m.level} – ${levelLabel(def, m.level)}` : "–"}</Td> : null}
              {problems ? <Td numeric>{m.problemDomains.length}</Td> : null}
              <Td className="pw-actions-cell">
                <TextLink to={`/gezinnen/${family.id}/metingen/${m.id}`}>
                  {canEdit ? t("common.edit") : t("common.view")}
                  <span className="pw-visually-hidden"> {roundLabel(m.round)} {title}</span>
                </TextLink>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}

/** Chart of the scores per leefgebied for each meting of one group, with the same numbers as a table. */
export function MeasurementChart({ group, def, title }: { group: MeasurementGroup; def: InstrumentDefinition; title: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const roundLabel = useRoundLabel();
  const series = group.items.map((m) => ({ key: `r${m.round}`, name: roundLabel(m.round) }));
  const rows: ChartRow[] = def.domains.map((d) => {
    const row: ChartRow = { label: fmt.text(d.label) };
    for (const m of group.items) row[`r${m.round}`] = m.scores[d.key]?.score ?? null;
    return row;
  });
  const { min, max } = scaleBounds(def);
  const scaleLabel = (value: number | undefined) => (value === undefined ? "" : fmt.text(def.scale.values.find((v) => v.value === value)?.label));
  return (
    <BarChartFigure
      caption={t("measurement.chartCaption", { title })}
      rows={rows}
      series={series}
      yDomain={[Math.min(min, 0), max]}
      yTicks={def.scale.values.map((v) => v.value)}
      yLabel={t("measurement.score")}
      angledLabels={def.domains.length > 4}
      testId="measurement-chart"
      height={420}
    >
      <Table caption={t("measurement.chartTableCaption", { title })}>
        <THead>
          <Tr>
            <Th>{t("measurement.domain")}</Th>
            {group.items.map((m) => (
              <Th key={m.id} numeric>{roundLabel(m.round)}</Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {def.domains.map((d) => (
            <Tr key={d.key}>
              <Th scope="row">{fmt.text(d.label)}</Th>
              {group.items.map((m) => {
                const score = m.scores[d.key]?.score;
                return (
                  <Td key={m.id} numeric title={scaleLabel(score)}>
                    {score === undefined ? "–" : fmt.number(score, 0)}
                    {score !== undefined ? <span className="pw-visually-hidden"> ({scaleLabel(score)})</span> : null}
                  </Td>
                );
              })}
            </Tr>
          ))}
        </TBody>
      </Table>
    </BarChartFigure>
  );
}

/** The metingen of a family: a table per instrument (and member), a chart and the "Nieuwe meting" button. */
export function MeasurementsSection({ family, canEdit }: { family: Family; canEdit: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const measurements = useMeasurements(family.id);
  const instruments = useInstruments();
  const staff = useStaff();
  const [chosen, setChosen] = useState<string>("");

  const staffName = (id: string | null) => (id ? staff.data?.items.find((s) => s.id === id)?.name ?? null : null);
  const defs = instruments.data?.items ?? [];
  const groups = sortGroups(groupMeasurements(measurements.data?.items ?? []), defs);
  const chartGroups = groups.filter((g) => defs.some((d) => d.key === g.instrumentKey));
  const chartGroup = chartGroups.find((g) => groupId(g) === chosen) ?? chartGroups[0];
  const chartDef = chartGroup ? defs.find((d) => d.key === chartGroup.instrumentKey) : undefined;
  const groupTitle = (g: MeasurementGroup) => {
    const def = defs.find((d) => d.key === g.instrumentKey);
    const member = g.memberId ? family.members.find((m) => m.id === g.memberId) : null;
    const name = def ? fmt.text(def.name) : g.instrumentKey;
    return member ? t("measurement.groupMember", { instrument: name, member: `${member.givenName} ${member.surname}` }) : name;
  };

  return (
    <Section
      id="measurements"
      title={t("measurement.sectionTitle")}
      actions={canEdit ? <ButtonLink appearance="primary" to={`/gezinnen/${family.id}/metingen/nieuw`}>{t("measurement.new")}</ButtonLink> : null}
    >
      {measurements.isPending || instruments.isPending ? <Loading /> : measurements.isError ? (
        <LoadError error={measurements.error} retry={() => void measurements.refetch()} />
      ) : groups.length === 0 ? (
        <p className="utrecht-paragraph">{t("measurement.none")}</p>
      ) : (
        <>
          {groups.map((g) => (
            <GroupTable key={groupId(g)} group={g} def={defs.find((d) => d.key === g.instrumentKey)} family={family} canEdit={canEdit} staffName={staffName} />
          ))}
          {chartGroup && chartDef ? (
            <div className="pw-chart-block">
              <Heading3>{t("measurement.compareTitle")}</Heading3>
              {chartGroups.length > 1 ? (
                <SelectField
                  id="chart-group"
                  label={t("measurement.chartChoose")}
                  noOptionalMark
                  value={groupId(chartGroup)}
                  onChange={(e) => setChosen(e.target.value)}
                >
                  {chartGroups.map((g) => (
                    <option key={groupId(g)} value={groupId(g)}>{groupTitle(g)}</option>
                  ))}
                </SelectField>
              ) : null}
              <MeasurementChart group={chartGroup} def={chartDef} title={groupTitle(chartGroup)} />
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}
