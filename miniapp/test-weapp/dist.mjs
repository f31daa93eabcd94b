// Where `taro build --type weapp` writes (config/index.ts: outputRoot dist/${TARO_ENV}).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const distDir = process.env.WEAPP_DIST_DIR
  ? path.resolve(process.env.WEAPP_DIST_DIR)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');

export function readAppJson() {
  const file = path.join(distDir, 'app.json');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: build the mini-program first (pnpm --filter @wfh/miniapp build:weapp)`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function filesUnder(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}
