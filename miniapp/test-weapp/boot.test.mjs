// Every page of the built weapp bundle, booted the way WeChat boots it, in a realm with WeChat's
// globals and no browser ones (realm.mjs), with no network: each must come up, render through
// setData within WeChat's 1 MB, throw nothing, and show her what it shows without a signal: its own
// content or a plain "网络不太好" with a button to try again.
import test from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir, readAppJson } from './dist.mjs';
import { MiniProgram, SET_DATA_LIMIT_BYTES, textsOf } from './realm.mjs';

const NO_SIGNAL = '网络不太好，请稍后再试';
const RETRY = '重新加载';

/**
 * What each page shows first when the phone has no signal and the page was opened without its
 * query (a shared link that lost it). Every page in app.json needs a row: a new page fails here
 * until its offline first screen is written down.
 */
const OFFLINE_FIRST_SCREEN = {
  'pages/index/index': [NO_SIGNAL, RETRY],
  'pages/activities/index': ['我的报名', '两癌筛查', NO_SIGNAL, RETRY],
  'pages/me/index': [NO_SIGNAL, RETRY],
  'pages/neutral/index': ['生活小常识', '早晚添衣'],
  'packages/places/choose-village': ['输入名字查找', '没能取到地区，请检查网络', RETRY],
  'packages/places/site': ['没有找到这个地方。'],
  'packages/places/body': ['没有找到这个妇联。'],
  'packages/requests/index': ['快速离开', NO_SIGNAL, RETRY],
  'packages/requests/mine': [NO_SIGNAL, RETRY],
  'packages/requests/detail': ['没有找到这条求助。'],
  'packages/activities/detail': ['没有找到这个活动。'],
  'packages/activities/mine': [NO_SIGNAL, RETRY],
  'packages/workbench/index': [NO_SIGNAL, RETRY],
  'packages/workbench/request': ['没有找到这条求助。'],
  'packages/workbench/on-behalf': ['没有找到要登记到哪个妇联。'],
  'packages/workbench/cover': ['没有找到是哪个妇联。'],
  'packages/workbench/activities': [NO_SIGNAL, RETRY],
  'packages/workbench/activity-edit': [NO_SIGNAL, RETRY],
  'packages/workbench/attendees': [NO_SIGNAL, RETRY],
  'packages/workbench/check-in': [NO_SIGNAL, RETRY],
  'packages/workbench/concerns': [NO_SIGNAL, RETRY],
  'packages/workbench/roster': [NO_SIGNAL, RETRY],
  'packages/workbench/roster-entry': ['没有找到这位联系人。'],
  'packages/workbench/referred-out': [NO_SIGNAL, RETRY],
  'packages/workbench/places': [NO_SIGNAL, RETRY],
  'packages/workbench/site-edit': [NO_SIGNAL, RETRY],
  'packages/voices/index': [NO_SIGNAL, RETRY],
  'packages/voices/raise': [NO_SIGNAL, RETRY],
  'packages/voices/concern': ['没有找到这件事。'],
  'packages/voices/join': [NO_SIGNAL, RETRY],
  'packages/dashboard/index': [NO_SIGNAL, RETRY],
  'packages/dashboard/inbox': [NO_SIGNAL, RETRY],
  'packages/dashboard/village': [NO_SIGNAL, RETRY],
  'packages/admin/index': [NO_SIGNAL, RETRY],
  'packages/admin/imports': [NO_SIGNAL, RETRY],
  'packages/public/body': ['没有找到这个妇联。'],
  'packages/public/feedback': [NO_SIGNAL, RETRY],
  'packages/public/join': [NO_SIGNAL, RETRY],
  'packages/public/rate': ['请输入妇联告诉您的评价码', '下一步'],
  'packages/me-data/export': [NO_SIGNAL, RETRY],
  'packages/me-data/delete': [NO_SIGNAL, RETRY],
  'packages/notices/detail': ['没有找到这条通知。'],
  'packages/notices/manage': [NO_SIGNAL, RETRY],
  'packages/notices/edit': [NO_SIGNAL, RETRY],
  'packages/console/sign-in': ['扫码登录电脑'],
  'packages/console/confirm': ['这不是电脑登录的二维码。', '返回'],
};

const offline = async () => {
  throw new Error('-101:net::ERR_INTERNET_DISCONNECTED');
};

// Rejections nobody handles inside the realm reach this process: charge them to the page booting.
let current = null;
process.on('unhandledRejection', (error) => {
  if (current) current.errors.push({ where: 'unhandled promise rejection', error });
  else throw error;
});

function describeErrors(mp) {
  return [
    ...mp.errors.map(({ where, error }) => `${where}: ${error?.stack ?? error}`),
    ...mp.consoleErrors.map((line) => `console.error: ${line}`),
  ].join('\n');
}

const app = readAppJson();
const routes = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];

test('every page in app.json has its offline first screen written down', () => {
  assert.deepEqual(routes.filter((r) => !OFFLINE_FIRST_SCREEN[r]), [], 'add these pages to OFFLINE_FIRST_SCREEN');
  assert.deepEqual(Object.keys(OFFLINE_FIRST_SCREEN).filter((r) => !routes.includes(r)), [], 'these rows name pages app.json no longer has');
});

test('the realm has WeChat\'s globals and no browser ones', () => {
  const mp = new MiniProgram({ distDir, transport: offline });
  try {
    mp.launch();
    const probe = (name) => vm.runInContext(`typeof ${name}`, mp.context);
    for (const name of ['window', 'document', 'navigator', 'localStorage', 'XMLHttpRequest', 'fetch', 'process', 'Buffer']) {
      assert.equal(probe(name), 'undefined', `${name} must not exist in the mini-program's realm`);
    }
    for (const name of ['wx', 'App', 'Page', 'Component', 'getApp', 'getCurrentPages', 'require', 'define', 'setTimeout']) {
      assert.notEqual(probe(name), 'undefined', `${name} is one of WeChat's globals`);
    }
    assert.deepEqual(mp.errors, [], describeErrors(mp));
  } finally {
    mp.close();
  }
});

// The boot checks are only worth something if the realm does refuse what a phone refuses.
test('a page that reaches for a browser global or an API WeChat lacks fails here', async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'wfh-weapp-'));
  try {
    fs.cpSync(distDir, copy, { recursive: true });
    const file = path.join(copy, 'pages', 'neutral', 'index.js');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `window.localStorage.getItem("x");\n${original}`);
    const browserish = new MiniProgram({ distDir: copy, transport: offline }).launch();
    assert.throws(() => browserish.openPage('pages/neutral/index'), /window is not defined/);
    browserish.close();
    fs.writeFileSync(file, `wx.getBatteryInfoSync(); wx.notAnApi();\n${original}`);
    const unknownApi = new MiniProgram({ distDir: copy, transport: offline }).launch();
    assert.throws(() => unknownApi.openPage('pages/neutral/index'), /wx\.getBatteryInfoSync has no stand-in/);
    unknownApi.close();
    fs.writeFileSync(file, `wx.notAnApi();\n${original}`);
    const madeUp = new MiniProgram({ distDir: copy, transport: offline }).launch();
    assert.throws(() => madeUp.openPage('pages/neutral/index'), /wx\.notAnApi is not a function/);
    madeUp.close();
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

for (const route of routes) {
  test(`${route} boots offline and shows its first screen`, async () => {
    const mp = (current = new MiniProgram({ distDir, transport: offline }));
    try {
      mp.launch();
      const page = mp.openPage(route, {});
      await mp.settle();
      assert.equal(describeErrors(mp), '', `${route} failed while booting`);
      assert.deepEqual(mp.unimplemented, []);
      assert.ok(page.setDataCalls.length >= 1, `${route} never called setData: nothing would be drawn`);
      for (const call of page.setDataCalls) assert.ok(call.bytes <= SET_DATA_LIMIT_BYTES, `${route} sent ${call.bytes} bytes in one setData`);
      const shown = textsOf(page.data).join('\n');
      for (const text of OFFLINE_FIRST_SCREEN[route] ?? []) {
        assert.ok(shown.includes(text), `${route} should show "${text}"; it shows:\n${shown}`);
      }
      assert.equal(mp.currentPage(), page, `${route} left for ${mp.currentPage()?.route} on its own`);
    } finally {
      mp.close();
      current = null;
    }
  });
}
