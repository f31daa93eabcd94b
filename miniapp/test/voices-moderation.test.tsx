import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf, RoleKind, type CouncilMeetingView, type MeResponse } from '@wfh/shared';
import ModerateConcernsPage from '../src/packages/workbench/concerns';
import WorkbenchPage from '../src/packages/workbench/index';
import { startSession } from '../src/api/session';
import { activitySummary } from './support/activities';
import { option, texts, typeInto } from './support/dom';
import { FakeApi, ok } from './support/fake-api';
import { meAsChair, tokensFor } from './support/fixtures';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';
import { concernDetail, concernSummary, councilMeeting, meAsExecutive, VILLAGE, voicesBoard } from './support/voices';

const concernsOf = pathOf(ApiPaths.federationConcerns, { id: VILLAGE });
const concernPath = (id: string) => pathOf(ApiPaths.concern, { id });
const stepPath = (template: string, id: string) => pathOf(template, { id });

const pending = concernSummary({ id: 'p1', status: 'pending', title: '村小学门口没有斑马线', cosignCount: 0 });
const published = concernSummary({ id: 'o1', status: 'published', title: '村口路灯坏了' });

/** The card of the concern with that id, once it is on screen. */
const card = (id: string) =>
  waitFor(() => {
    const found = document.querySelector<HTMLElement>(`.concern-item[data-concern="${id}"]`);
    if (found === null) throw new Error(`no concern ${id} yet`);
    return found;
  });

/** `setup` adds what the page asks for as it opens. */
function openModeration(setup: (fake: FakeApi) => FakeApi = (fake) => fake) {
  const fake = new FakeApi()
    .on('GET', ApiPaths.me, ok(meAsChair))
    .on('GET', concernsOf, ok([pending, published]))
    .on('GET', concernPath('p1'), ok(concernDetail({ ...pending, description: '孩子上学要过公路，车开得很快。', canModerate: true })))
    .on(
      'GET',
      pathOf(ApiPaths.federationActivities, { id: VILLAGE }),
      ok([councilMeeting, activitySummary({ id: 'a-screening', title: '两癌免费筛查' }), { ...councilMeeting, id: 'm-draft', status: 'draft' }]),
    );
  setup(fake);
  setRouterParams({ federationId: VILLAGE });
  render(<ModerateConcernsPage />);
  return fake;
}

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsChair.user));
});

describe('议题审核', () => {
  it('shows what a pending concern says before the chair decides', async () => {
    openModeration();

    await waitFor(() => expect(texts('.pending-description')).toEqual(['孩子上学要过公路，车开得很快。']));
    expect(texts('.pending-concerns .concern-title')).toEqual(['村小学门口没有斑马线']);
    expect(texts('.published-concerns .concern-title')).toEqual(['村口路灯坏了']);
  });

  it('will not decline without a reason, and sends the reason its author will read', async () => {
    const fake = openModeration().on('POST', stepPath(ApiPaths.concernDecline, 'p1'), ok(concernDetail({ ...pending, status: 'declined' })));
    const item = await card('p1');
    fireEvent.click(item.querySelector('.decline-concern')!);
    fireEvent.click(item.querySelector('.step-confirm')!);

    await screen.findByText('请填写不发布的原因，提议人会看到');
    expect(fake.callsTo('POST', stepPath(ApiPaths.concernDecline, 'p1'))).toHaveLength(0);

    // Too long a reason is counted and kept whole, not sent; each message goes once she has put it right.
    await typeInto('.decline-reason-input', '不'.repeat(320));
    await waitFor(() => expect(texts('.field-error', item)).toEqual(['不发布的原因最多 300 字，现在 320 字，请删短一些']));
    expect(texts('.text-count-over', item)).toEqual(['已写 320/300 字，多了 20 字，请删短一些']);
    fireEvent.click(item.querySelector('.step-confirm')!);
    expect(fake.callsTo('POST', stepPath(ApiPaths.concernDecline, 'p1'))).toHaveLength(0);

    await typeInto('.decline-reason-input', '这是个人的事，已请她到“我要求助”提出');
    await waitFor(() => expect(texts('.field-error', item)).toEqual([]));
    fireEvent.click(item.querySelector('.step-confirm')!);
    await waitFor(() =>
      expect(fake.callsTo('POST', stepPath(ApiPaths.concernDecline, 'p1')).map((call) => call.data)).toEqual([
        { reason: '这是个人的事，已请她到“我要求助”提出' },
      ]),
    );
    // The list is asked again, so the concern shows where it now stands.
    await waitFor(() => expect(fake.callsTo('GET', concernsOf)).toHaveLength(2));
  });

  it('publishes after one confirm, and merges into an open concern she picks', async () => {
    const fake = openModeration()
      .on('POST', stepPath(ApiPaths.concernPublish, 'p1'), ok(concernDetail({ ...pending, status: 'published' })))
      .on('POST', stepPath(ApiPaths.concernMerge, 'p1'), ok(concernDetail({ ...pending, status: 'merged' })));
    const item = await card('p1');
    fireEvent.click(item.querySelector('.publish-concern')!);
    await waitFor(() => expect(fake.callsTo('POST', stepPath(ApiPaths.concernPublish, 'p1'))).toHaveLength(1));
    expect(taro.showModal).toHaveBeenCalledTimes(1);

    fireEvent.click((await card('p1')).querySelector('.merge-concern')!);
    fireEvent.click(await option('merge-target', '村口路灯坏了'));
    fireEvent.click((await card('p1')).querySelector('.step-confirm')!);
    await waitFor(() =>
      expect(fake.callsTo('POST', stepPath(ApiPaths.concernMerge, 'p1')).map((call) => call.data)).toEqual([{ intoConcernId: 'o1' }]),
    );
  });

  it('records an answer with its status, words and the council meeting, offering only council meetings', async () => {
    const fake = openModeration().on('POST', stepPath(ApiPaths.concernUpdates, 'o1'), ok(concernDetail({ ...published, status: 'accepted' })));
    const item = await card('o1');
    fireEvent.click(item.querySelector('.answer-concern')!);

    await waitFor(() => expect(texts('.meeting-option').map((label) => label!.split('（')[0])).toEqual(['不关联议事会', '五月妇女议事会']));
    expect(texts('.outcome-option')).toEqual(['已采纳', '正在办理', '已办成', '暂不采纳']);
    fireEvent.click(item.querySelector('.step-confirm')!);
    await screen.findByText('请选择办理的结果');

    fireEvent.click(await option('outcome', '已采纳'));
    await waitFor(() => expect(screen.queryByText('请选择办理的结果')).toBeNull());
    await typeInto('.answer-text', '议事会同意，村委会出钱修');
    fireEvent.click(await option('meeting', '五月妇女议事会'));
    fireEvent.click(item.querySelector('.step-confirm')!);
    await waitFor(() =>
      expect(fake.callsTo('POST', stepPath(ApiPaths.concernUpdates, 'o1')).map((call) => call.data)).toEqual([
        { status: 'accepted', text: '议事会同意，村委会出钱修', meetingId: 'm1' },
      ]),
    );
  });

  it('sets a council meeting’s agenda from the public concerns, and records its minutes once it has begun', async () => {
    const held: CouncilMeetingView = { activityId: 'm1', title: '五月妇女议事会', startsAt: councilMeeting.startsAt, status: 'held', agenda: [], minutes: null };
    const agendaOf = pathOf(ApiPaths.councilAgenda, { id: 'm1' });
    const minutesOf = pathOf(ApiPaths.councilMinutes, { id: 'm1' });
    const fake = openModeration((api) =>
      api
        .on('GET', pathOf(ApiPaths.federationVoices, { id: VILLAGE }), ok(voicesBoard({ concerns: [published], meetings: [held] })))
        .on('PUT', agendaOf, ok({ ...held, agenda: [{ concernId: 'o1', title: published.title, status: 'published' }] }))
        .on('PUT', minutesOf, ok({ ...held, agenda: [{ concernId: 'o1', title: published.title, status: 'published' }], minutes: '同意修路灯' })),
    );

    fireEvent.click(await screen.findByText('安排议题'));
    // Only what is public may be put on the agenda: not the one still waiting for review.
    expect(texts('.agenda-chip')).toEqual(['村口路灯坏了']);
    fireEvent.click(screen.getByText('村口路灯坏了', { selector: '.agenda-chip' }));
    fireEvent.click(screen.getByText('保存议题'));
    await waitFor(() => expect(texts('.meeting-summary')).toEqual(['安排了1件事；还没有纪要']));
    expect(fake.callsTo('PUT', agendaOf).map((call) => call.data)).toEqual([{ concernIds: ['o1'] }]);

    fireEvent.click(screen.getByText('记录纪要'));
    fireEvent.click(screen.getByText('保存纪要'));
    await screen.findByText('请写下会议商量的结果');
    await typeInto('.minutes-input', '议'.repeat(5001));
    await screen.findByText('会议纪要最多 5,000 字，现在 5,001 字，请删短一些');
    fireEvent.click(screen.getByText('保存纪要'));
    expect(fake.callsTo('PUT', minutesOf)).toHaveLength(0);
    await typeInto('.minutes-input', '同意修路灯');
    await waitFor(() => expect(screen.queryByText(/会议纪要最多/)).toBeNull());
    fireEvent.click(screen.getByText('保存纪要'));
    await waitFor(() => expect(texts('.meeting-summary')).toEqual(['安排了1件事；纪要已记录']));
    expect(fake.callsTo('PUT', minutesOf).map((call) => call.data)).toEqual([{ minutes: '同意修路灯' }]);
  });

  it('is offered on the workbench to the chair of the village, and its roster to her executive member', async () => {
    new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', pathOf(ApiPaths.inbox, { id: VILLAGE }), ok([]))
      .on('GET', pathOf(ApiPaths.inbox, { id: '211221100' }), ok([]));
    const { unmount } = render(<WorkbenchPage />);
    await waitFor(() => expect(texts('.moderate-concerns')).toEqual(['议题审核']));
    expect(texts('.open-roster')).toEqual(['联系名单']);
    fireEvent.click(document.querySelector('.moderate-concerns')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/concerns?federationId=${VILLAGE}` });
    unmount();

    // An executive member answers no requests: no inbox to fail, just her roster.
    const fake = new FakeApi().on('GET', ApiPaths.me, ok(meAsExecutive));
    render(<WorkbenchPage />);
    await waitFor(() => expect(texts('.open-roster')).toEqual(['联系名单']));
    expect(document.querySelectorAll('.moderate-concerns, .inbox')).toHaveLength(0);
    expect(fake.callsTo('GET', pathOf(ApiPaths.inbox, { id: VILLAGE }))).toHaveLength(0);
  });

  it('is refused to someone who does not moderate the village', async () => {
    const staffOnly: MeResponse = { ...meAsChair, roles: [{ role: RoleKind.Staff, federationId: '211221100', federationName: '新台子镇妇联' }] };
    const fake = new FakeApi().on('GET', ApiPaths.me, ok(staffOnly));
    setRouterParams({ federationId: VILLAGE });
    render(<ModerateConcernsPage />);

    await screen.findByText('您在这里没有审核议题的职务。');
    expect(fake.callsTo('GET', concernsOf)).toHaveLength(0);
  });
});
