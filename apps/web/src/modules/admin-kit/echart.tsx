import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the statistics pages draw (bars, lines, pies), so that the lazily loaded chunk stays
// small. Import this file only from a lazily loaded module: it brings ECharts with it.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;

/** One ECharts instance in a div, resized with its box and disposed with the component. */
export function EChart({
  option,
  label,
  className,
  height,
  testId,
}: {
  option: EChartOption;
  /** What the chart shows, for screen readers (the div is an image). */
  label: string;
  /** Sets the box's size (width and height) unless `height` is given. */
  className: string;
  height?: number;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return (
    <div
      ref={box}
      className={className}
      style={height === undefined ? undefined : { height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
