// WeChat refuses to upload a mini-program whose main package or any subpackage is over 2 MB, or whose
// packages add up to more than 30 MB; its compiler does not check this, so we do.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { distDir, filesUnder, readAppJson } from './dist.mjs';

const MB = 1024 * 1024;
const PACKAGE_LIMIT = 2 * MB;
const TOTAL_LIMIT = 30 * MB;
// Files the developer tools never upload (project settings, licence notes webpack leaves beside code).
const NOT_UPLOADED = [/^project(\.private)?\.config\.json$/, /\.LICENSE\.txt$/, /\.map$/];

test('every package is within WeChat\'s 2 MB and all within 30 MB', () => {
  const app = readAppJson();
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'));
  const sizes = new Map([['(main)', 0], ...roots.map((r) => [r, 0])]);
  for (const file of filesUnder(distDir)) {
    if (NOT_UPLOADED.some((re) => re.test(file))) continue;
    const bytes = fs.statSync(path.join(distDir, file)).size;
    const root = roots.find((r) => file.startsWith(r)) ?? '(main)';
    sizes.set(root, sizes.get(root) + bytes);
  }
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log([...sizes].map(([root, bytes]) => `  ${root.padEnd(24)} ${kb(bytes)}`).join('\n') + `\n  ${'total'.padEnd(24)} ${kb(total)}`);
  for (const [root, bytes] of sizes) {
    assert.ok(bytes <= PACKAGE_LIMIT, `package ${root} is ${kb(bytes)}, over WeChat's 2 MB per package`);
  }
  assert.ok(total <= TOTAL_LIMIT, `all packages add up to ${kb(total)}, over WeChat's 30 MB`);
  assert.ok(sizes.get('(main)') > 0, 'the main package is empty: is dist/weapp a real build?');
});
