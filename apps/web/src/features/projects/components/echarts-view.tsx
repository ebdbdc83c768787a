import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// only what the projects' charts draw: lines and bars, axes, legend, tooltip, SVG output (no canvas: jsdom and print friendly)
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * An echarts chart in a box of `height` px. The chart is decorative for assistive technologies
 * (`aria-hidden`): every chart of Trama has a table with the same figures next to it, and the
 * surrounding figure names it. Loaded lazily (React.lazy) so echarts is never in the first bundle.
 */
export default function EChartsView({ option, height = 320 }: { option: EChartsCoreOption; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className="project-chart" style={{ height }} aria-hidden="true" data-testid="echarts" />;
}
