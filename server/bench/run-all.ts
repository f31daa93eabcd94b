import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeSummary, summaryTable } from './summary';
import { BENCHMARKS } from './targets';

/**
 * `pnpm bench`: every benchmark in turn, each in its own process (they start servers and fill
 * databases of their own), then the summary table in docs/benchmarks.md. A benchmark that fails does
 * not stop the others; the run exits non-zero and the table says which results are old.
 */
function main(): void {
  const ranAt = new Date();
  const failed: string[] = [];
  for (const benchmark of BENCHMARKS) {
    const started = Date.now();
    console.log(`\n=== ${benchmark.name} ===`);
    const run = spawnSync(process.execPath, [join(__dirname, `${benchmark.script}.bench.js`)], { stdio: 'inherit' });
    const seconds = Math.round((Date.now() - started) / 1000);
    if (run.status !== 0) failed.push(benchmark.name);
    console.log(`=== ${benchmark.name}: ${run.status === 0 ? 'done' : `failed (exit ${run.status ?? run.signal})`} in ${seconds} s ===`);
  }
  writeSummary(ranAt);
  console.log(`\n${summaryTable(ranAt)}`);
  if (failed.length > 0) {
    console.error(`\nfailed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main();
