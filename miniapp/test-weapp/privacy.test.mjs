// WeChat's privacy check (app.json __usePrivacyCheck__): the first getLocation waits while WeChat asks
// the app, through onNeedPrivacyAuthorization, to show its own consent dialog; only a tap on that
// dialog's agreePrivacyAuthorization button lets the call go on. Booted offline in the weapp realm.
import test from 'node:test';
import assert from 'node:assert/strict';
import { distDir } from './dist.mjs';
import { MiniProgram, textsOf } from './realm.mjs';

const DIALOG_TITLE = '用位置之前，先请您同意';

let current = null;
process.on('unhandledRejection', (error) => {
  if (current) current.errors.push({ where: 'unhandled promise rejection', error });
  else throw error;
});

/** The activities tab of someone who once allowed her location: it locates her on opening. */
async function openActivitiesWithLocationAllowed() {
  const requests = [];
  const mp = (current = new MiniProgram({
    distDir,
    storage: { 'wfh.locationChoice': 'allowed' },
    transport: async (request) => {
      requests.push(request);
      throw new Error('-101:net::ERR_INTERNET_DISCONNECTED');
    },
  }));
  mp.launch();
  const page = mp.openPage('pages/activities/index', {});
  await mp.settle();
  return { mp, page, requests };
}

const locatedRequests = (requests) => requests.filter((r) => /[?&]latitude=/.test(r.url));

test('getLocation waits for her 同意 in the app\'s own dialog, then finds activities near her', async () => {
  const { mp, page, requests } = await openActivitiesWithLocationAllowed();
  try {
    assert.ok(textsOf(page.data).includes(DIALOG_TITLE), 'the consent dialog should be on screen');
    assert.deepEqual(locatedRequests(requests), [], 'no place was asked for before she agreed');
    const agree = mp.findElement((node) => String(node.cl ?? '').split(' ').includes('privacy-agree'));
    assert.ok(agree, 'the dialog has its 同意 button');
    mp.dispatch(agree, 'agreeprivacyauthorization');
    await mp.settle();
    assert.equal(mp.privacyAgreed, true);
    assert.ok(!textsOf(page.data).includes(DIALOG_TITLE), 'the dialog closes once she agrees');
    assert.ok(textsOf(page.data).includes('离您最近的活动'));
    assert.equal(locatedRequests(requests).length, 1, 'activities near her were asked for');
    assert.deepEqual(mp.errors, []);
    assert.deepEqual(mp.consoleErrors, []);
  } finally {
    mp.close();
    current = null;
  }
});

test('不同意 closes the dialog and her location is never read', async () => {
  const { mp, page, requests } = await openActivitiesWithLocationAllowed();
  try {
    mp.tap('不同意');
    await mp.settle();
    assert.equal(mp.privacyAgreed, false);
    assert.ok(!textsOf(page.data).includes(DIALOG_TITLE), 'the dialog closes');
    assert.deepEqual(locatedRequests(requests), [], 'nothing was asked for with her position');
    assert.ok(!textsOf(page.data).includes('离您最近的活动'));
    assert.deepEqual(mp.errors, []);
    assert.deepEqual(mp.consoleErrors, []);
  } finally {
    mp.close();
    current = null;
  }
});
