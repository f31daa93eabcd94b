#!/usr/bin/env node
// Browser tests drive Debian's Chromium (never a browser a tool downloads itself). Installs it, with
// CJK fonts so Chinese text renders in screenshots, when it is missing and we may use apt.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error(`Chromium is not at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium fonts-noto-cjk`);
  process.exit(1);
}
console.error('Installing Debian Chromium and CJK fonts for the browser tests (about a minute)...');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
