/**
 * @qiun/ucharts ships no types. Declared here are only the options the dashboard's charts pass
 * (packages/dashboard/components/WeekChart.tsx), so a misspelt one fails the typecheck.
 */
declare module '@qiun/ucharts' {
  interface UChartsAxis {
    fontSize?: number;
    fontColor?: string;
    disableGrid?: boolean;
    gridType?: 'solid' | 'dash';
    labelCount?: number;
    splitNumber?: number;
    data?: Array<{ min?: number; max?: number; tofix?: number; fontSize?: number; fontColor?: string; unit?: string }>;
  }

  interface UChartsOptions {
    type: 'column' | 'line';
    context: CanvasRenderingContext2D;
    canvas2d?: boolean;
    width: number;
    height: number;
    pixelRatio?: number;
    animation?: boolean;
    background?: string;
    fontSize?: number;
    fontColor?: string;
    color?: string[];
    padding?: [number, number, number, number];
    dataLabel?: boolean;
    legend?: { show?: boolean };
    categories: string[];
    series: Array<{ name: string; data: Array<number | null> }>;
    xAxis?: UChartsAxis;
    yAxis?: UChartsAxis;
    extra?: {
      column?: { width?: number };
      line?: { type?: 'straight' | 'curve' | 'step'; width?: number };
    };
  }

  export default class UCharts {
    constructor(options: UChartsOptions);
  }
}
