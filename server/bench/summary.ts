import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './support';
import { BENCHMARKS, meets, targetValue, type Target } from './targets';

const DOC = join(__dirname, '..', '..', '..', 'docs', 'benchmarks.md');
const START = '<!-- bench-summary:start -->';
const END = '<!-- bench-summary:end -->';

type Result = Record<string, unknown> & { machine?: string; measured_at?: string };

function readResult(name: string): Result | null {
  const file = join(RESULTS_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Result) : null;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toFixed(2)));
}

function row(name: string, target: Target, result: Result | null): string {
  const wanted = result ? `${target.compare} ${formatNumber(targetValue(target, result))}` : target.compare;
  const unit = target.unit ? ` ${target.unit}` : '';
  if (!result || result[target.field] === undefined) return `| ${name} | \`${target.field}\` | ${wanted}${unit} | not measured | — |`;
  const measured = Number(result[target.field]);
  return `| ${name} | \`${target.field}\` | ${wanted}${unit} | ${formatNumber(measured)}${unit} | ${meets(target, result) ? 'met' : '**missed**'} |`;
}

/**
 * The table of every figure against its target, from the results files as they are now; `ranAt` marks
 * results older than this run (a benchmark that failed keeps its previous file).
 */
export function summaryTable(ranAt: Date | null): string {
  const lines = ['| benchmark | figure | target | measured | |', '|---|---|---|---|---|'];
  const notes: string[] = [];
  for (const benchmark of BENCHMARKS) {
    const result = readResult(benchmark.name);
    for (const target of benchmark.targets) lines.push(row(benchmark.name, target, result));
    if (!result) notes.push(`- ${benchmark.name}: no results file yet (\`pnpm bench:${benchmark.command}\`).`);
    else {
      const at = result.measured_at ? new Date(result.measured_at) : null;
      const stale = ranAt && at && at < ranAt ? ' (from an earlier run: this run did not finish it)' : '';
      notes.push(`- ${benchmark.name}: ${result.measured_at ?? 'date not recorded'} on ${result.machine ?? 'machine not recorded'}${stale}`);
    }
  }
  return [...lines, '', 'Measured:', ...notes].join('\n');
}

/** Replaces the summary between the markers in docs/benchmarks.md (adds them after the title if missing). */
export function writeSummary(ranAt: Date | null): void {
  const doc = readFileSync(DOC, 'utf8');
  const block = `${START}\n${summaryTable(ranAt)}\n${END}`;
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  let next: string;
  if (start >= 0 && end > start) next = doc.slice(0, start) + block + doc.slice(end + END.length);
  else {
    const firstBreak = doc.indexOf('\n## ');
    next = `${doc.slice(0, firstBreak)}\n## Summary of the last run\n\n${block}\n${doc.slice(firstBreak)}`;
  }
  writeFileSync(DOC, next);
}

if (require.main === module) {
  writeSummary(null);
  console.log(summaryTable(null));
}
