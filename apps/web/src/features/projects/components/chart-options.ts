import type { EChartsCoreOption } from 'echarts/core';
import type { ProjectProgress } from '../api/types';

/** Colour-blind-safe series colours (Okabe–Ito), in the order programmed, admitted, committed, paid. */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;
export const AMOUNT_KEYS = ['programmed', 'admitted', 'committed', 'paid'] as const;
export type AmountKey = (typeof AMOUNT_KEYS)[number];

/** The progress over time: one line per amount, a point per snapshot (step lines: figures hold until the next snapshot). */
export function progressOverTime(
  progress: readonly ProjectProgress[],
  labels: Record<AmountKey, string>,
  format: { date: (d: string) => string; money: (n: number) => string },
): EChartsCoreOption {
  return {
    animation: false,
    color: [...SERIES_COLOURS],
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? format.money(v) : String(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    // every snapshot's date is drawn (slanted when many), so the axis names every row of the table
    xAxis: {
      type: 'category',
      data: progress.map((p) => format.date(p.date)),
      axisLabel: { interval: 0, rotate: progress.length > 3 ? 40 : 0, hideOverlap: false },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format.money(v) } },
    series: AMOUNT_KEYS.map((key, i) => ({
      name: labels[key],
      type: 'line',
      step: 'end',
      symbol: ['circle', 'rect', 'triangle', 'diamond'][i],
      symbolSize: 8,
      lineStyle: { type: ['solid', 'dashed', 'solid', 'dotted'][i], width: 2 },
      data: progress.map((p) => p[key]),
    })),
  };
}

/** One group of bars per project (admitted, committed, paid of its latest snapshot). */
export function progressByProject(
  rows: readonly { code: string; progress: ProjectProgress }[],
  labels: Record<'admitted' | 'committed' | 'paid', string>,
  format: { money: (n: number) => string },
): EChartsCoreOption {
  const keys = ['admitted', 'committed', 'paid'] as const;
  return {
    animation: false,
    color: SERIES_COLOURS.slice(1),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? format.money(v) : String(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => format.money(v) } },
    yAxis: { type: 'category', data: rows.map((r) => r.code), inverse: true },
    series: keys.map((key) => ({ name: labels[key], type: 'bar', data: rows.map((r) => r.progress[key]) })),
  };
}
