// WeChat's own template and style compilers (wcc for WXML and WXS, wcsc for WXSS, shipped for Linux
// in miniprogram-compiler) over every file of the build: what the phone would refuse to render.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { distDir, filesUnder, readAppJson } from './dist.mjs';

const require = createRequire(import.meta.url);
const wcc = require('miniprogram-compiler/src/wcc');
const { spawnSync } = require('node:child_process');
const maxBuffer = 64 * 1024 * 1024;

function compileTemplates(root) {
  const files = filesUnder(root);
  const wxml = files.filter((f) => f.endsWith('.wxml')).map((f) => f.slice(0, -'.wxml'.length));
  const wxs = files.filter((f) => f.endsWith('.wxs'));
  return { wxml, wxs, output: wcc(root, wxml, wxs, { maxBuffer }) };
}

// The package's own wcsc wrapper counts only files with a .json beside them as page styles, so
// wcsc would treat the rest as mere imports and skip them; every file is named a page style here.
function compileStyles(root) {
  const wxss = filesUnder(root).filter((f) => f.endsWith('.wxss'));
  const binary = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux', 'wcsc');
  fs.chmodSync(binary, 0o755);
  const run = spawnSync(binary, ['-db', '-pc', String(wxss.length), ...wxss], { cwd: root, maxBuffer });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`wcsc refused the style sheets: ${run.stderr.toString()}`);
  return { wxss, output: run.stdout.toString() };
}

test('wcc compiles every WXML and WXS file, and every page has its template', () => {
  const app = readAppJson();
  const { wxml, wxs, output } = compileTemplates(distDir);
  assert.ok(wxs.length > 0 && wxml.length > 0);
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  for (const page of pages) {
    assert.ok(wxml.includes(page), `${page} has no .wxml`);
    assert.ok(output.includes(`${page}.wxml`), `wcc left ${page}.wxml out of its output`);
  }
});

test('wcsc compiles every WXSS file', () => {
  const { wxss, output } = compileStyles(distDir);
  assert.ok(wxss.length > 0);
  for (const file of wxss) assert.ok(output.includes(`path:\\x22${file}`) || output.includes(`path:\\x22./${file}`), `wcsc left ${file} out`);
});

// The checks above are only worth something if the compilers do refuse bad files.
test('the compilers refuse a broken template and a broken style sheet', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'wfh-weapp-'));
  try {
    fs.cpSync(distDir, copy, { recursive: true });
    const page = path.join(copy, 'pages', 'neutral', 'index.wxml');
    fs.appendFileSync(page, '\n<view wx:if="{{a +}}">{{b</view>\n');
    assert.throws(() => compileTemplates(copy), /wxml/i);
    fs.appendFileSync(path.join(copy, 'app.wxss'), '\n.broken { color: red;\n');
    assert.throws(() => compileStyles(copy), /wcsc refused/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
