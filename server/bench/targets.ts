/**
 * Every benchmark's targets, in one table: the issues set them, the results files carry them, and the
 * summary in docs/benchmarks.md compares each figure with them.
 */
export type Comparison = '<' | '<=' | '>=' | '>' | '=';

export interface Target {
  /** A field of the results file. */
  field: string;
  compare: Comparison;
  /** A number, or the name of another field of the same results (e.g. waitlisted = concurrent − seats). */
  value: number | ((result: Record<string, unknown>) => number);
  unit?: string;
}

export interface Benchmark {
  /** The results file is bench/results/<name>.json and the script dist/bench/<script>.bench.js. */
  name: string;
  script: string;
  /** What `pnpm bench:<command>` runs it. */
  command: string;
  targets: Target[];
}

const field = (name: string) => (result: Record<string, unknown>) => Number(result[name]);

export const BENCHMARKS: Benchmark[] = [
  {
    name: 'import-regions',
    script: 'import-regions',
    command: 'import',
    targets: [{ field: 'seconds', compare: '<', value: 60, unit: 's' }],
  },
  {
    name: 'nearest',
    script: 'nearest',
    command: 'nearest',
    targets: [
      { field: 'build_ms', compare: '<', value: 1000, unit: 'ms' },
      { field: 'inproc_p99_us', compare: '<', value: 100, unit: 'µs' },
      { field: 'rss_mb', compare: '<', value: 300, unit: 'MB' },
      { field: 'ratio', compare: '>=', value: 0.8 },
      { field: 'http_p99_ms', compare: '<', value: 30, unit: 'ms' },
    ],
  },
  {
    name: 'miniapp',
    script: 'miniapp',
    command: 'miniapp',
    targets: [
      { field: 'weapp_main_bytes', compare: '<=', value: 1024 * 1024, unit: 'bytes' },
      { field: 'h5_first_screen_ms', compare: '<', value: 1500, unit: 'ms' },
    ],
  },
  {
    name: 'requests',
    script: 'requests',
    command: 'requests',
    targets: [
      { field: 'rps', compare: '>=', value: 1500, unit: 'req/s' },
      { field: 'p99_ms', compare: '<', value: 150, unit: 'ms' },
      { field: 'sweep_ms', compare: '<', value: 200, unit: 'ms' },
      { field: 'escalation_lag_s', compare: '<', value: 60, unit: 's' },
    ],
  },
  {
    name: 'signup',
    script: 'signup',
    command: 'signup',
    targets: [
      { field: 'confirmed', compare: '=', value: field('seats') },
      { field: 'waitlisted', compare: '=', value: (r) => Number(r.concurrent) - Number(r.seats) },
      { field: 'errors', compare: '=', value: 0 },
      { field: 'drain_ms', compare: '<', value: 2000, unit: 'ms' },
      // The unguarded control must oversell, or the burst did not race at all.
      { field: 'control_confirmed', compare: '>', value: field('seats') },
    ],
  },
  {
    name: 'dashboard',
    script: 'dashboard',
    command: 'dashboard',
    targets: [
      { field: 'p95_ms', compare: '<', value: 100, unit: 'ms' },
      { field: 'county_p95_ms', compare: '<', value: 300, unit: 'ms' },
    ],
  },
  {
    name: 'onboarding',
    script: 'onboarding',
    command: 'onboarding',
    targets: [
      { field: 'seconds', compare: '<', value: 30, unit: 's' },
      { field: 'rerun_changed', compare: '=', value: 0 },
    ],
  },
];

export function targetValue(target: Target, result: Record<string, unknown>): number {
  return typeof target.value === 'number' ? target.value : target.value(result);
}

export function meets(target: Target, result: Record<string, unknown>): boolean {
  const measured = Number(result[target.field]);
  const wanted = targetValue(target, result);
  if (!Number.isFinite(measured)) return false;
  switch (target.compare) {
    case '<':
      return measured < wanted;
    case '<=':
      return measured <= wanted;
    case '>=':
      return measured >= wanted;
    case '>':
      return measured > wanted;
    case '=':
      return measured === wanted;
  }
}

/** The targets as the results file records them, e.g. { p95_ms: "< 100" }. */
export function describeTargets(name: string, result: Record<string, unknown>): Record<string, string> {
  const benchmark = BENCHMARKS.find((b) => b.name === name);
  if (!benchmark) return {};
  return Object.fromEntries(benchmark.targets.map((t) => [t.field, `${t.compare} ${targetValue(t, result)}`]));
}
