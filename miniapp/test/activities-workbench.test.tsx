import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ActivityCategory, ApiPaths, ErrorCode, pathOf, RoleKind, type ActivityDetail, type MeResponse } from '@wfh/shared';
import ManageActivitiesPage from '../src/packages/workbench/activities';
import EditActivityPage from '../src/packages/workbench/activity-edit';
import AttendeesPage from '../src/packages/workbench/attendees';
import CheckInPage from '../src/packages/workbench/check-in';
import WorkbenchPage from '../src/packages/workbench/index';
import { startSession } from '../src/api/session';
import { activityDetail, activitySummary, attendee, on, signupView } from './support/activities';
import { option, pick, texts, typeInto } from './support/dom';
import { FakeApi, fail, ok, queryOf } from './support/fake-api';
import { meAsChair, tokensFor } from './support/fixtures';
import { summaryOf, yiluSite } from './support/places';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const VILLAGE = '211221100201';
const TOWNSHIP = '211221100';
const activityPath = (id: string) => pathOf(ApiPaths.activity, { id });
const bodyActivities = (id: string) => pathOf(ApiPaths.federationActivities, { id });
const attendeesOf = (id: string) => pathOf(ApiPaths.activityAttendees, { id });
const csvOf = (id: string) => pathOf(ApiPaths.activityAttendeesCsv, { id });
const checkInsOf = (id: string) => pathOf(ApiPaths.activityCheckIns, { id });
const checkInOf = (id: string, signupId: string) => pathOf(ApiPaths.activityCheckIn, { id, signupId });

function api(me: MeResponse = meAsChair) {
  return new FakeApi().on('GET', ApiPaths.me, ok(me));
}

/** jsdom's Blob has no text(); FileReader would drop the byte-order mark the test looks for. */
const blobBytes = (blob: Blob) =>
  new Promise<number[]>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Array.from(new Uint8Array(reader.result as ArrayBuffer)));
    reader.readAsArrayBuffer(blob);
  });

const managed = (fields: Partial<ActivityDetail> & Pick<ActivityDetail, 'id'>) => activityDetail({ canManage: true, ...fields });

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsChair.user));
});

describe('工作台: 活动管理', () => {
  it('is offered at her village (chair) and at the township (staff), and not to a county admin', async () => {
    api().on('GET', pathOf(ApiPaths.inbox, { id: VILLAGE }), ok([])).on('GET', pathOf(ApiPaths.inbox, { id: TOWNSHIP }), ok([]));
    const { unmount } = render(<WorkbenchPage />);

    await waitFor(() => expect(document.querySelectorAll('.manage-activities')).toHaveLength(2));
    const township = document.querySelector(`.inbox[data-federation="${TOWNSHIP}"]`)!;
    fireEvent.click(township.querySelector('.manage-activities')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/activities?federationId=${TOWNSHIP}` });
    unmount();

    const admin: MeResponse = { ...meAsChair, roles: [{ role: RoleKind.Admin, federationId: '211221', federationName: '铁岭县妇联' }] };
    api(admin).on('GET', pathOf(ApiPaths.inbox, { id: '211221' }), ok([]));
    render(<WorkbenchPage />);
    await screen.findByText('铁岭县妇联', { selector: '.inbox-body' });
    expect(document.querySelectorAll('.manage-activities')).toHaveLength(0);
  });

  it('lists the body’s activities, drafts included, each opening its form', async () => {
    api().on(
      'GET',
      bodyActivities(VILLAGE),
      ok([activitySummary({ id: 'd1', status: 'draft', title: '编织培训', seatsLeft: 0 }), activitySummary({ id: 'p1' })]),
    );
    setRouterParams({ federationId: VILLAGE });
    render(<ManageActivitiesPage />);

    await waitFor(() => expect(texts('.activity-title')).toEqual(['编织培训', '两癌免费筛查']));
    expect(texts('.activity-notice')).toEqual(['草稿，还没有发布']);
    expect(texts('.activity-seats')).toEqual(['共30个名额', '剩余3个名额']);
    // A draft has no list of names yet, nor anyone to check in.
    const [draft, published] = Array.from(document.querySelectorAll('.activity-item'));
    expect(draft.querySelectorAll('.open-attendees, .open-check-in')).toHaveLength(0);
    expect(texts('.open-attendees, .open-check-in', published)).toEqual(['报名名单', '签到']);

    fireEvent.click(draft.querySelector('.activity-tap')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/activity-edit?id=d1' });
    fireEvent.click(screen.getByText('新建活动'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/activity-edit?federationId=${VILLAGE}` });
  });
});

describe('新建活动 form', () => {
  function openNew() {
    setRouterParams({ federationId: VILLAGE });
    const fake = api().on('GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }), ok([summaryOf(yiluSite)]));
    render(<EditActivityPage />);
    return fake;
  }

  async function fillIn() {
    await typeInto('.activity-title-input', ' 两癌免费筛查 ');
    fireEvent.click(await option('category', '两癌筛查'));
    fireEvent.click(await option('site', '懿路村妇女微家'));
    await pick('.start-day', '2099-12-05');
    await pick('.start-time', '09:00');
    await pick('.end-day', '2099-12-05');
    await pick('.end-time', '11:30');
    await pick('.opens-day', '2099-11-20');
    await pick('.opens-time', '08:00');
    await pick('.closes-day', '2099-12-04');
    await pick('.closes-time', '18:00');
    await typeInto('.activity-capacity', '30');
    await typeInto('.activity-reserved', '5');
  }

  it('refuses an end before the start and more reserved places than places, before sending anything', async () => {
    const fake = openNew();
    await fillIn();
    await pick('.end-time', '08:30');
    await typeInto('.activity-reserved', '40');

    fireEvent.click(screen.getByText('保存草稿'));

    await waitFor(() => expect(texts('.form-error')).toEqual(['结束时间要晚于开始时间', '预留名额不能多于总名额']));
    expect(fake.callsTo('POST', bodyActivities(VILLAGE))).toHaveLength(0);
  });

  it('refuses a title over the limit and a place left out', async () => {
    const fake = openNew();
    await typeInto('.activity-title-input', '长'.repeat(61));
    fireEvent.click(await option('site', '其他地点'));
    fireEvent.click(screen.getByText('保存草稿'));

    await waitFor(() => expect(texts('.form-error')).toEqual(expect.arrayContaining(['活动名称最多 60 字，现在 61 字，请删短一些', '请选择活动地点，或填写地址', '请选择活动类别'])));
    expect(fake.callsTo('POST', bodyActivities(VILLAGE))).toHaveLength(0);
  });

  it('counts the title near its limit, keeps all she typed, and takes each message away as she puts it right', async () => {
    const fake = openNew().on('POST', bodyActivities(VILLAGE), ok(managed({ id: 'n1', status: 'draft' })));
    await fillIn();
    await typeInto('.activity-title-input', '长'.repeat(47));
    expect(document.querySelectorAll('.text-count')).toHaveLength(0);
    await typeInto('.activity-title-input', '长'.repeat(50));
    expect(texts('.text-count')).toEqual(['已写 50/60 字']);
    await typeInto('.activity-title-input', '长'.repeat(64));
    // Nothing is cut: all 64 stay in the field, the count turns red and says how much to take out.
    expect((document.querySelector('.activity-title-input') as HTMLInputElement).value).toHaveLength(64);
    expect(texts('.text-count-over')).toEqual(['已写 64/60 字，多了 4 字，请删短一些']);
    await typeInto('.activity-reserved', '40');

    fireEvent.click(screen.getByText('保存草稿'));
    await waitFor(() => expect(texts('.form-error')).toEqual(['活动名称最多 60 字，现在 64 字，请删短一些', '预留名额不能多于总名额']));
    expect(fake.callsTo('POST', bodyActivities(VILLAGE))).toHaveLength(0);

    // Each message goes as soon as its own field is right, before she presses anything again.
    await typeInto('.activity-title-input', '长'.repeat(60));
    await waitFor(() => expect(texts('.form-error')).toEqual(['预留名额不能多于总名额']));
    await typeInto('.activity-reserved', '5');
    await waitFor(() => expect(document.querySelectorAll('.form-error, .field-error')).toHaveLength(0));
    expect(fake.callsTo('POST', bodyActivities(VILLAGE))).toHaveLength(0);

    fireEvent.click(screen.getByText('保存草稿'));
    await waitFor(() => expect(fake.callsTo('POST', bodyActivities(VILLAGE))).toHaveLength(1));
    expect(fake.callsTo('POST', bodyActivities(VILLAGE))[0]!.data).toMatchObject({ title: '长'.repeat(60), reservedSeats: 5 });
  });

  it('saves a draft with the times in Asia/Shanghai, then publishes it', async () => {
    const draft = managed({ id: 'n1', status: 'draft' });
    const fake = openNew()
      .on('POST', bodyActivities(VILLAGE), ok(draft))
      .on('PATCH', activityPath('n1'), ok(draft))
      .on('POST', pathOf(ApiPaths.activityPublish, { id: 'n1' }), ok({ ...draft, status: 'published' }));
    await fillIn();

    fireEvent.click(screen.getByText('保存草稿'));
    await waitFor(() => expect(fake.callsTo('POST', bodyActivities(VILLAGE))).toHaveLength(1));
    expect(fake.callsTo('POST', bodyActivities(VILLAGE))[0].data).toEqual({
      title: '两癌免费筛查',
      description: '',
      category: ActivityCategory.Screening,
      siteId: 'site-yilu',
      address: null,
      latitude: null,
      longitude: null,
      startsAt: on('12-05T09:00:00'),
      endsAt: on('12-05T11:30:00'),
      signupOpensAt: on('11-20T08:00:00'),
      signupClosesAt: on('12-04T18:00:00'),
      capacity: 30,
      reservedSeats: 5,
      relativesAllowed: true,
    });
    await waitFor(() => expect(texts('.activity-status')).toEqual(['草稿']));

    // Saved once, the same form changes that draft instead of making another.
    fireEvent.click(screen.getByText('保存并发布'));
    await waitFor(() => expect(texts('.activity-status')).toEqual(['已发布']));
    expect(fake.callsTo('POST', bodyActivities(VILLAGE))).toHaveLength(1);
    expect(fake.callsTo('PATCH', activityPath('n1'))).toHaveLength(1);
    expect(fake.callsTo('POST', pathOf(ApiPaths.activityPublish, { id: 'n1' }))).toHaveLength(1);
    expect(texts('.save-activity')).toEqual(['保存修改']);
  });

  it('shows what only the server knows in its words', async () => {
    setRouterParams({ id: 'p1' });
    const fake = api()
      .on('GET', activityPath('p1'), ok(managed({ id: 'p1', confirmedCount: 27 })))
      .on('GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }), ok([summaryOf(yiluSite)]))
      .on('PATCH', activityPath('p1'), fail(409, ErrorCode.CapacityBelowTaken, '名额不能少于已经报名的人数'));
    render(<EditActivityPage />);

    await typeInto('.activity-capacity', '20');
    fireEvent.click(screen.getByText('保存修改'));

    await waitFor(() => expect(texts('.server-error-text')).toEqual(['名额不能少于已经报名的人数']));
    expect(fake.callsTo('PATCH', activityPath('p1'))[0].data).toMatchObject({ capacity: 20 });
  });

  it('keeps the activity’s own site chosen even when the body no longer lists it', async () => {
    setRouterParams({ id: 'p1' });
    const fake = api()
      .on('GET', activityPath('p1'), ok(managed({ id: 'p1', siteId: 'site-old', siteName: '老村部' })))
      .on('GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }), ok([summaryOf(yiluSite)]))
      .on('PATCH', activityPath('p1'), ok(managed({ id: 'p1' })));
    render(<EditActivityPage />);

    await waitFor(() => expect(texts('.site-option')).toEqual(['老村部', '懿路村妇女微家', '其他地点']));
    expect(texts('.site-option.choice-selected')).toEqual(['老村部']);
    fireEvent.click(screen.getByText('保存修改'));
    await waitFor(() => expect(fake.callsTo('PATCH', activityPath('p1'))).toHaveLength(1));
    expect(fake.callsTo('PATCH', activityPath('p1'))[0].data).toMatchObject({ siteId: 'site-old', address: null });
  });

  it('calls an activity off only with a reason', async () => {
    setRouterParams({ id: 'p1' });
    const fake = api()
      .on('GET', activityPath('p1'), ok(managed({ id: 'p1' })))
      .on('GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }), ok([]))
      .on('POST', pathOf(ApiPaths.activityCancel, { id: 'p1' }), ok(managed({ id: 'p1', status: 'cancelled', cancelReason: '下大雪，改期' })));
    render(<EditActivityPage />);

    fireEvent.click(await screen.findByText('取消这个活动'));
    await screen.findByText('请写一写为什么取消，报了名的人会收到这句话');
    expect(fake.callsTo('POST', pathOf(ApiPaths.activityCancel, { id: 'p1' }))).toHaveLength(0);

    await typeInto('.cancel-reason', '下大雪，改期');
    fireEvent.click(screen.getByText('取消这个活动'));
    await waitFor(() => expect(texts('.activity-status')).toEqual(['已取消']));
    expect(fake.callsTo('POST', pathOf(ApiPaths.activityCancel, { id: 'p1' }))[0].data).toEqual({ reason: '下大雪，改期' });
    expect(texts('.activity-locked')).toEqual(['活动已取消，不能再修改。']);
  });
});

describe('报名名单', () => {
  const lists = {
    confirmed: [
      attendee({ signupId: 's1', name: '王秀英', checkedInAt: on('12-05T08:50:00') }),
      attendee({ signupId: 's2', name: '张桂英', kind: 'relative', phone: '139****1111' }),
    ],
    waitlisted: [attendee({ signupId: 's3', name: '李淑珍', state: 'waitlisted', waitlistPosition: 1, phone: '137****2222' })],
    checkedIn: 1,
  };

  function openAttendees(activity = managed({ id: 'p1', reservedSeats: 3, reservedTaken: 1 })) {
    setRouterParams({ id: 'p1' });
    const fake = api().on('GET', activityPath('p1'), ok(activity)).on('GET', attendeesOf('p1'), ok(lists));
    render(<AttendeesPage />);
    return fake;
  }

  it('lists who has a seat and who waits, with masked phones, and how many have come', async () => {
    openAttendees();

    await waitFor(() => expect(texts('.attendee-count')).toEqual(['已签到 1 人 / 报名 2 人']));
    expect(texts('.confirmed-list .attendee-name')).toEqual(['王秀英', '张桂英']);
    expect(texts('.confirmed-list .attendee-phone')).toEqual(['138****5678', '139****1111']);
    expect(texts('.confirmed-list .attendee-checked-in')).toEqual(['已签到']);
    expect(texts('.waitlist .attendee-name')).toEqual(['第1位 李淑珍']);
    expect(texts('.reserved-left')).toEqual(['预留名额共3个，还剩2个']);
  });

  it('adds a woman to a reserved place only once her consent is confirmed', async () => {
    const fake = openAttendees().on(
      'POST',
      attendeesOf('p1'),
      ok(signupView({ id: 's9', activityId: 'p1', kind: 'reserved', attendeeName: '赵玉兰' })),
    );
    await typeInto('.reserved-name', '赵玉兰');
    await typeInto('.reserved-phone', '13600003333');

    fireEvent.click(screen.getByText('为她报名'));
    await screen.findByText('请先确认她已同意登记她的姓名和电话');
    expect(fake.callsTo('POST', attendeesOf('p1'))).toHaveLength(0);

    fireEvent.click(await option('consent', '她已同意'));
    fireEvent.click(screen.getByText('为她报名'));
    await screen.findByText('已为赵玉兰报名');
    expect(fake.callsTo('POST', attendeesOf('p1')).map((call) => call.data)).toEqual([
      { name: '赵玉兰', phone: '13600003333', consentRecorded: true },
    ]);
  });

  it('downloads the list as CSV, with full phones only after she confirms', async () => {
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        created.push(blob);
        return 'blob:list';
      }),
      revokeObjectURL: jest.fn(),
    });
    const fake = openAttendees().on('GET', csvOf('p1'), ok('姓名,电话\n王秀英,138****5678\n'));

    fireEvent.click(await screen.findByText('下载名单（电话隐去中间四位）'));
    await waitFor(() => expect(created).toHaveLength(1));
    // Starts with the UTF-8 byte-order mark, so that Excel reads the Chinese names correctly.
    const bytes = await blobBytes(created[0]);
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeURIComponent(bytes.slice(3).map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''))).toBe(
      '姓名,电话\n王秀英,138****5678\n',
    );
    expect(fake.callsTo('GET', csvOf('p1')).map(queryOf)).toEqual([{}]);
    expect(taro.showModal).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('下载名单（完整电话）'));
    await waitFor(() => expect(created).toHaveLength(2));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '导出完整电话？' }));
    expect(fake.callsTo('GET', csvOf('p1')).map(queryOf)).toEqual([{}, { phones: 'full' }]);
  });
});

describe('签到 in the browser', () => {
  function openCheckIn() {
    setRouterParams({ id: 'p1' });
    const fake = api().on('GET', activityPath('p1'), ok(managed({ id: 'p1' })));
    render(<CheckInPage />);
    return fake;
  }

  it('checks her in by her six digits and says who, large and green', async () => {
    const fake = openCheckIn().on('POST', checkInsOf('p1'), ok({ signupId: 's2', name: '张桂英', checkedInAt: on('12-05T08:52:00') }));
    // No camera scanner in the browser: the digits are the way.
    await screen.findByText('输入6位签到码');
    expect(document.querySelectorAll('.scan-check-in')).toHaveLength(0);
    // Nor is she asked to show a QR code the browser cannot scan.
    expect(texts('.check-in-how')).toEqual(['在下面的名单里找到她，点“签到”；也可以输入她报出的6位签到码。']);

    await typeInto('.short-code-input', '482913');
    fireEvent.click(screen.getByText('签到', { selector: '.submit-short-code' }));

    await waitFor(() => expect(texts('.outcome-ok .check-in-outcome-text')).toEqual(['签到成功：张桂英']));
    expect(fake.callsTo('POST', checkInsOf('p1')).map((call) => call.data)).toEqual([{ code: '482913' }]);
    expect(texts('.arrived-name')).toEqual(['张桂英']);
  });

  it.each([
    [409, ErrorCode.AlreadyCheckedIn, '她已经签到过了，不用再签'],
    [422, ErrorCode.CheckInWrongActivity, '这是别的活动的签到码，不是本次活动的'],
    [422, ErrorCode.CheckInSignupCancelled, '这条报名已经取消，不能签到'],
    [422, ErrorCode.CheckInCodeInvalid, '签到码不对，请让她打开“我的报名”再核对一下'],
    [422, ErrorCode.CheckInNotNow, '现在不在签到时间内（活动开始前3小时到结束后3小时）'],
  ])('shows the server’s reason in red (%i %s)', async (status, code, message) => {
    openCheckIn().on('POST', checkInsOf('p1'), fail(status, code, message));

    await typeInto('.short-code-input', '000001');
    fireEvent.click(screen.getByText('签到', { selector: '.submit-short-code' }));

    await waitFor(() => expect(texts('.outcome-failed .check-in-outcome-text')).toEqual([message]));
    expect(document.querySelectorAll('.outcome-ok, .arrived-name')).toHaveLength(0);
  });

  it('takes back a check-in tapped on the wrong name, once she confirms', async () => {
    // The list as the server keeps it: 张桂英 was checked in by mistake, 李秀兰 has not come yet.
    let checkedIn = true;
    const list = () =>
      ok({
        confirmed: [
          attendee({ signupId: 's1', name: '张桂英', number: 1, checkedInAt: checkedIn ? on('12-05T08:50:00') : null }),
          attendee({ signupId: 's2', name: '李秀兰', number: 2 }),
        ],
        waitlisted: [],
        checkedIn: checkedIn ? 1 : 0,
      });
    const fake = openCheckIn()
      .on('GET', attendeesOf('p1'), list)
      .on('DELETE', checkInOf('p1', 's1'), () => {
        checkedIn = false;
        return ok({ signupId: 's1', name: '张桂英', number: 1, undone: true });
      });

    await waitFor(() => expect(texts('.attendee-checked-in')).toEqual(['✓ 已签到']));
    // She thinks better of it at the question: nothing is sent, the tick stays.
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('撤销签到'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销签到？', content: expect.stringContaining('张桂英') })));
    expect(fake.callsTo('DELETE', checkInOf('p1', 's1'))).toHaveLength(0);
    expect(texts('.attendee-checked-in')).toEqual(['✓ 已签到']);

    fireEvent.click(screen.getByText('撤销签到'));
    await waitFor(() => expect(texts('.outcome-ok .check-in-outcome-text')).toEqual(['已撤销签到：张桂英']));
    expect(fake.callsTo('DELETE', checkInOf('p1', 's1'))).toHaveLength(1);
    // The list is read again: she is back to a 签到 button, and no one shows as arrived.
    await waitFor(() => expect(texts('.check-in-by-name-button')).toEqual(['签到：张桂英', '签到：李秀兰']));
    expect(document.querySelectorAll('.attendee-checked-in, .undo-check-in')).toHaveLength(0);
  });

  it('asks for six digits before sending anything', async () => {
    const fake = openCheckIn();
    await typeInto('.short-code-input', '48291');
    fireEvent.click(screen.getByText('签到', { selector: '.submit-short-code' }));

    await waitFor(() => expect(texts('.outcome-failed .check-in-outcome-text')).toEqual(['请输入6位数字签到码']));
    expect(fake.callsTo('POST', checkInsOf('p1'))).toHaveLength(0);
  });
});

describe('the chair’s short forms: messages go as she corrects, nothing is cut', () => {
  it('counts a cancel reason that is too long, sends nothing, and lets her call it off once it is shorter', async () => {
    setRouterParams({ id: 'p1' });
    const cancelPath = pathOf(ApiPaths.activityCancel, { id: 'p1' });
    const fake = api()
      .on('GET', activityPath('p1'), ok(managed({ id: 'p1' })))
      .on('GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }), ok([]))
      .on('POST', cancelPath, ok(managed({ id: 'p1', status: 'cancelled', cancelReason: '下大雪，改期' })));
    render(<EditActivityPage />);

    fireEvent.click(await screen.findByText('取消这个活动'));
    await screen.findByText('请写一写为什么取消，报了名的人会收到这句话');
    await typeInto('.cancel-reason', '雪'.repeat(250));
    // The first message goes as soon as she writes; the one for the new problem takes its place.
    await screen.findByText('取消原因最多 200 字，现在 250 字，请删短一些');
    expect(screen.queryByText('请写一写为什么取消，报了名的人会收到这句话')).toBeNull();
    expect(texts('.text-count-over')).toEqual(['已写 250/200 字，多了 50 字，请删短一些']);
    expect(document.querySelector<HTMLTextAreaElement>('.cancel-reason textarea')!.value).toHaveLength(250);
    fireEvent.click(screen.getByText('取消这个活动'));
    expect(taro.showModal).not.toHaveBeenCalled();
    expect(fake.callsTo('POST', cancelPath)).toHaveLength(0);

    await typeInto('.cancel-reason', '下大雪，改期');
    await waitFor(() => expect(screen.queryByText(/取消原因最多/)).toBeNull());
    fireEvent.click(screen.getByText('取消这个活动'));
    await waitFor(() => expect(fake.callsTo('POST', cancelPath).map((call) => call.data)).toEqual([{ reason: '下大雪，改期' }]));
  });

  it('for a reserved place, drops the consent message once she confirms, and counts a name too long instead of cutting it', async () => {
    setRouterParams({ id: 'p1' });
    const fake = api()
      .on('GET', activityPath('p1'), ok(managed({ id: 'p1', reservedSeats: 3, reservedTaken: 1 })))
      .on('GET', attendeesOf('p1'), ok({ confirmed: [], waitlisted: [], checkedIn: 0 }));
    render(<AttendeesPage />);

    await typeInto('.reserved-name', '赵'.repeat(41));
    await typeInto('.reserved-phone', '13600003333');
    fireEvent.click(screen.getByText('为她报名'));
    await waitFor(() =>
      expect(texts('.reserved-form .field-error')).toEqual(['姓名最多 40 字，现在 41 字，请删短一些', '请先确认她已同意登记她的姓名和电话']),
    );
    expect(document.querySelector<HTMLInputElement>('.reserved-name input')!.value).toHaveLength(41);
    expect(fake.callsTo('POST', attendeesOf('p1'))).toHaveLength(0);

    fireEvent.click(await option('consent', '她已同意'));
    await waitFor(() => expect(texts('.reserved-form .field-error')).toEqual(['姓名最多 40 字，现在 41 字，请删短一些']));
    await typeInto('.reserved-name', '赵玉兰');
    await waitFor(() => expect(texts('.reserved-form .field-error')).toEqual([]));
  });
});
