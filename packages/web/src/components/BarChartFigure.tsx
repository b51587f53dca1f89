import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "../i18n/format.ts";

/** Colours that keep at least 3:1 contrast against white, in a fixed order per series. */
export const SERIES_COLOURS = ["#1f4e8c", "#cc0000", "#3d6b21", "#6b3fa0", "#a34700", "#00707a", "#4d4d4d", "#8a1f5b"];

export interface ChartSeries {
  key: string;
  name: string;
}

export type ChartRow = { label: string } & Record<string, string | number | null>;

export interface BarChartFigureProps {
  caption: ReactNode;
  rows: ChartRow[];
  series: ChartSeries[];
  yDomain?: [number, number];
  /** Tick values on the y-axis, e.g. the scale values 1..5. */
  yTicks?: number[];
  yLabel?: string;
  xLabel?: string;
  decimals?: number;
  /** Long category names (leefgebieden) are drawn at an angle. */
  angledLabels?: boolean;
  height?: number;
  testId?: string;
  /** The text alternative (a table) shown under the chart. */
  children?: ReactNode;
}

/**
 * A grouped bar chart in a figure. The drawing is hidden from assistive technology; the figure's
 * children (a table with the same numbers) are the accessible version and visible to everyone.
 */
export function BarChartFigure({
  caption, rows, series, yDomain, yTicks, yLabel, xLabel, decimals = 0, angledLabels = false, height = 360, testId, children,
}: BarChartFigureProps) {
  const fmt = useFormat();
  return (
    <figure className="utrecht-figure pw-chart">
      <figcaption className="utrecht-figure__caption pw-chart__caption">{caption}</figcaption>
      <div className="pw-chart__canvas" data-testid={testId} aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: angledLabels ? 8 : 16, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#b3b3b3" />
            <XAxis
              dataKey="label"
              interval={0}
              tick={{ fill: "#1a1a1a", fontSize: 13 }}
              angle={angledLabels ? -30 : 0}
              textAnchor={angledLabels ? "end" : "middle"}
              height={angledLabels ? 110 : 40}
              label={xLabel && !angledLabels ? { value: xLabel, position: "insideBottom", offset: -8, fill: "#1a1a1a" } : undefined}
            />
            <YAxis
              domain={yDomain ?? [0, "auto"]}
              {...(yTicks ? { ticks: yTicks } : {})}
              allowDecimals={decimals > 0}
              tick={{ fill: "#1a1a1a", fontSize: 13 }}
              tickFormatter={(v: number) => fmt.number(v, 0)}
              width={48}
              label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fill: "#1a1a1a", style: { textAnchor: "middle" } } : undefined}
            />
            <Tooltip formatter={(value) => (typeof value === "number" ? fmt.number(value, decimals) : String(value ?? ""))} />
            <Legend verticalAlign="top" wrapperStyle={{ color: "#1a1a1a", paddingBottom: 8 }} itemSorter={null} />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {children}
    </figure>
  );
}
