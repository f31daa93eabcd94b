import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, ERROR_MESSAGES, ErrorCode, pathOf, RoleKind, type FeedbackView, type PublicBodyStats, type RoleInvitationView } from '@wfh/shared';
import BodyPage from '../src/packages/places/body';
import FeedbackPage from '../src/packages/public/feedback';
import JoinRolePage from '../src/packages/public/join';
import PublicBodyPage from '../src/packages/public/body';
import MePage from '../src/pages/me/index';
import { startSession } from '../src/api/session';
import { texts, typeInto } from './support/dom';
import { fail, FakeApi, ok } from './support/fake-api';
import { meWithHome, meWithoutHome, tokensFor, villager, yiluVillage } from './support/fixtures';
import { at, year } from './support/requests';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const VILLAGE = yiluVillage.id;

beforeEach(() => {
  taroStorage.clear();
  setRouterParams({});
});

describe('工作公开', () => {
  const stats: PublicBodyStats = {
    federationId: VILLAGE,
    name: '懿路村妇联',
    range: { from: `${year - 1}-05-21`, to: `${year}-05-20` },
    requestsAnswered: 37,
    firstResponseMedianMinutes: 200,
    satisfaction: 0.92,
    activitiesHeld: 6,
    concernsAnswered: 3,
  };

  it('shows the body’s numbers of the past year, and nothing else, without signing in', async () => {
    const fake = new FakeApi().on('GET', pathOf(ApiPaths.federationPublicStats, { id: VILLAGE }), ok(stats));
    setRouterParams({ id: VILLAGE });
    render(<PublicBodyPage />);

    await waitFor(() => expect(texts('.public-value')).toEqual(['37件', '约3.5个工作小时', '92%', '6场', '3件']));
    expect(texts('.public-label')).toEqual(['答复求助', '一般多久答复', '满意率', '举办活动', '回应大家的心声']);
    expect(texts('.public-range')).toEqual([`近一年：${year - 1}年5月21日至5月20日`]);
    // Numbers only: no request, no name of a woman, no list to open.
    expect(document.querySelectorAll('.public-figure')).toHaveLength(5);
    // 返回 of the browser's page header (WeChat draws its own) leads only back.
    expect(document.querySelectorAll('taro-button-core:not(.page-back)')).toHaveLength(0);
    expect(fake.calls.map((call) => call.header?.Authorization)).toEqual([undefined]);
  });

  it('says 暂无 where nothing has been answered or rated yet', async () => {
    new FakeApi().on(
      'GET',
      pathOf(ApiPaths.federationPublicStats, { id: VILLAGE }),
      ok({ ...stats, requestsAnswered: 0, firstResponseMedianMinutes: null, satisfaction: null }),
    );
    setRouterParams({ id: VILLAGE });
    render(<PublicBodyPage />);
    await waitFor(() => expect(texts('.public-value')).toEqual(['0件', '暂无', '暂无', '6场', '3件']));
  });

  it('is opened from the body’s page', async () => {
    new FakeApi()
      .on('GET', pathOf(ApiPaths.federation, { id: VILLAGE }), ok(yiluVillage))
      .on('GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }), ok([]));
    setRouterParams({ id: VILLAGE });
    render(<BodyPage />);
    fireEvent.click(await screen.findByText('工作公开'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/public/body?id=${VILLAGE}` });
  });
});

describe('投诉建议', () => {
  const answered: FeedbackView = {
    id: 'f0',
    kind: 'suggestion',
    federationId: '211221100',
    federationName: '新台子镇妇联',
    text: '活动能不能放在周末',
    status: 'answered',
    reply: '下个月起每月有一场周六的活动',
    createdAt: at('04-02T10:00:00'),
    answeredAt: at('04-05T10:00:00'),
  };

  function api() {
    return new FakeApi().on('GET', ApiPaths.me, ok(meWithHome)).on('GET', ApiPaths.myFeedback, ok([answered]));
  }

  beforeEach(() => startSession(tokensFor(villager)));

  it('shows her past feedback with the county’s answer', async () => {
    api();
    render(<FeedbackPage />);
    await waitFor(() => expect(texts('.feedback-own-text')).toEqual(['活动能不能放在周末']));
    expect(texts('.feedback-answer-text')).toEqual(['下个月起每月有一场周六的活动']);
    expect(texts('.feedback-status')).toEqual(['已答复']);
  });

  it('checks the text is long enough, and not too long, before sending', async () => {
    const created: FeedbackView = { ...answered, id: 'f1', kind: 'complaint', federationId: VILLAGE, federationName: '懿路村妇联', text: '妇女之家周三下午总是锁着门', status: 'open', reply: null, answeredAt: null };
    const fake = api().on('POST', ApiPaths.feedback, ok(created));
    render(<FeedbackPage />);

    fireEvent.click(await screen.findByText('投诉'));
    await typeInto('.feedback-text', '锁门');
    fireEvent.click(screen.getByText('提交'));
    await screen.findByText('请多写几句，说清楚是什么事（至少5个字）');

    // Near the limit the count shows; past it, it turns red and nothing she wrote is cut.
    await typeInto('.feedback-text', '长'.repeat(850));
    expect(texts('.text-count')).toEqual(['已写 850/1,000 字']);
    await typeInto('.feedback-text', '长'.repeat(1001));
    expect((document.querySelector('.feedback-text') as HTMLTextAreaElement).value).toHaveLength(1001);
    expect(texts('.text-count-over')).toEqual(['已写 1,001/1,000 字，多了 1 字，请删短一些']);
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(texts('.form-error')).toEqual(['想说的话最多 1,000 字，现在 1,001 字，请删短一些']));
    expect(fake.callsTo('POST', ApiPaths.feedback)).toHaveLength(0);

    // Put right, the message goes at once, before she presses 提交 again.
    await typeInto('.feedback-text', '妇女之家周三下午总是锁着门');
    await waitFor(() => expect(document.querySelectorAll('.form-error')).toHaveLength(0));
    await typeInto('.feedback-phone', '12');
    fireEvent.click(screen.getByText('提交'));
    await screen.findByText('电话号码好像不对，请再看一看');
    expect(fake.callsTo('POST', ApiPaths.feedback)).toHaveLength(0);

    await typeInto('.feedback-phone', '13800001111');
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(texts('.feedback-own-text')).toEqual(['妇女之家周三下午总是锁着门', '活动能不能放在周末']));
    expect(fake.callsTo('POST', ApiPaths.feedback).map((call) => call.data)).toEqual([
      { kind: 'complaint', federationId: VILLAGE, text: '妇女之家周三下午总是锁着门', contactPhone: '13800001111' },
    ]);
  });

  it('lets her say it about her township or county instead of her village', async () => {
    const fake = api().on('POST', ApiPaths.feedback, ok({ ...answered, id: 'f2' }));
    render(<FeedbackPage />);
    await waitFor(() => expect(texts('.feedback-body-option')).toEqual(['懿路村妇联', '新台子镇妇联', '铁岭县妇联']));
    fireEvent.click(screen.getByText('建议'));
    fireEvent.click(screen.getByText('铁岭县妇联'));
    await typeInto('.feedback-text', '希望多办几场两癌筛查');
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(fake.callsTo('POST', ApiPaths.feedback)).toHaveLength(1));
    expect(fake.callsTo('POST', ApiPaths.feedback)[0]!.data).toEqual({
      kind: 'suggestion',
      federationId: '211221',
      text: '希望多办几场两癌筛查',
      contactPhone: null,
    });
  });

  it('asks her to choose her village first when she has none', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithoutHome)).on('GET', ApiPaths.myFeedback, ok([]));
    render(<FeedbackPage />);
    fireEvent.click(await screen.findByText('选择我的村（社区）'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/places/choose-village' });
  });

  it('is one entry on 我的, beside the invitation code', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    render(<MePage />);
    fireEvent.click(await screen.findByText('查看投诉建议'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/public/feedback' });
    fireEvent.click(screen.getByText('输入职务邀请码'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/public/join' });
  });
});

describe('接受职务邀请', () => {
  const invitation: RoleInvitationView = {
    code: 'K7MPQ2XA',
    role: RoleKind.Chair,
    federationId: VILLAGE,
    federationName: '懿路村妇联',
    inviteeName: '王秀英',
    expiresAt: at('06-01T00:00:00'),
  };
  const lookUp = pathOf(ApiPaths.roleInvitation, { code: 'K7MPQ2XA' });
  const accept = pathOf(ApiPaths.roleInvitationAccept, { code: 'K7MPQ2XA' });

  beforeEach(() => startSession(tokensFor(villager)));

  it('shows which role the code offers, and gives it to her when she accepts', async () => {
    const fake = new FakeApi()
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('GET', lookUp, ok(invitation))
      .on('POST', accept, { statusCode: 204, data: '' });
    render(<JoinRolePage />);

    await typeInto('.role-code-input', ' k7mp q2xa ');
    fireEvent.click(screen.getByText('查看邀请'));
    await screen.findByText('邀请您担任懿路村妇联主席');
    expect(fake.callsTo('POST', accept)).toHaveLength(0);

    fireEvent.click(screen.getByText('接受邀请'));
    await screen.findByText('您已是懿路村妇联主席');
    expect(fake.callsTo('POST', accept)).toHaveLength(1);
    fireEvent.click(screen.getByText('进入我的工作台'));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/workbench/index' });
  });

  it('says a used or expired code is no good, in plain words', async () => {
    new FakeApi()
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('GET', lookUp, fail(404, ErrorCode.RoleInvitationInvalid, ERROR_MESSAGES[ErrorCode.RoleInvitationInvalid]));
    render(<JoinRolePage />);
    await typeInto('.role-code-input', 'K7MPQ2XA');
    fireEvent.click(await screen.findByText('查看邀请'));
    await screen.findByText('邀请码不对、已经用过或已过期，请向县妇联重新要一个');
  });

  it('asks for the code before looking it up', async () => {
    const fake = new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    render(<JoinRolePage />);
    fireEvent.click(await screen.findByText('查看邀请'));
    await screen.findByText('请输入县妇联给您的邀请码');
    expect(fake.calls.filter((call) => call.url.includes('role-invitations'))).toHaveLength(0);
  });
});
