import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ApiPaths,
  ErrorCode,
  handlerActionsFrom,
  pathOf,
  RequestAction,
  requestActionPath,
  RequestState,
  ServiceCategoryKey,
  type MeResponse,
} from '@wfh/shared';
import HandleRequestPage from '../src/packages/workbench/request';
import WorkbenchPage from '../src/packages/workbench/index';
import { startSession } from '../src/api/session';
import { typeInto } from './support/dom';
import { FakeApi, fail, ok } from './support/fake-api';
import { meAsChair, tokensFor } from './support/fixtures';
import { accepted, at, categories, detail, submitted, summary } from './support/requests';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const texts = (selector: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

const VILLAGE = '211221100201';
const TOWNSHIP = '211221100';
const inboxOf = (id: string) => pathOf(ApiPaths.inbox, { id });
const requestPath = (id: string) => pathOf(ApiPaths.request, { id });
const actionPath = (id: string, action: RequestAction) => pathOf(requestActionPath(action), { id });

const actionButtons = () =>
  Array.from(document.querySelectorAll<HTMLElement>('.action-buttons .btn')).map(
    (el) => Array.from(el.classList).find((name) => name.startsWith('action-'))!,
  );

const BUTTON_CLASS: Partial<Record<RequestAction, string>> = {
  [RequestAction.Accept]: 'action-accept',
  [RequestAction.Reply]: 'action-reply',
  [RequestAction.Refer]: 'action-refer',
  [RequestAction.ReturnReferral]: 'action-return',
  [RequestAction.Resolve]: 'action-resolve',
};

/** The element once it is on screen. */
const element = (selector: string) =>
  waitFor(() => {
    const found = document.querySelector<HTMLElement>(selector);
    if (found === null) throw new Error(`no ${selector} yet`);
    return found;
  });

function api(me: MeResponse = meAsChair) {
  return new FakeApi().on('GET', ApiPaths.me, ok(me)).on('GET', ApiPaths.categories, ok(categories));
}

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsChair.user));
});

describe('工作台 inbox', () => {
  it('has an inbox for each body she holds a role at, overdue first, then the nearest deadline', async () => {
    api()
      .on(
        'GET',
        inboxOf(VILLAGE),
        ok([
          summary({ id: 'later', categoryName: '就业创业帮扶', firstResponseDueAt: at('05-08T09:00:00') }),
          summary({ id: 'sooner', categoryName: '法律帮助与维权', firstResponseDueAt: at('05-06T09:30:00') }),
          summary({ id: 'late', categoryName: '心理疏导', firstResponseDueAt: at('05-02T09:00:00'), overdue: true }),
        ]),
      )
      .on('GET', inboxOf(TOWNSHIP), ok([]));
    setRouterParams({});
    render(<WorkbenchPage />);

    await waitFor(() => expect(document.querySelectorAll('.inbox-item')).toHaveLength(3));
    expect(texts('.inbox .inbox-body')).toEqual(['懿路村妇联', '新台子镇妇联']);
    expect(texts('.inbox-item .inbox-title')).toEqual(['心理疏导', '法律帮助与维权', '就业创业帮扶']);
    expect(texts('.inbox-item .inbox-due')).toEqual([
      '已超时：5月2日 09:00前答复',
      '5月6日 09:30前答复',
      '5月8日 09:00前答复',
    ]);
    expect(texts('.inbox-item .tag-overdue')).toEqual(['已超时']);
    expect(texts('.inbox-empty')).toEqual(['现在没有要办理的求助。']);

    fireEvent.click(document.querySelectorAll('.inbox-item')[0]);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/request?id=late' });
  });

  it('does not name the category of a sensitive request in the list', async () => {
    api()
      .on(
        'GET',
        inboxOf(VILLAGE),
        ok([summary({ id: 'dv', categoryKey: ServiceCategoryKey.DomesticViolence, categoryName: '家庭暴力求助', sensitive: true })]),
      )
      .on('GET', inboxOf(TOWNSHIP), ok([]));
    render(<WorkbenchPage />);

    await waitFor(() => expect(texts('.inbox-item .inbox-title')).toEqual(['一条需要谨慎处理的求助']));
    expect(document.body.textContent).not.toContain('家庭暴力');
  });
});

describe('工作台 request detail', () => {
  function open(fields: Parameters<typeof detail>[0]) {
    const request = detail(fields);
    const fake = api().on('GET', requestPath(request.id), ok(request));
    setRouterParams({ id: request.id });
    render(<HandleRequestPage />);
    return { fake, request };
  }

  it.each([
    [RequestState.Submitted, ['action-accept', 'action-refer']],
    [RequestState.Accepted, ['action-reply', 'action-refer', 'action-resolve']],
    [RequestState.InProgress, ['action-reply', 'action-refer', 'action-resolve']],
    [RequestState.Referred, ['action-accept', 'action-return']],
    [RequestState.Escalated, ['action-accept', 'action-refer']],
    [RequestState.Reopened, ['action-accept', 'action-refer']],
  ])('in state %s offers exactly the steps the lifecycle allows', async (state, expected) => {
    open({ id: 'r1', state });

    await waitFor(() => expect(actionButtons()).toEqual(expected));
    expect(actionButtons()).toEqual(handlerActionsFrom(state).map((action) => BUTTON_CLASS[action]));
  });

  it.each([RequestState.Resolved, RequestState.Closed, RequestState.Withdrawn])('offers no step once %s', async (state) => {
    open({ id: 'r1', state });

    await screen.findByText('办理经过');
    expect(document.querySelectorAll('[class*="action-"]')).toHaveLength(0);
  });

  it('shows everything needed to act: the category even when sensitive, what she wrote, her answers, how to reach her, the timeline', async () => {
    const { fake } = open({
      id: 'r1',
      categoryKey: ServiceCategoryKey.DomesticViolence,
      categoryName: '家庭暴力求助',
      sensitive: true,
      answers: [
        { key: 'safe_now', label: '您现在安全吗', value: '否' },
        { key: 'children', label: '家里有孩子吗', value: '是' },
      ],
      state: RequestState.Accepted,
      firstResponseDueAt: null,
      timeline: [submitted, accepted],
    });

    await waitFor(() => expect(texts('.request-state')).toEqual(['已受理']));
    expect(texts('.request-category')).toEqual(['家庭暴力求助']);
    expect(texts('.tag-sensitive')).toEqual(['需谨慎处理']);
    expect(texts('.request-deadline')).toEqual(['5月20日 17:00前办结']);
    expect(texts('.handler-description')).toEqual(['邻居占了我家的地，想问问该怎么办']);
    // Labels, words and order as the server gives them: nothing waits for the catalogue.
    expect(texts('.answer-row .field-label')).toEqual(['您现在安全吗', '家里有孩子吗']);
    expect(texts('.answer-value')).toEqual(['否', '是']);
    expect(fake.callsTo('GET', ApiPaths.categories)).toHaveLength(0);
    expect(texts('.request-contact')).toEqual(['打电话 13800000000（方便的时间：工作日上午）']);
    expect(texts('.timeline-entry .timeline-what')).toEqual(['求助人 提交求助', '懿路村妇联 受理']);
  });

  it('replies with the text she typed, and shows the request as the server returns it', async () => {
    const { fake, request } = open({ id: 'r1', state: RequestState.Accepted });
    fake.on('POST', actionPath('r1', RequestAction.Reply), ok({ ...request, state: RequestState.InProgress }));

    fireEvent.click(await element('.action-reply'));
    fireEvent.click(document.querySelector('.action-confirm')!);
    await screen.findByText('请填写：回复她的内容');
    expect(fake.callsTo('POST', actionPath('r1', RequestAction.Reply))).toHaveLength(0);

    await typeInto('.action-text', '下周二上午到村委会来，我们一起去司法所');
    fireEvent.click(document.querySelector('.action-confirm')!);

    await waitFor(() => expect(texts('.request-state')).toEqual(['正在办理']));
    expect(fake.callsTo('POST', actionPath('r1', RequestAction.Reply)).map((call) => call.data)).toEqual([
      { message: '下周二上午到村委会来，我们一起去司法所' },
    ]);
  });

  it('accepts with one confirm, the note being optional', async () => {
    const { fake, request } = open({ id: 'r1' });
    fake.on('POST', actionPath('r1', RequestAction.Accept), ok({ ...request, state: RequestState.Accepted }));

    fireEvent.click(await element('.action-accept'));
    fireEvent.click(document.querySelector('.action-confirm')!);

    await waitFor(() => expect(texts('.request-state')).toEqual(['已受理']));
    expect(fake.callsTo('POST', actionPath('r1', RequestAction.Accept)).map((call) => call.data)).toEqual([{}]);
  });

  it('shows the server’s reason when the step is refused, and keeps what she typed', async () => {
    const refused = fail(409, ErrorCode.TransitionNotAllowed, '这条求助现在不能这样办理，请刷新后再看');
    const { fake } = open({ id: 'r1', state: RequestState.Accepted });
    fake.on('POST', actionPath('r1', RequestAction.Reply), refused);

    fireEvent.click(await element('.action-reply'));
    await typeInto('.action-text', '明天联系您');
    fireEvent.click(document.querySelector('.action-confirm')!);

    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这条求助现在不能这样办理，请刷新后再看' })),
    );
    expect(texts('.request-state')).toEqual(['已受理']);
    expect(document.querySelector<HTMLTextAreaElement>('.action-text textarea')!.value).toBe('明天联系您');
  });

  it('refers to a body found by name, with a note for colleagues and words to her, each labelled for whom', async () => {
    const { fake, request } = open({ id: 'r1' });
    fake
      .on(
        'GET',
        ApiPaths.search,
        ok({
          items: [
            { type: 'site', id: 'site-1', name: '铁岭县妇女维权站', federationId: '211221', level: null, kind: 'rights_station', path: '辽宁省 › 铁岭市' },
            { type: 'body', id: '211221', name: '铁岭县妇联', federationId: '211221', level: 'county', kind: null, path: '辽宁省 › 铁岭市' },
          ],
        }),
      )
      .on('POST', actionPath('r1', RequestAction.Refer), ok({ ...request, state: RequestState.Referred }));

    fireEvent.click(await element('.action-refer'));
    await typeInto('.refer-search', '铁岭县');
    fireEvent.click(screen.getByText('查找'));
    await waitFor(() => expect(texts('.refer-hit .search-hit-name')).toEqual(['铁岭县妇联']));
    fireEvent.click(document.querySelector('.refer-hit')!);
    expect(texts('.refer-chosen-name')).toEqual(['铁岭县妇联']);
    expect(texts('.action-form .field-label')).toEqual(['转给：', '给同事的说明（她看不到）：为什么转给这个妇联', '对她说的话（她会看到，可以不写）']);
    await typeInto('.action-text', '需要律师，转县妇联法律援助');
    await typeInto('.action-to-her', '县妇联的律师会给您打电话');
    fireEvent.click(document.querySelector('.action-confirm')!);

    await waitFor(() => expect(texts('.request-state')).toEqual(['已转介，等待对方受理']));
    expect(fake.callsTo('POST', actionPath('r1', RequestAction.Refer)).map((call) => call.data)).toEqual([
      { toFederationId: '211221', reason: '需要律师，转县妇联法律援助', messageToHer: '县妇联的律师会给您打电话' },
    ]);
  });

  it('resolves with the result typed', async () => {
    const { fake, request } = open({ id: 'r1', state: RequestState.InProgress });
    fake.on('POST', actionPath('r1', RequestAction.Resolve), ok({ ...request, state: RequestState.Resolved }));

    fireEvent.click(await element('.action-resolve'));
    await typeInto('.action-text', '已帮她申请法律援助');
    fireEvent.click(document.querySelector('.action-confirm')!);

    // Her words (「已办结，请您评价」) are not the chair's.
    await waitFor(() => expect(texts('.request-state')).toEqual(['已办结，等她评价']));
    expect(fake.callsTo('POST', actionPath('r1', RequestAction.Resolve)).map((call) => call.data)).toEqual([
      { resolution: '已帮她申请法律援助' },
    ]);
  });

  it('returns a referral with the reason typed', async () => {
    const { fake, request } = open({ id: 'r1', state: RequestState.Referred });
    fake.on('POST', actionPath('r1', RequestAction.ReturnReferral), ok({ ...request, state: RequestState.Accepted }));

    fireEvent.click(await element('.action-return'));
    await typeInto('.action-text', '不属于本村，请原单位办理');
    fireEvent.click(document.querySelector('.action-confirm')!);

    await waitFor(() => expect(texts('.request-state')).toEqual(['已受理']));
    expect(fake.callsTo('POST', actionPath('r1', RequestAction.ReturnReferral)).map((call) => call.data)).toEqual([
      { reason: '不属于本村，请原单位办理' },
    ]);
  });

  it('only follows the progress of a request now held by a body where she has no role', async () => {
    open({ id: 'r1', state: RequestState.Referred, federationId: '211221', federationName: '铁岭县妇联' });

    await screen.findByText('这条求助现在由铁岭县妇联办理，您可以查看进度。');
    expect(document.querySelectorAll('.action-buttons')).toHaveLength(0);
  });
});
