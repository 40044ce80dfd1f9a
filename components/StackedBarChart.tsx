import { useEffect, useRef } from 'react';
import { BarChart, type BarChartOptions } from 'chartist';

/** The colour of a series: the history's three, and the footprint's four (components/page.css). */
export type SeriesKind = 'held' | 'scheduled' | 'sent' | 'late' | 'moved' | 'kept' | 'urgent';

export interface ChartSeries {
  kind: SeriesKind;
  name: string;
  values: number[];
}

interface Props {
  labels: string[];
  series: ChartSeries[];
  /** The chart's accessible name: a one-line summary of what it shows (the numbers are also in text or a table). */
  summary: string;
  height: number;
  /** Bar width in px (the SVG stroke). */
  barWidth?: number;
  /** Side by side instead of stacked, for series that overlap (a send may be both late and urgent). */
  grouped?: boolean;
}

/**
 * Stacked bars drawn by Chartist (SVG, so it stays sharp at 200 % zoom and takes our light/dark CSS).
 * The chart is one image to assistive technology; the numbers it shows are always given as text too.
 */
export function StackedBarChart({ labels, series, summary, height, barWidth = 12, grouped = false }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<BarChart | null>(null);
  const data = JSON.stringify({ labels, series });

  useEffect(() => {
    const parsed = JSON.parse(data) as { labels: string[]; series: ChartSeries[] };
    const chartData = {
      labels: parsed.labels,
      series: parsed.series.map((s) => ({ name: s.name, className: `ct-series-${s.kind}`, data: s.values })),
    };
    const heights = parsed.labels.map((_, i) => parsed.series.map((s) => s.values[i] ?? 0));
    const max = Math.max(1, ...heights.map((h) => (grouped ? Math.max(0, ...h) : h.reduce((sum, v) => sum + v, 0))));
    const options: BarChartOptions = {
      stackBars: !grouped,
      seriesBarDistance: barWidth + 1,
      height: `${height}px`,
      high: max,
      low: 0,
      chartPadding: { top: 8, right: 4, bottom: 0, left: 0 },
      axisX: { showGrid: false, offset: 20 },
      axisY: { onlyInteger: true, offset: 28, scaleMinSpace: 16 },
    };
    if (!box.current) return;
    if (chart.current) chart.current.update(chartData, options);
    else chart.current = new BarChart(box.current, chartData, options);
  }, [data, height, grouped, barWidth]);

  useEffect(
    () => () => {
      chart.current?.detach();
      chart.current = null;
    },
    [],
  );

  return (
    <div className="chart">
      <div ref={box} className="ct-box" role="img" aria-label={summary} style={{ ['--bar-width' as string]: `${barWidth}px`, minHeight: height }} />
      <ul className="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.kind}>
            <span className={`swatch swatch-${s.kind}`} /> {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
