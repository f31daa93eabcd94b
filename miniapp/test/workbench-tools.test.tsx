import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ApiPaths,
  ERROR_MESSAGES,
  ErrorCode,
  IDEMPOTENCY_HEADER,
  pathOf,
  RequestAction,
  RequestState,
  RoleKind,
  type BodyMember,
  type CoverView,
  type MeResponse,
  type SubmitOnBehalfInput,
} from '@wfh/shared';
import CoverPage from '../src/packages/workbench/cover';
import WorkbenchPage from '../src/packages/workbench/index';
import RecordOnBehalfPage from '../src/packages/workbench/on-behalf';
import HandleRequestPage from '../src/packages/workbench/request';
import { startSession } from '../src/api/session';
import { eventText } from '../src/utils/requests';
import { endOfShanghaiDay, shanghaiDay, startOfShanghaiDay } from '../src/utils/time';
import { option, typeInto } from './support/dom';
import { FakeApi, fail, ok } from './support/fake-api';
import { meAsChair, tokensFor } from './support/fixtures';
import { at, categories, detail, submitted, summary } from './support/requests';
import taro, { setRouterParams, taroStorage, type RequestOptions } from './support/taro-mock';

const texts = (selector: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

const VILLAGE = '211221100201';
const TOWNSHIP = '211221100';
const inboxOf = (id: string) => pathOf(ApiPaths.inbox, { id });
const coverOf = (id: string) => pathOf(ApiPaths.federationCover, { id });
const membersOf = (id: string) => pathOf(ApiPaths.federationMembers, { id });
const onBehalfAt = (id: string) => pathOf(ApiPaths.federationRequests, { id });

function api(me: MeResponse = meAsChair) {
  return new FakeApi().on('GET', ApiPaths.me, ok(me)).on('GET', ApiPaths.categories, ok(categories));
}

const awayNow: CoverView = {
  chairUserId: 'u-chair',
  chairName: '李桂兰',
  deputyUserId: 'u-deputy',
  deputyName: '王秀英',
  awayFrom: at('05-06T00:00:00'),
  awayUntil: at('05-09T00:00:00'),
  current: true,
};

const members: BodyMember[] = [
  { userId: 'u-chair', displayName: '李桂兰', role: RoleKind.Chair, since: at('01-01T00:00:00') },
  { userId: 'u-deputy', displayName: '王秀英', role: RoleKind.Deputy, since: at('01-01T00:00:00') },
];

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsChair.user));
});

describe('工作台 inbox, new fields', () => {
  it('says who asked and how long ago, her village when it is another, and a red 紧急 tag when she is in danger now', async () => {
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    api()
      .on(
        'GET',
        inboxOf(VILLAGE),
        ok([
          // The server names nobody beside a sensitive request.
          summary({ id: 'urgent', sensitive: true, urgent: true, requester: null, homeFederationId: '211221100202', homeFederationName: '凡河村妇联', createdAt: ago(125) }),
          summary({ id: 'calm', requester: '王秀英', createdAt: ago(10), firstResponseDueAt: at('05-09T09:00:00') }),
        ]),
      )
      .on('GET', inboxOf(TOWNSHIP), ok([]));
    setRouterParams({});
    render(<WorkbenchPage />);

    await waitFor(() => expect(document.querySelectorAll('.inbox-item')).toHaveLength(2));
    expect(texts('.inbox-item .inbox-asked')).toEqual(['求助的居民 · 凡河村妇联 · 2小时前', '王秀英 · 10分钟前']);
    expect(texts('.inbox-item .inbox-state')).toEqual(['新求助，等待受理', '新求助，等待受理']);
    expect(document.body.textContent).not.toContain('来自：');
    expect(texts('.inbox-item .tag-urgent')).toEqual(['紧急']);
    expect(document.querySelectorAll('.inbox-item')[0].querySelector('.tag-urgent')).not.toBeNull();
  });

  it('offers 代为登记 and 外出请假 at her village only, and a banner while the chair is away', async () => {
    api()
      .on('GET', inboxOf(VILLAGE), ok([]))
      .on('GET', inboxOf(TOWNSHIP), ok([]))
      .on('GET', coverOf(VILLAGE), ok([awayNow]));
    render(<WorkbenchPage />);

    await waitFor(() => expect(texts('.cover-banner-text')).toEqual(['主席外出期间，由王秀英代为处理']));
    const village = document.querySelector(`.inbox[data-federation="${VILLAGE}"]`)!;
    const township = document.querySelector(`.inbox[data-federation="${TOWNSHIP}"]`)!;
    expect(village.querySelector('.cover-banner')).not.toBeNull();
    expect(village.querySelectorAll('.record-on-behalf, .cover-settings')).toHaveLength(2);
    expect(township.querySelectorAll('.record-on-behalf, .cover-settings, .cover-banner')).toHaveLength(0);

    fireEvent.click(village.querySelector('.record-on-behalf')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/on-behalf?federationId=${VILLAGE}` });
    fireEvent.click(village.querySelector('.cover-settings')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/cover?federationId=${VILLAGE}` });
  });

  it('gives a deputy 代为登记 but not 外出请假, and no banner when nobody is away', async () => {
    const deputy: MeResponse = {
      ...meAsChair,
      roles: [{ role: RoleKind.Deputy, federationId: VILLAGE, federationName: '懿路村妇联' }],
    };
    const fake = api(deputy).on('GET', inboxOf(VILLAGE), ok([])).on('GET', coverOf(VILLAGE), ok([{ ...awayNow, current: false }]));
    render(<WorkbenchPage />);

    await screen.findByText('代为登记求助');
    await waitFor(() => expect(fake.callsTo('GET', coverOf(VILLAGE))).toHaveLength(1));
    expect(document.querySelectorAll('.cover-settings')).toHaveLength(0);
    expect(document.querySelectorAll('.cover-banner')).toHaveLength(0);
  });
});

describe('办理经过 names the receiving body', () => {
  it('shows where a referral and an escalation went', async () => {
    const request = detail({
      id: 'r1',
      state: RequestState.Escalated,
      timeline: [
        submitted,
        {
          at: at('05-04T09:00:00'),
          action: RequestAction.Refer,
          actor: 'handler',
          federationName: '懿路村妇联',
          toFederationName: '新台子镇妇联',
          toState: RequestState.Referred,
          note: '您的事已请镇妇联一起办理',
          staffNote: '需要镇里协调',
        },
        {
          at: at('05-06T09:00:00'),
          action: RequestAction.Escalate,
          actor: 'system',
          federationName: null,
          toFederationName: '铁岭县妇联',
          toState: RequestState.Escalated,
          note: '超过首次答复时限，转至铁岭县妇联',
          staffNote: null,
        },
      ],
    });
    api().on('GET', pathOf(ApiPaths.request, { id: 'r1' }), ok(request));
    setRouterParams({ id: 'r1' });
    render(<HandleRequestPage />);

    await waitFor(() =>
      expect(texts('.timeline-entry .timeline-what')).toEqual([
        '求助人 提交求助',
        '懿路村妇联 转给新台子镇妇联办理',
        '系统 超时，转给铁岭县妇联办理',
      ]),
    );
    // Staff read the referral's two texts apart: what she was told, and the note among colleagues.
    expect(texts('.timeline-note')).toEqual(['对她说的话：您的事已请镇妇联一起办理', '给同事的说明：需要镇里协调', '超过首次答复时限，转至铁岭县妇联']);
    expect(texts('.request-state')).toEqual(['已转上级妇联，等待受理']);
  });

  it('tells her too, and keeps the old words when the server names no body', () => {
    const refer = {
      at: at('05-04T09:00:00'),
      action: RequestAction.Refer,
      actor: 'handler' as const,
      federationName: '懿路村妇联',
      toFederationName: '新台子镇妇联',
      toState: RequestState.Referred,
      note: null,
      staffNote: null,
    };
    expect(eventText(refer, 'woman')).toBe('懿路村妇联 把您的求助转给新台子镇妇联办理');
    expect(eventText({ ...refer, toFederationName: null }, 'woman')).toBe('懿路村妇联 把您的求助转给更合适的妇联办理');
    expect(eventText({ ...refer, toFederationName: null }, 'handler')).toBe('懿路村妇联 转介');
  });
});

describe('代为登记求助', () => {
  const created = () => ({
    request: detail({ id: 'ob1', onBehalf: true, categoryKey: categories[2].key, categoryName: categories[2].name }),
    ratingCode: '3816204577301198',
  });

  async function fillIn() {
    await typeInto('.woman-name', ' 张玉芬 ');
    await typeInto('.woman-phone', '13900001111');
    fireEvent.click(await option('source', '电话来访'));
    fireEvent.click(await option('category', '法律帮助与维权'));
    fireEvent.click(await option('answer', '财产'));
    await typeInto('.request-description', '宅基地被邻居占了');
    fireEvent.click(await option('contact', '打电话'));
  }

  function open() {
    const fake = api();
    setRouterParams({ federationId: VILLAGE });
    render(<RecordOnBehalfPage />);
    return fake;
  }

  it('cuts nothing she types: a long text is kept and counted against what the server takes', async () => {
    open();
    await option('category', '法律帮助与维权');
    const limits = ['.woman-name', '.woman-phone', '.request-description', '.contact-safe-times'].map((field) =>
      document.querySelector(field)?.getAttribute('maxlength'),
    );
    expect(limits).toEqual(['-1', '-1', '-1', '-1']);
    await typeInto('.contact-safe-times', '工'.repeat(70));
    expect(texts('.text-count-over')).toEqual(['已写 70/60 字，多了 10 字，请删短一些']);
  });

  it('refuses to send until she has agreed to be recorded', async () => {
    const fake = open().on('POST', onBehalfAt(VILLAGE), { statusCode: 201, data: created() });
    await fillIn();

    fireEvent.click(document.querySelector('.on-behalf-submit')!);

    await waitFor(() => expect(texts('.form-error')).toEqual(['请先确认她已同意登记她的信息']));
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先确认她已同意登记她的信息' }));
    expect(fake.callsTo('POST', onBehalfAt(VILLAGE))).toHaveLength(0);
    expect(document.querySelectorAll('.rating-code')).toHaveLength(0);
  });

  it('says what is missing before anything is sent', async () => {
    const fake = open();
    fireEvent.click(await option('consent', '她已同意登记她的信息'));
    fireEvent.click(document.querySelector('.on-behalf-submit')!);

    await waitFor(() =>
      expect(texts('.form-error')).toEqual(['请填写她的姓名', '请选择她是怎么来求助的', '请选择求助的类别', '请简单写一写她遇到的事情', '请选择怎么联系她']),
    );
    expect(fake.callsTo('POST', onBehalfAt(VILLAGE))).toHaveLength(0);
  });

  it('sends what the chair recorded, then shows the rating code large, with a copy button', async () => {
    const fake = open().on('POST', onBehalfAt(VILLAGE), { statusCode: 201, data: created() });
    await fillIn();
    fireEvent.click(await option('consent', '她已同意登记她的信息'));
    fireEvent.click(document.querySelector('.on-behalf-submit')!);

    await waitFor(() => expect(texts('.rating-code')).toEqual(['3816 2045 7730 1198']));
    expect(screen.getByText('请把这个评价码念给她，请她抄下来：')).toBeTruthy();
    // Where she enters it, in words the chair can read to her.
    expect(texts('.rating-code-how')[0]).toContain('点“我的”，再点“用评价码评价”，输入这16位数字');
    expect(fake.callsTo('POST', onBehalfAt(VILLAGE)).map((call) => call.data)).toEqual([
      {
        categoryKey: 'legal_aid',
        description: '宅基地被邻居占了',
        answers: { topic: '财产' },
        contact: { method: 'phone', phone: '13900001111' },
        womanName: '张玉芬',
        womanPhone: '13900001111',
        source: 'phone',
        consentRecorded: true,
      },
    ]);

    fireEvent.click(document.querySelector('.copy-rating-code')!);
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: '3816204577301198' });
  });

  const dropped = () => Promise.reject({ errMsg: 'request:fail timeout' });
  const keysSent = (fake: FakeApi) => fake.callsTo('POST', onBehalfAt(VILLAGE)).map((call) => call.header?.[IDEMPOTENCY_HEADER]);
  const submit = () => fireEvent.click(document.querySelector('.on-behalf-submit')!);

  it('sends an Idempotency-Key, and the same key again when the chair retries after the signal dropped', async () => {
    const fake = open().on('POST', onBehalfAt(VILLAGE), dropped, { statusCode: 201, data: created() });
    await fillIn();
    fireEvent.click(await option('consent', '她已同意登记她的信息'));
    submit();
    await screen.findByText(/没有登记成功，填写的内容都还在/);
    expect(document.querySelectorAll('.rating-code')).toHaveLength(0);
    submit();

    await waitFor(() => expect(texts('.rating-code')).toEqual(['3816 2045 7730 1198']));
    const keys = keysSent(fake);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('takes a new key once the server has refused the form, since nothing was recorded', async () => {
    const refused = fail(400, ErrorCode.ValidationFailed, '填写的内容有误，请按提示修改后再提交');
    const fake = open().on('POST', onBehalfAt(VILLAGE), refused, { statusCode: 201, data: created() });
    await fillIn();
    fireEvent.click(await option('consent', '她已同意登记她的信息'));
    submit();
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '填写的内容有误，请按提示修改后再提交' })));
    submit();

    await waitFor(() => expect(texts('.rating-code')).toEqual(['3816 2045 7730 1198']));
    const [first, second] = keysSent(fake);
    expect(second).not.toBe(first);
  });

  it('when the first try had arrived before the signal dropped, a changed form still gets the code of what was recorded', async () => {
    // The server recorded the first try; the same key with other content is refused.
    let recorded: SubmitOnBehalfInput | null = null;
    const server = (request: RequestOptions) => {
      const input = request.data as SubmitOnBehalfInput;
      recorded ??= input;
      return JSON.stringify(input) === JSON.stringify(recorded)
        ? { statusCode: 201, data: created() }
        : fail(422, ErrorCode.IdempotencyKeyReused, ERROR_MESSAGES[ErrorCode.IdempotencyKeyReused]);
    };
    const fake = open().on('POST', onBehalfAt(VILLAGE), (request) => (server(request), dropped()), server);
    await fillIn();
    fireEvent.click(await option('consent', '她已同意登记她的信息'));
    submit();
    await screen.findByText(/没有登记成功/);
    await typeInto('.request-description', '宅基地被邻居占了，已经两年');
    submit();

    await waitFor(() => expect(texts('.rating-code')).toEqual(['3816 2045 7730 1198']));
    expect(document.querySelector('.earlier-try')?.textContent).toContain('后来的修改没有保存');
    const posted = fake.callsTo('POST', onBehalfAt(VILLAGE));
    expect(posted.map((call) => (call.data as SubmitOnBehalfInput).description)).toEqual([
      '宅基地被邻居占了',
      '宅基地被邻居占了，已经两年',
      '宅基地被邻居占了',
    ]);
    expect(new Set(keysSent(fake)).size).toBe(1);
  });

  it('shows the server’s reason when it refuses, and keeps the form', async () => {
    const fake = open().on('POST', onBehalfAt(VILLAGE), fail(400, ErrorCode.ConsentRequired, '请先阅读并同意个人信息保护说明'));
    await fillIn();
    fireEvent.click(await option('consent', '她已同意登记她的信息'));
    fireEvent.click(document.querySelector('.on-behalf-submit')!);

    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先阅读并同意个人信息保护说明' })),
    );
    expect(fake.callsTo('POST', onBehalfAt(VILLAGE))).toHaveLength(1);
    expect(document.querySelectorAll('.rating-code')).toHaveLength(0);
    expect(document.querySelector<HTMLInputElement>('.woman-name input')!.value).toBe(' 张玉芬 ');
  });
});

describe('工作台: 通知公告', () => {
  const COUNTY = '211221';
  const noticeButtons = () =>
    Array.from(document.querySelectorAll<HTMLElement>('.manage-notices')).map((button) => [
      button.closest('[data-federation]')?.getAttribute('data-federation'),
      button.textContent,
    ]);

  it.each([
    ['a village chair', RoleKind.Chair, VILLAGE, '懿路村妇联'],
    ['a village deputy', RoleKind.Deputy, VILLAGE, '懿路村妇联'],
    ['a township officer', RoleKind.Staff, TOWNSHIP, '新台子镇妇联'],
    ['a county admin', RoleKind.Admin, COUNTY, '铁岭县妇联'],
  ])('is offered to %s at her own body and opens its notices', async (_who, role, federationId, federationName) => {
    const me: MeResponse = { ...meAsChair, roles: [{ role, federationId, federationName }] };
    api(me).on('GET', inboxOf(federationId), ok([]));
    render(<WorkbenchPage />);

    await waitFor(() => expect(noticeButtons()).toEqual([[federationId, '通知公告']]));
    fireEvent.click(document.querySelector('.manage-notices')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/notices/manage?federationId=${federationId}` });
  });

  it('is offered at each body where she may publish: her village and her township apart', async () => {
    api().on('GET', inboxOf(VILLAGE), ok([])).on('GET', inboxOf(TOWNSHIP), ok([]));
    render(<WorkbenchPage />);

    await waitFor(() => expect(noticeButtons()).toEqual([[VILLAGE, '通知公告'], [TOWNSHIP, '通知公告']]));
    fireEvent.click(document.querySelector(`[data-federation="${TOWNSHIP}"] .manage-notices`)!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/notices/manage?federationId=${TOWNSHIP}` });
  });

  it('is not offered to a woman without a role, nor to an executive member, who may not publish', async () => {
    const woman: MeResponse = { ...meAsChair, roles: [] };
    api(woman);
    const { unmount } = render(<WorkbenchPage />);
    await screen.findByText('我的职务');
    expect(screen.queryByText('通知公告')).toBeNull();
    unmount();

    const executive: MeResponse = { ...meAsChair, roles: [{ role: RoleKind.Executive, federationId: VILLAGE, federationName: '懿路村妇联' }] };
    api(executive);
    render(<WorkbenchPage />);
    await screen.findByText('懿路村妇联', { selector: '.card-title' });
    expect(screen.queryByText('通知公告')).toBeNull();
  });
});

describe('外出请假', () => {
  function open(covers: CoverView[] = []) {
    const fake = api().on('GET', coverOf(VILLAGE), ok(covers)).on('GET', membersOf(VILLAGE), ok(members));
    setRouterParams({ federationId: VILLAGE });
    render(<CoverPage />);
    return fake;
  }

  it('offers only the deputies, and saves the days and the deputy chosen', async () => {
    const fake = open().on('PUT', coverOf(VILLAGE), ok([awayNow]));

    await waitFor(() => expect(texts('.deputy-option')).toEqual(['王秀英', '不指定']));
    expect(texts('.cover-none')).toEqual(['现在没有外出安排。']);
    fireEvent.click(await option('deputy', '王秀英'));
    fireEvent.click(document.querySelector('.cover-save')!);

    const today = shanghaiDay();
    await waitFor(() =>
      expect(fake.callsTo('PUT', coverOf(VILLAGE)).map((call) => call.data)).toEqual([
        { deputyUserId: 'u-deputy', awayFrom: startOfShanghaiDay(today), awayUntil: endOfShanghaiDay(today) },
      ]),
    );
    await waitFor(() => expect(texts('.cover-item .cover-days')).toEqual(['5月6日至5月8日']));
    expect(texts('.cover-item .cover-deputy')).toEqual(['由王秀英代为处理']);
    expect(texts('.cover-end')).toEqual(['我已回来']);
  });

  it('saves the days picked, and refuses a return before the start', async () => {
    const fake = open().on('PUT', coverOf(VILLAGE), ok([{ ...awayNow, current: false }]));
    const inDays = (days: number) => shanghaiDay(Date.now() + days * 24 * 3600 * 1000);
    const pick = async (selector: string, day: string) => {
      const picker = (await waitFor(() => document.querySelector(selector)!.parentElement!))!;
      fireEvent(picker, new CustomEvent('change', { detail: { value: day }, bubbles: true }));
      await waitFor(() => expect(document.querySelector(selector)!.textContent).toBe(day));
    };

    await option('deputy', '王秀英');
    await pick('.cover-from', inDays(4));
    await pick('.cover-until', inDays(2));
    fireEvent.click(document.querySelector('.cover-save')!);
    await screen.findByText('回来的日期不能早于外出的日期');
    expect(fake.callsTo('PUT', coverOf(VILLAGE))).toHaveLength(0);

    await pick('.cover-until', inDays(6));
    fireEvent.click(document.querySelector('.cover-save')!);
    await waitFor(() =>
      expect(fake.callsTo('PUT', coverOf(VILLAGE)).map((call) => call.data)).toEqual([
        { deputyUserId: null, awayFrom: startOfShanghaiDay(inDays(4)), awayUntil: endOfShanghaiDay(inDays(6)) },
      ]),
    );
    await waitFor(() => expect(texts('.cover-end')).toEqual(['取消外出安排']));
  });

  it('saves 不指定 as nobody', async () => {
    const fake = open().on('PUT', coverOf(VILLAGE), ok([{ ...awayNow, deputyUserId: null, deputyName: null }]));

    fireEvent.click(await option('deputy', '不指定'));
    fireEvent.click(document.querySelector('.cover-save')!);

    await waitFor(() => expect(fake.callsTo('PUT', coverOf(VILLAGE))).toHaveLength(1));
    expect(fake.callsTo('PUT', coverOf(VILLAGE))[0].data).toMatchObject({ deputyUserId: null });
  });

  it('ends the absence early with 我已回来', async () => {
    const fake = open([awayNow]).on('DELETE', coverOf(VILLAGE), ok([]));

    fireEvent.click(await screen.findByText('我已回来'));

    await waitFor(() => expect(fake.callsTo('DELETE', coverOf(VILLAGE))).toHaveLength(1));
    await waitFor(() => expect(texts('.cover-none')).toEqual(['现在没有外出安排。']));
    expect(document.querySelectorAll('.cover-end')).toHaveLength(0);
  });

  it('shows the server’s reason when the deputy is refused', async () => {
    open().on('PUT', coverOf(VILLAGE), fail(404, ErrorCode.DeputyNotFound, '这位同志不是本村（社区）妇联的副主席，请先为她设置职务'));

    fireEvent.click(await option('deputy', '王秀英'));
    fireEvent.click(document.querySelector('.cover-save')!);

    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '这位同志不是本村（社区）妇联的副主席，请先为她设置职务' }),
      ),
    );
    expect(texts('.cover-none')).toEqual(['现在没有外出安排。']);
  });
});
