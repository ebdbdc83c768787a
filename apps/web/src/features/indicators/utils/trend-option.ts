import type { IndicatorValuePoint } from '@trama/contracts';

export interface TrendTexts {
  title: string;
  value: string;
  target: string;
  /** the chart's description for screen readers (the table below it carries the figures) */
  description: string;
  formatPeriod: (period: string) => string;
  formatValue: (value: number | null) => string;
  formatNumber: (value: number) => string;
}

/** Bar colour (viridis' blue) and the target's line (near black): far apart in lightness, and the bars carry a decal too. */
export const TREND_COLORS = { value: '#3b528b', target: '#1b1f24' } as const;

/**
 * The echarts option of the trend against target: one bar per period (missing periods have no bar,
 * never a zero one), the target as a dashed stepped line with diamond marks. `aria` on, with decal
 * patterns, so that colour is never the only cue.
 */
export function trendOption(points: readonly IndicatorValuePoint[], texts: TrendTexts) {
  const hasTarget = points.some((p) => p.target !== null);
  return {
    animation: false,
    aria: { enabled: true, label: { description: texts.description }, decal: { show: true } },
    color: [TREND_COLORS.value, TREND_COLORS.target],
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: hasTarget ? [texts.value, texts.target] : [texts.value] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => texts.formatValue(typeof value === 'number' ? value : null),
    },
    xAxis: { type: 'category', data: points.map((p) => texts.formatPeriod(p.period)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => texts.formatNumber(value) } },
    series: [
      {
        name: texts.value,
        type: 'bar',
        data: points.map((p) => p.value),
        itemStyle: { color: TREND_COLORS.value },
        barMaxWidth: 48,
      },
      ...(hasTarget
        ? [
            {
              name: texts.target,
              type: 'line',
              step: 'middle',
              data: points.map((p) => p.target),
              symbol: 'diamond',
              symbolSize: 10,
              connectNulls: false,
              lineStyle: { type: 'dashed', width: 2, color: TREND_COLORS.target },
              itemStyle: { color: TREND_COLORS.target },
            },
          ]
        : []),
    ],
  };
}
