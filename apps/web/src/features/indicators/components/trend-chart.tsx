import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { IndicatorValuePoint } from '@trama/contracts';
import { trendOption, type TrendTexts } from '../utils/trend-option';

// Only what the trend draws: bars, a line, their axes, legend, tooltip and the aria/decal support, in SVG.
registerParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/**
 * The trend of one territory against its target, drawn by echarts (loaded with this chunk only: the
 * page imports it lazily). The table under it is its accessible twin.
 */
export function TrendChart({ points, texts }: { points: readonly IndicatorValuePoint[]; texts: TrendTexts }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(trendOption(points, texts), { notMerge: true });
  }, [points, texts]);

  return <div ref={ref} className="trend-chart" />;
}
