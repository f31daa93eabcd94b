import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ApiPaths,
  ErrorCode,
  pathOf,
  ratingCodeFrom,
  Rating,
  RequestState,
  type InboxCounts,
  type RatingCodeView,
  type ReferredOutSummary,
} from '@wfh/shared';
import HomePage from '../src/pages/index/index';
import MePage from '../src/pages/me/index';
import RateWithCodePage from '../src/packages/public/rate';
import WorkbenchPage from '../src/packages/workbench/index';
import ReferredOutPage from '../src/packages/workbench/referred-out';
import { startSession } from '../src/api/session';
import { texts, typeInto } from './support/dom';
import { FakeApi, fail, ok } from './support/fake-api';
import { meAsChair, meWithHome, tokensFor, villager } from './support/fixtures';
import { summary } from './support/requests';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const VILLAGE = '211221100201';
const TOWNSHIP = '211221100';
const CODE = ratingCodeFrom('381620457730119');
const codePath = (code: string) => pathOf(ApiPaths.rateByCode, { code });

const counts = (village: Partial<InboxCounts['bodies'][number]>): InboxCounts => {
  const bodies = [
    { federationId: VILLAGE, federationName: '懿路村妇联', open: 3, waiting: 2, overdue: 1, ...village },
    { federationId: TOWNSHIP, federationName: '新台子镇妇联', open: 0, waiting: 0, overdue: 0 },
  ];
  return { bodies, waiting: bodies.reduce((n, b) => n + b.waiting, 0), overdue: bodies.reduce((n, b) => n + b.overdue, 0) };
};

const sentAway = (fields: Partial<ReferredOutSummary> & Pick<ReferredOutSummary, 'id'>): ReferredOutSummary => ({
  ...summary({ federationId: TOWNSHIP, federationName: '新台子镇妇联', requester: '王秀英', ...fields }),
  referredAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(),
});

beforeEach(() => {
  taroStorage.clear();
  setRouterParams({});
});

describe('her inbox, one tap from home', () => {
  it('首页 tells a chair what waits and what is overdue, and opens her workbench', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meAsChair)).on('GET', ApiPaths.myInboxCounts, ok(counts({})));
    startSession(tokensFor(meAsChair.user));
    render(<HomePage />);

    await waitFor(() => expect(texts('.inbox-counts')).toEqual(['2件新求助等您受理，1件已超时']));
    fireEvent.click(document.querySelector('.inbox-shortcut .open-workbench')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/index' });
  });

  it('我的 says so too when nothing waits; a woman without a role sees no workbench and no counts are asked for', async () => {
    const fake = new FakeApi().on('GET', ApiPaths.me, ok(meAsChair)).on('GET', ApiPaths.myInboxCounts, ok(counts({ open: 0, waiting: 0, overdue: 0 })));
    startSession(tokensFor(meAsChair.user));
    const { unmount } = render(<MePage />);
    await waitFor(() => expect(texts('.inbox-counts')).toEqual(['现在没有等您受理的求助']));
    unmount();

    fake.on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager));
    render(<MePage />);
    await screen.findByText('您目前没有担任妇联职务');
    expect(document.querySelectorAll('.inbox-shortcut')).toHaveLength(0);
    expect(fake.callsTo('GET', ApiPaths.myInboxCounts)).toHaveLength(1);
  });

  it('我的 leads anyone to the page where she rates with a code', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager));
    render(<MePage />);
    fireEvent.click(await screen.findByText('输入评价码'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/public/rate' });
  });
});

describe('the workbench: the inbox first, then what she referred away, then the tools', () => {
  it('puts the requests above the tools and offers 「我转出的」 with how many are still being handled', async () => {
    new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', pathOf(ApiPaths.inbox, { id: VILLAGE }), ok([summary({ id: 'r1', requester: '王秀英' })]))
      .on('GET', pathOf(ApiPaths.inbox, { id: TOWNSHIP }), ok([]))
      .on('GET', pathOf(ApiPaths.referredOut, { id: VILLAGE }), ok([sentAway({ id: 's1' }), sentAway({ id: 's2', state: RequestState.Closed })]))
      .on('GET', pathOf(ApiPaths.referredOut, { id: TOWNSHIP }), ok([]));
    startSession(tokensFor(meAsChair.user));
    render(<WorkbenchPage />);

    const village = await waitFor(() => {
      const card = document.querySelector(`.inbox[data-federation="${VILLAGE}"]`)!;
      expect(card.querySelector('.open-referred-out')).not.toBeNull();
      return card;
    });
    const order = Array.from(village.querySelectorAll('.inbox-item, .open-referred-out, .record-on-behalf')).map((el) => el.className.split(' ').find((c) => ['inbox-item', 'open-referred-out', 'record-on-behalf'].includes(c)));
    expect(order).toEqual(['inbox-item', 'open-referred-out', 'record-on-behalf']);
    expect(village.querySelector('.open-referred-out')!.textContent).toBe('我转出的（1件还在办）');
    // Nothing sent away from the township: no button there.
    expect(document.querySelector(`.inbox[data-federation="${TOWNSHIP}"] .open-referred-out`)).toBeNull();
    // Her roles and the overviews come after her inboxes.
    const cards = Array.from(document.querySelectorAll('.card-title')).map((el) => el.textContent);
    expect(cards.at(-1)).toBe('我的职务');

    fireEvent.click(village.querySelector('.open-referred-out')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/referred-out?federationId=${VILLAGE}` });
  });

  it('「我转出的」 shows where each went and how it stands, still open first', async () => {
    new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', pathOf(ApiPaths.referredOut, { id: VILLAGE }), ok([sentAway({ id: 's1', state: RequestState.Resolved }), sentAway({ id: 's2', state: RequestState.Accepted })]));
    startSession(tokensFor(meAsChair.user));
    setRouterParams({ federationId: VILLAGE });
    render(<ReferredOutPage />);

    await waitFor(() => expect(texts('.referred-out-open .inbox-state')).toEqual(['已受理']));
    expect(texts('.referred-out-open .inbox-extra')).toEqual(['3天前转给新台子镇妇联']);
    expect(texts('.referred-out-open .inbox-asked')[0]).toMatch(/^王秀英 · /);
    expect(texts('.referred-out-done .inbox-state')).toEqual(['已办结，等她评价']);
    fireEvent.click(document.querySelector('.referred-out-open .inbox-item')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/request?id=s2' });
  });
});

describe('用评价码评价', () => {
  const ready: RatingCodeView = { federationName: '懿路村妇联', stage: 'ready', rating: null, unsatisfiedReopens: true };

  it('catches a wrong digit before asking the server, then asks her to rate and thanks her', async () => {
    const fake = new FakeApi().on('GET', codePath(CODE), ok(ready)).on('POST', codePath(CODE), { statusCode: 204, data: '' });
    render(<RateWithCodePage />);

    const wrong = CODE.slice(0, 15) + String((Number(CODE[15]) + 1) % 10);
    await typeInto('.rating-code-input', wrong);
    expect(texts('.rating-code-echo')).toEqual([`${wrong.slice(0, 4)} ${wrong.slice(4, 8)} ${wrong.slice(8, 12)} ${wrong.slice(12)}`]);
    fireEvent.click(screen.getByText('下一步'));
    expect(texts('.field-error')).toEqual(['评价码里有一位数字不对，请和妇联给您的评价码再对一对']);
    expect(fake.calls).toHaveLength(0);

    await typeInto('.rating-code-input', CODE);
    fireEvent.click(screen.getByText('下一步'));
    await waitFor(() => expect(texts('.rating-found-body')).toEqual(['懿路村妇联为您登记的求助']));
    // Nobody is signed in: the page sends no token.
    expect(fake.calls[0]!.header?.Authorization).toBeUndefined();

    fireEvent.click(document.querySelector('.helped-option')!);
    fireEvent.click(document.querySelector('.rate-satisfied')!);
    await waitFor(() => expect(texts('.rating-thanks .sheet-title')).toEqual(['谢谢您的评价！']));
    expect(fake.callsTo('POST', codePath(CODE)).map((call) => call.data)).toEqual([{ rating: Rating.Satisfied, helped: true }]);
  });

  it('opened from an SMS link, looks the code up at once; 不满意 in the first round says it will be handled again', async () => {
    new FakeApi().on('GET', codePath(CODE), ok(ready)).on('POST', codePath(CODE), { statusCode: 204, data: '' });
    setRouterParams({ code: CODE });
    render(<RateWithCodePage />);

    await waitFor(() => expect(document.querySelector('.helped-option')).not.toBeNull());
    fireEvent.click(document.querySelector('.helped-option')!);
    fireEvent.click(document.querySelector('.rate-unsatisfied')!);
    await waitFor(() => expect(texts('.rating-thanks .body-text')).toEqual(['妇联会重新为您办理。办好以后，您可以再用这个评价码评价一次。']));
  });

  it('asks whether it helped until she answers, and sends no comment too long, counting it instead of cutting it', async () => {
    const fake = new FakeApi().on('GET', codePath(CODE), ok(ready)).on('POST', codePath(CODE), { statusCode: 204, data: '' });
    setRouterParams({ code: CODE });
    render(<RateWithCodePage />);

    await waitFor(() => expect(document.querySelector('.rate-satisfied')).not.toBeNull());
    fireEvent.click(document.querySelector('.rate-satisfied')!);
    await screen.findByText('请先回答：对您有帮助吗？');
    fireEvent.click(document.querySelector('.helped-option')!);
    await waitFor(() => expect(screen.queryByText('请先回答：对您有帮助吗？')).toBeNull());

    await typeInto('.rating-comment', '好'.repeat(310));
    expect(texts('.text-count-over')).toEqual(['已写 310/300 字，多了 10 字，请删短一些']);
    fireEvent.click(document.querySelector('.rate-satisfied')!);
    await screen.findByText('想说的话最多 300 字，现在 310 字，请删短一些');
    expect(document.querySelector<HTMLTextAreaElement>('.rating-comment textarea')!.value).toHaveLength(310);
    expect(fake.callsTo('POST', codePath(CODE))).toHaveLength(0);

    await typeInto('.rating-comment', '谢谢妇联');
    await waitFor(() => expect(screen.queryByText(/想说的话最多/)).toBeNull());
    fireEvent.click(document.querySelector('.rate-satisfied')!);
    await waitFor(() => expect(fake.callsTo('POST', codePath(CODE)).map((call) => call.data)).toEqual([{ rating: Rating.Satisfied, helped: true, comment: '谢谢妇联' }]));
  });

  it('says plainly when it is not hers to rate yet, and what the server says about a code nobody has', async () => {
    new FakeApi()
      .on('GET', codePath(CODE), ok({ ...ready, stage: 'waiting' }))
      .on('GET', codePath('E2JD372WF4'), fail(404, ErrorCode.RatingCodeInvalid, '评价码不对或已经用过了，请核对后再试'));
    setRouterParams({ code: CODE });
    render(<RateWithCodePage />);
    await waitFor(() => expect(texts('.rating-stage')).toEqual(['这条求助还在办理中。办好以后，请再用这个评价码来评价。']));
    expect(document.querySelectorAll('.rating-panel')).toHaveLength(0);

    // A code of the older kind has letters: she switches to a field for them.
    fireEvent.click(screen.getByText('换一个评价码'));
    fireEvent.click(screen.getByText('评价码里有字母？点这里'));
    await typeInto('.legacy-code-input', 'e2jd 372wf4');
    fireEvent.click(screen.getByText('下一步'));
    await waitFor(() => expect(texts('.field-error')).toEqual(['评价码不对或已经用过了，请核对后再试']));
  });
});
