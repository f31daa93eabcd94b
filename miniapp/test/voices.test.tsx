import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, ERROR_MESSAGES, ErrorCode, pathOf, type ConcernInput, type MeResponse } from '@wfh/shared';
import ConcernPage from '../src/packages/voices/concern';
import VoicesPage from '../src/packages/voices/index';
import RaiseConcernPage from '../src/packages/voices/raise';
import { startSession } from '../src/api/session';
import { texts, typeInto } from './support/dom';
import { FakeApi, fail, ok } from './support/fake-api';
import { meWithHome, meWithoutHome, tokensFor } from './support/fixtures';
import { at } from './support/requests';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';
import { concernDetail, concernSummary, VILLAGE, voicesBoard } from './support/voices';

const boardOf = (id: string) => pathOf(ApiPaths.federationVoices, { id });
const concernPath = (id: string) => pathOf(ApiPaths.concern, { id });
const cosignPath = (id: string) => pathOf(ApiPaths.concernCosign, { id });
const raisePath = pathOf(ApiPaths.federationConcerns, { id: VILLAGE });

function api(me: MeResponse = meWithHome) {
  return new FakeApi().on('GET', ApiPaths.me, ok(me)).on('GET', ApiPaths.myConcerns, ok([]));
}

/** The card of the concern with that id, once it is on screen. */
const card = (id: string) =>
  waitFor(() => {
    const found = document.querySelector<HTMLElement>(`.concern-item[data-concern="${id}"]`);
    if (found === null) throw new Error(`no concern ${id} yet`);
    return found;
  });

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meWithHome.user));
  setRouterParams({});
});

describe('议事 board', () => {
  const streetLights = concernSummary({ id: 'c-lights', title: '村口路灯坏了', cosignCount: 5 });
  const ownIdea = concernSummary({ id: 'c-own', title: '想办一个广场舞队', cosignCount: 2, authorLabel: '王秀英' });
  const done = concernSummary({
    id: 'c-done',
    title: '垃圾桶太少',
    status: 'done',
    cosignCount: 12,
    latestUpdate: { id: 'u1', status: 'done', text: '已经在村里加了六个垃圾桶', meetingId: null, meetingTitle: null, at: at('04-20T10:00:00') },
  });

  function openBoard() {
    const fake = api()
      .on(
        'GET',
        boardOf(VILLAGE),
        ok(
          voicesBoard({
            concerns: [streetLights, ownIdea, done],
            counts: { raised: 3, answered: 1, done: 1 },
            meetings: [
              {
                activityId: 'm1',
                title: '五月妇女议事会',
                startsAt: at('05-10T09:00:00'),
                status: 'held',
                agenda: [{ concernId: 'c-done', title: '垃圾桶太少', status: 'done' }],
                minutes: '大家同意先加垃圾桶，村委会出钱。',
              },
            ],
          }),
        ),
      )
      .on('GET', concernPath('c-lights'), ok(concernDetail({ ...streetLights, canCosign: true })))
      // Her own: she may not co-sign it.
      .on('GET', concernPath('c-own'), ok(concernDetail({ ...ownIdea, isMine: true, canCosign: false })));
    render(<VoicesPage />);
    return fake;
  }

  it('shows each concern with its co-sign count, and the co-sign button only where she may co-sign', async () => {
    openBoard();

    const lights = await card('c-lights');
    await waitFor(() => expect(texts('.cosign', lights)).toEqual(['联名支持']));
    expect(texts('.concern-cosigns')).toEqual(['5人联名支持', '2人联名支持', '12人联名支持']);
    expect(texts('.concern-status')).toEqual(['征集联名中', '征集联名中', '已办成']);
    expect(texts('.voices-counts')).toEqual(['大家提了3件事，已答复1件，已办成1件']);

    const own = await card('c-own');
    expect(own.querySelectorAll('.cosign, .withdraw-cosign')).toHaveLength(0);
    // A concern with a result takes no more co-signatures.
    expect((await card('c-done')).querySelectorAll('.cosign, .withdraw-cosign')).toHaveLength(0);
    expect(texts('.concern-latest-text')).toEqual(['已经在村里加了六个垃圾桶']);
    expect(texts('.concern-latest-when')).toEqual(['4月20日 已办成']);
  });

  it('says names are not shown, and lists the council meetings with their agenda and minutes', async () => {
    openBoard();

    await screen.findByText('这里不显示提议人和联名人的名字，除非她自己选择公开。');
    expect(texts('.meeting-title')).toEqual(['五月妇女议事会']);
    expect(texts('.meeting-when')[0]).toContain('已召开');
    expect(texts('.agenda-item')).toEqual(['垃圾桶太少（已办成）']);
    expect(texts('.minutes-text')).toEqual(['大家同意先加垃圾桶，村委会出钱。']);
  });

  it('co-signs with one tap: the count goes up and the button turns into 取消联名', async () => {
    const fake = openBoard().on(
      'POST',
      cosignPath('c-lights'),
      ok(concernDetail({ ...streetLights, cosignCount: 6, cosignedByMe: true, canCosign: false })),
    );
    const lights = await card('c-lights');
    await waitFor(() => expect(texts('.cosign', lights)).toEqual(['联名支持']));
    fireEvent.click(lights.querySelector('.cosign')!);

    await waitFor(() => expect(texts('.concern-cosigns', lights)).toEqual(['6人联名支持']));
    expect(texts('.withdraw-cosign', lights)).toEqual(['取消联名']);
    expect(texts('.cosigned-note', lights)).toEqual(['您已联名支持这件事']);
    expect(fake.callsTo('POST', cosignPath('c-lights'))).toHaveLength(1);

    fake.on('DELETE', cosignPath('c-lights'), ok(concernDetail({ ...streetLights, cosignCount: 5, cosignedByMe: false, canCosign: true })));
    fireEvent.click(lights.querySelector('.withdraw-cosign')!);
    await waitFor(() => expect(texts('.concern-cosigns', lights)).toEqual(['5人联名支持']));
    expect(texts('.cosign', lights)).toEqual(['联名支持']);
  });

  it('asks her to choose her village first when she has not', async () => {
    const fake = api(meWithoutHome);
    render(<VoicesPage />);

    fireEvent.click(await screen.findByText('选择我所在的村（社区）'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/places/choose-village?back=1' });
    expect(fake.calls.filter((call) => call.url.includes('/voices'))).toHaveLength(0);
  });
});

describe('提议题', () => {
  async function fill(title: string, description: string) {
    render(<RaiseConcernPage />);
    await typeInto('.concern-title-input', title);
    await typeInto('.concern-description', description);
  }

  const sent = (fake: FakeApi) => fake.callsTo('POST', raisePath).map((call) => call.data as ConcernInput);

  it('says what belongs here, and sends a common matter without her name unless she says so', async () => {
    const fake = api().on('POST', raisePath, ok(concernDetail({ id: 'new', status: 'pending', isMine: true })));
    await fill('村口路灯坏了', '晚上太黑，老人容易摔倒');

    expect(screen.getByText('这里提的是大家共同关心的事，个人或家里的事请到“我要求助”')).toBeTruthy();
    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/voices/concern?id=new' }));
    expect(sent(fake)).toEqual([{ title: '村口路灯坏了', description: '晚上太黑，老人容易摔倒', showMyName: false }]);
  });

  it('shows the 我要求助 hint before sending what reads like her own case, and sends it only if she says it is everyone’s', async () => {
    const fake = api().on('POST', raisePath, ok(concernDetail({ id: 'new', status: 'pending', isMine: true })));
    await fill('家里的事', '我老公喝了酒就打我');

    await screen.findByText('这像是您自己或家里的事');
    expect(document.querySelectorAll('.submit-concern')).toHaveLength(0);
    fireEvent.click(screen.getByText('去我要求助'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/requests/index?federationId=${VILLAGE}` });
    expect(sent(fake)).toHaveLength(0);

    fireEvent.click(screen.getByText('这是大家的事，继续提交'));
    await waitFor(() => expect(sent(fake)).toHaveLength(1));
    expect(sent(fake)[0]).toMatchObject({ description: '我老公喝了酒就打我', notPersonal: true });
  });

  it('when the server takes it for a personal case, shows its reason with the hint, and resends with notPersonal', async () => {
    const reason = '个人或家里的事请到“我要求助”提出；如果这是大家共同关心的事，请确认后再提交';
    const fake = api().on(
      'POST',
      raisePath,
      fail(422, ErrorCode.ConcernLooksPersonal, ERROR_MESSAGES[ErrorCode.ConcernLooksPersonal], [{ field: 'description', message: reason }]),
      ok(concernDetail({ id: 'new', status: 'pending', isMine: true })),
    );
    await fill('邻里纠纷', '隔壁总把车停在路中间');
    fireEvent.click(screen.getByText('提交'));

    await screen.findByText(reason);
    expect(screen.getByText('去我要求助')).toBeTruthy();
    expect(taro.showToast).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('这是大家的事，继续提交'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/voices/concern?id=new' }));
    expect(sent(fake).map((input) => input.notPersonal)).toEqual([undefined, true]);
  });

  it('says what is missing until she writes it, and counts a description too long instead of cutting it', async () => {
    const fake = api().on('POST', raisePath, ok(concernDetail({ id: 'new', status: 'pending', isMine: true })));
    render(<RaiseConcernPage />);
    fireEvent.click(await screen.findByText('提交'));
    await waitFor(() => expect(texts('.field-error')).toEqual(['请用一句话写出是什么事', '请写一写具体情况，大家才好商量']));

    await typeInto('.concern-title-input', '村口路灯坏了');
    await waitFor(() => expect(texts('.field-error')).toEqual(['请写一写具体情况，大家才好商量']));
    await typeInto('.concern-description', '晚'.repeat(1200));
    await waitFor(() => expect(texts('.field-error')).toEqual(['具体情况最多 1,000 字，现在 1,200 字，请删短一些']));
    expect(texts('.text-count-over')).toEqual(['已写 1,200/1,000 字，多了 200 字，请删短一些']);
    expect(document.querySelector<HTMLTextAreaElement>('.concern-description textarea')!.value).toHaveLength(1200);
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '具体情况最多 1,000 字，现在 1,200 字，请删短一些' })));
    expect(sent(fake)).toHaveLength(0);

    await typeInto('.concern-description', '晚上太黑，老人容易摔倒');
    await waitFor(() => expect(texts('.field-error')).toEqual([]));
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(sent(fake).map((input) => input.description)).toEqual(['晚上太黑，老人容易摔倒']));
  });

  it('sends her name only when she turns 公开我的名字 on', async () => {
    const fake = api().on('POST', raisePath, ok(concernDetail({ id: 'new', status: 'pending', isMine: true })));
    await fill('想办广场舞队', '晚饭后大家一起跳');
    fireEvent.click(document.querySelector('.show-name-option')!);
    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(sent(fake).map((input) => input.showMyName)).toEqual([true]));
  });
});

describe('议题详情', () => {
  it('shows every answer in plain words: status, date, the meeting that decided it, what was said', async () => {
    api().on(
      'GET',
      concernPath('c1'),
      ok(
        concernDetail({
          id: 'c1',
          status: 'in_progress',
          cosignCount: 9,
          updates: [
            { id: 'u1', status: 'accepted', text: '议事会同意修路灯', meetingId: 'm1', meetingTitle: '五月妇女议事会', at: at('05-10T11:00:00') },
            { id: 'u2', status: 'in_progress', text: '灯已经买好，下周装', meetingId: null, meetingTitle: null, at: at('05-20T15:00:00') },
          ],
        }),
      ),
    );
    setRouterParams({ id: 'c1' });
    render(<ConcernPage />);

    await waitFor(() => expect(texts('.update-status')).toEqual(['已采纳', '正在办理']));
    expect(texts('.concern-update .timeline-when')).toEqual(['5月10日', '5月20日']);
    expect(texts('.update-meeting')).toEqual(['在“五月妇女议事会”上商定']);
    expect(texts('.update-text')).toEqual(['议事会同意修路灯', '灯已经买好，下周装']);
    expect(texts('.concern-cosigns')).toEqual(['9人联名支持']);
  });

  it('tells its author why it was not published', async () => {
    api().on(
      'GET',
      concernPath('c2'),
      ok(concernDetail({ id: 'c2', status: 'declined', isMine: true, canCosign: false, declineReason: '这是个人的事，已请您到“我要求助”提出' })),
    );
    setRouterParams({ id: 'c2' });
    render(<ConcernPage />);

    await waitFor(() => expect(texts('.decline-reason')).toEqual(['这是个人的事，已请您到“我要求助”提出']));
    expect(texts('.concern-status')).toEqual(['未采纳发布']);
    expect(document.querySelectorAll('.cosign, .withdraw-cosign')).toHaveLength(0);
  });
});
