import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import UCharts from '@qiun/ucharts';
import type { WeekSeries } from '../chart-data';

/** Chart text at the page's smallest size (18 CSS px), so the axis labels stay readable too. */
const FONT_PX = 18;
const CARE_RED = '#b4233c';

/** The canvas's node and laid-out size once Taro has drawn it; null while it is not there yet. */
interface Measured {
  node: { width: number; height: number; getContext: (kind: '2d') => CanvasRenderingContext2D | null } | null;
  width: number;
  height: number;
}

/**
 * The node and its size asked separately: Taro's web build answers a fields({ node }) query with
 * the node alone, whatever else was asked, while both builds answer boundingClientRect.
 */
function measure(id: string): Promise<Measured | null> {
  return new Promise((resolve) => {
    const query = Taro.createSelectorQuery();
    query.select(`#${id}`).fields({ node: true });
    query.select(`#${id}`).boundingClientRect();
    query.exec((found: Array<{ node?: Measured['node']; width?: number; height?: number } | null> | undefined) => {
      const [node, rect] = found ?? [];
      resolve(node?.node ? { node: node.node, width: rect?.width ?? 0, height: rect?.height ?? 0 } : null);
    });
  });
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 1;
  } catch {
    return 1;
  }
}

/**
 * Counts step in whole requests (0, 1, 2 … never 0.80 of one); hours keep one decimal. uCharts
 * splits the axis evenly, so a count axis ends on a multiple of its steps.
 */
function valueAxis(kind: 'column' | 'line', values: ReadonlyArray<number | null>) {
  const base = { min: 0, fontSize: FONT_PX, fontColor: '#1f1f1f' };
  if (kind === 'line') return { splitNumber: 4, data: [{ ...base, tofix: 1 }] };
  const top = Math.max(1, ...values.map((value) => value ?? 0));
  const steps = Math.min(5, top);
  return { splitNumber: steps, data: [{ ...base, max: Math.ceil(top / steps) * steps, tofix: 0 }] };
}

function draw(measured: Measured, kind: 'column' | 'line', series: WeekSeries, name: string): void {
  const ratio = pixelRatio();
  const canvas = measured.node!;
  // Canvas 2d draws in device pixels: sized to the screen's, the chart is sharp on a phone.
  canvas.width = Math.round(measured.width * ratio);
  canvas.height = Math.round(measured.height * ratio);
  const context = canvas.getContext('2d');
  if (!context) return;
  // uCharts takes the screen's ratio and scales its own lengths and fonts by it.
  new UCharts({
    type: kind,
    context,
    canvas2d: true,
    width: canvas.width,
    height: canvas.height,
    pixelRatio: ratio,
    animation: false,
    background: '#ffffff',
    fontSize: FONT_PX,
    fontColor: '#1f1f1f',
    color: [CARE_RED],
    padding: [16, 12, 8, 4],
    dataLabel: false,
    legend: { show: false },
    categories: series.categories,
    series: [{ name, data: series.values }],
    // At 18 px a week's label ("11/30") needs about a fifth of a phone-wide chart: four at most.
    xAxis: { fontSize: FONT_PX, fontColor: '#1f1f1f', disableGrid: true, labelCount: Math.min(4, series.categories.length) },
    yAxis: { gridType: 'dash', ...valueAxis(kind, series.values) },
    extra: {
      column: { width: Math.max(4, Math.min(24, 240 / Math.max(1, series.categories.length))) },
      line: { type: 'straight', width: 3 },
    },
  });
}

/**
 * A week-by-week chart drawn with uCharts on Taro's canvas 2d, which WeChat and the browser both
 * have; the empty weeks are gaps in the picture instead of rows of 暂无. What it shows is also said
 * in words under it: a picture alone is no use to a screen reader or at a glance on an old phone.
 */
export function WeekChart({
  chart,
  federationId,
  kind,
  series,
  name,
}: {
  /** Which chart: its class, for styles and tests. */
  chart: string;
  /**
   * Whose numbers: part of the canvas's id, which must be unique in the document, and the browser
   * keeps the page she came from (a township's, with the same charts) in it.
   */
  federationId: string;
  kind: 'column' | 'line';
  series: WeekSeries;
  /** The series' name, for uCharts' tooltip and legend (both off: the title says it). */
  name: string;
}) {
  const id = `${chart}-${federationId}`;
  const key = `${kind}:${series.categories.join(',')}:${series.values.join(',')}`;
  useEffect(() => {
    let stopped = false;
    let attempts = 0;
    // Taro puts the <canvas> in on a later frame than React's commit (the browser's web component
    // draws it inside its host): ask again until it is there, then draw once.
    const attempt = async () => {
      const measured = await measure(id);
      if (stopped) return;
      if (!measured?.node) {
        attempts += 1;
        if (attempts < 40) setTimeout(() => void attempt(), 50);
        return;
      }
      // Nothing laid out (a hidden page): nothing to draw on.
      if (measured.width > 0 && measured.height > 0) draw(measured, kind, series, name);
    };
    void attempt();
    return () => {
      stopped = true;
    };
    // The key names everything the picture depends on: a new array of the same weeks draws nothing new.
  }, [id, key]);

  return (
    <View className={`week-chart-box ${chart}-box`}>
      <Canvas type="2d" id={id} className={`week-canvas ${chart}`} />
      <Text className={`body-text week-chart-words ${chart}-words`}>{series.words}</Text>
    </View>
  );
}
