import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../test/support/browser';
import { waitFor, writeResult } from './support';

/**
 * `pnpm bench:miniapp`: builds both targets, weighs the weapp main package (everything outside the
 * subpackage roots; WeChat refuses more than 2 MB, our budget is 1 MB), and times the H5 home page's
 * first real content in Chromium against the local embedded server (median of 5 cold loads).
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const MINIAPP = join(ROOT, 'miniapp');
const PORT = 3983;
const LOADS = 5;
/** The first thing a woman can act on: the demo sign-in list, or her village once signed in. */
const FIRST_CONTENT = '.demo-person, .home-body-name';

function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + bytesUnder(join(path, entry)), 0);
}

function weappSizes(): { weapp_main_bytes: number; weapp_total_bytes: number } {
  const dist = join(MINIAPP, 'dist', 'weapp');
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root);
  const total = bytesUnder(dist);
  const inSubpackages = roots.reduce((sum, root) => sum + bytesUnder(join(dist, root)), 0);
  return { weapp_main_bytes: total - inSubpackages, weapp_total_bytes: total };
}

async function firstScreenMs(): Promise<number[]> {
  const server = spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
    env: { ...process.env, PORT: String(PORT), DATA_DIR: mkdtempSync(join(tmpdir(), 'wfh-bench-h5-')), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await launchChromium();
  try {
    await waitFor(`http://127.0.0.1:${PORT}/health/ready`, 120_000);
    const timings: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.locator(FIRST_CONTENT).first().waitFor({ timeout: 30_000 });
      // Milliseconds since this navigation started, as the page's own clock counts them.
      timings.push(Math.round((await page.evaluate('performance.now()')) as number));
      await context.close();
    }
    return timings;
  } finally {
    await browser.close();
    server.kill();
  }
}

async function main(): Promise<void> {
  execSync('pnpm --filter @wfh/miniapp build:weapp && pnpm --filter @wfh/miniapp build:h5', { cwd: ROOT, stdio: 'inherit' });
  const sizes = weappSizes();
  const loads = await firstScreenMs();
  const sorted = [...loads].sort((a, b) => a - b);
  const result = {
    ...sizes,
    h5_first_screen_ms: sorted[Math.floor(sorted.length / 2)],
    h5_loads_ms: loads,
  };
  writeResult('miniapp', result);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
