import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import qrcode from 'qrcode-generator';
import { ActivityCategory, ApiPaths, ErrorCode, pathOf, PHONE_MESSAGE, type ActivityDetail } from '@wfh/shared';
import ActivityDetailPage from '../src/packages/activities/detail';
import MySignupsPage from '../src/packages/activities/mine';
import { QR_ERROR_CORRECTION } from '../src/components/QrCode';
import ActivitiesTab from '../src/pages/activities/index';
import { keptWithSession, startSession } from '../src/api/session';
import { signOut } from '../src/api';
import { LOCATION_CHOICE_KEY } from '../src/hooks/useLocation';
import { formatActivitySpan, formatActivityTime } from '../src/utils/time';
import { activityDetail, activitySummary, mySignup, on, signupView, TOKEN } from './support/activities';
import { texts, typeInto } from './support/dom';
import { FakeApi, fail, ok, queryOf } from './support/fake-api';
import { meWithHome, meWithoutHome, tokensFor, villager } from './support/fixtures';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const HOME = '211221100201';
const activityPath = (id: string) => pathOf(ApiPaths.activity, { id });
const signupsOf = (id: string) => pathOf(ApiPaths.activitySignups, { id });
const cancelOf = (id: string) => pathOf(ApiPaths.signupCancel, { id });
const offline = () => Promise.reject({ errMsg: 'request:fail' });

function api() {
  return new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
}

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(villager));
});

describe('times in plain words', () => {
  const now = Date.parse('2026-06-01T00:00:00+08:00');

  it('says the day, the weekday and the time of day as people say it', () => {
    expect(formatActivityTime('2026-12-05T09:00:00+08:00', now)).toBe('12月5日（周六）上午9:00');
    expect(formatActivityTime('2026-12-05T12:30:00+08:00', now)).toBe('12月5日（周六）中午12:30');
    expect(formatActivityTime('2026-12-05T14:05:00+08:00', now)).toBe('12月5日（周六）下午2:05');
    expect(formatActivityTime('2026-12-05T19:00:00+08:00', now)).toBe('12月5日（周六）晚上7:00');
    expect(formatActivityTime('2027-01-09T09:00:00+08:00', now)).toBe('2027年1月9日（周六）上午9:00');
  });

  it('gives the end time alone on the same day, and the whole date when it runs over', () => {
    expect(formatActivitySpan('2026-12-05T09:00:00+08:00', '2026-12-05T11:30:00+08:00', now)).toBe('12月5日（周六）上午9:00–上午11:30');
    expect(formatActivitySpan('2026-12-05T09:00:00+08:00', '2026-12-06T16:00:00+08:00', now)).toBe(
      '12月5日（周六）上午9:00 至 12月6日（周日）下午4:00',
    );
  });
});

describe('活动 tab', () => {
  const list = [
    activitySummary({ id: 'a1', seatsLeft: 3 }),
    activitySummary({ id: 'a2', title: '防范电信诈骗讲座', category: ActivityCategory.LegalTalk, seatsLeft: 0, waitlistLength: 5, siteId: null, siteName: null, address: '凡河镇文化站' }),
    activitySummary({ id: 'a3', title: '亲子阅读', category: ActivityCategory.Parenting, signupWindow: 'not_yet', signupOpensAt: on('12-01T08:00:00') }),
    activitySummary({ id: 'a4', title: '广场舞比赛', category: ActivityCategory.Culture, status: 'cancelled' }),
  ];

  it('shows the activities of her village and township: time, place, seats, and why one cannot be joined', async () => {
    const fake = api().on('GET', ApiPaths.activities, ok(list));
    render(<ActivitiesTab />);

    await waitFor(() => expect(document.querySelectorAll('.activity-item')).toHaveLength(4));
    expect(fake.callsTo('GET', ApiPaths.activities).map(queryOf)).toEqual([{ federationId: HOME }]);
    expect(texts('.activity-title')).toEqual(['两癌免费筛查', '防范电信诈骗讲座', '亲子阅读', '广场舞比赛']);
    expect(texts('.tag-category')).toEqual(['两癌筛查', '法律讲座', '家庭教育', '文体活动']);
    expect(texts('.activity-item .activity-time')[0]).toBe('2099年12月5日（周六）上午9:00');
    expect(texts('.activity-place')).toEqual(['懿路村妇女之家', '凡河镇文化站', '懿路村妇女之家', '懿路村妇女之家']);
    // A cancelled one has no seats to speak of.
    expect(texts('.activity-seats')).toEqual(['剩余3个名额', '名额已满，候补5人', '剩余3个名额']);
    const notices = Array.from(document.querySelectorAll('.activity-item')).map((item) => texts('.activity-notice', item));
    expect(notices).toEqual([[], [], ['2099年12月1日（周二）上午8:00开始报名'], ['活动已取消']]);
    // Without a position there is no distance to show.
    expect(document.querySelectorAll('.place-distance')).toHaveLength(0);

    fireEvent.click(document.querySelectorAll('.activity-tap')[1]);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activities/detail?id=a2' });
    fireEvent.click(screen.getByText('我的报名'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activities/mine' });
  });

  it('filters by category, and 全部 shows everything again', async () => {
    const fake = api()
      .on('GET', `${ApiPaths.activities}?federationId=${HOME}`, ok(list))
      .on('GET', `${ApiPaths.activities}?federationId=${HOME}&category=legal_talk`, ok([list[1]]));
    render(<ActivitiesTab />);
    await waitFor(() => expect(document.querySelectorAll('.activity-item')).toHaveLength(4));

    fireEvent.click(screen.getByText('法律讲座', { selector: '.chip' }));
    await waitFor(() => expect(texts('.activity-title')).toEqual(['防范电信诈骗讲座']));
    expect(texts('.chip-selected')).toEqual(['法律讲座']);

    fireEvent.click(screen.getByText('全部', { selector: '.chip' }));
    await waitFor(() => expect(document.querySelectorAll('.activity-item')).toHaveLength(4));
    expect(fake.callsTo('GET', ApiPaths.activities).map((call) => queryOf(call).category)).toEqual([undefined, 'legal_talk', undefined]);
  });

  it('looks near her, nearest first with distances, when she allowed her location before', async () => {
    taroStorage.set(LOCATION_CHOICE_KEY, 'allowed');
    taro.getLocation.mockImplementation(() => Promise.resolve({ latitude: 42.2223, longitude: 123.7226 }));
    const fake = api().on('GET', ApiPaths.activities, ok([activitySummary({ id: 'a1', distanceMetres: 850 })]));
    render(<ActivitiesTab />);

    await waitFor(() => expect(texts('.place-distance')).toEqual(['850米']));
    const [query] = fake.callsTo('GET', ApiPaths.activities).map(queryOf);
    expect(query.latitude).toMatch(/^42\.22\d$/);
    expect(query.federationId).toBeUndefined();
    expect(screen.getByText('离您最近的活动')).toBeTruthy();
  });

  it('asks her to choose her village when it knows neither where she is nor where she lives', async () => {
    const fake = new FakeApi().on('GET', ApiPaths.me, ok(meWithoutHome));
    render(<ActivitiesTab />);

    fireEvent.click(await screen.findByText('选择我的村（社区）'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/places/choose-village' });
    expect(fake.callsTo('GET', ApiPaths.activities)).toHaveLength(0);
  });
});

describe('活动详情: signing up', () => {
  function openDetail(activity: ActivityDetail, ...after: ActivityDetail[]) {
    setRouterParams({ id: activity.id });
    const fake = api().on('GET', activityPath(activity.id), ok(activity), ...after.map(ok));
    render(<ActivityDetailPage />);
    return fake;
  }

  it('signs her up and says so when there is a seat', async () => {
    const seat = signupView({ id: 's1', state: 'confirmed', checkInToken: TOKEN, shortCode: '482913' });
    const fake = openDetail(activityDetail({ id: 'a1' }), activityDetail({ id: 'a1', seatsLeft: 2, mySignups: [seat] }));
    fake.on('POST', signupsOf('a1'), ok(seat));

    await screen.findByText('剩余3个名额');
    expect(texts('.signup-window')).toEqual(['正在报名，2099年12月4日（周五）晚上6:00截止']);
    fireEvent.click(screen.getByText('报名', { selector: '.sign-up' }));

    await waitFor(() => expect(texts('.signup-outcome-text')).toEqual(['报名成功']));
    expect(fake.callsTo('POST', signupsOf('a1')).map((call) => call.data)).toEqual([{}]);
    await waitFor(() => expect(texts('.held-seat-state')).toEqual(['报名成功']));
    expect(texts('.activity-seats')).toEqual(['剩余2个名额']);
    expect(document.querySelectorAll('.sign-up')).toHaveLength(0);
    expect(texts('.cancel-signup')).toEqual(['取消报名']);
  });

  it('offers the waiting list when it is full, and tells her her place in it', async () => {
    const waiting = signupView({ id: 's2', state: 'waitlisted', waitlistPosition: 6 });
    const full = activityDetail({ id: 'a1', seatsLeft: 0, waitlistLength: 5 });
    const fake = openDetail(full, { ...full, waitlistLength: 6, mySignups: [waiting] });
    fake.on('POST', signupsOf('a1'), ok(waiting));

    await screen.findByText('名额已满，候补5人');
    fireEvent.click(screen.getByText('加入候补'));

    await waitFor(() => expect(texts('.signup-outcome-text')).toEqual(['您是候补第6位']));
    await waitFor(() => expect(texts('.cancel-signup')).toEqual(['退出候补']));
    expect(texts('.held-seat-state')).toEqual(['您是候补第6位']);
  });

  it('gives her seat back after she confirms, and she may sign up again', async () => {
    const seat = signupView({ id: 's1', state: 'confirmed' });
    const fake = openDetail(activityDetail({ id: 'a1', seatsLeft: 0, mySignups: [seat] }), activityDetail({ id: 'a1', seatsLeft: 1 }));
    fake.on('POST', cancelOf('s1'), ok({ ...seat, state: 'cancelled' }));

    fireEvent.click(await screen.findByText('取消报名'));

    await waitFor(() => expect(texts('.signup-outcome-text')).toEqual(['已取消报名']));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消报名？' }));
    expect(fake.callsTo('POST', cancelOf('s1'))).toHaveLength(1);
    await waitFor(() => expect(texts('.sign-up')).toEqual(['报名']));
    expect(document.querySelectorAll('.held-seat')).toHaveLength(0);
  });

  it('keeps her seat when she changes her mind at the question', async () => {
    const seat = signupView({ id: 's1', state: 'confirmed' });
    const fake = openDetail(activityDetail({ id: 'a1', mySignups: [seat] }));
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });

    fireEvent.click(await screen.findByText('取消报名'));

    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(fake.callsTo('POST', cancelOf('s1'))).toHaveLength(0);
    expect(texts('.held-seat-state')).toEqual(['报名成功']);
  });

  it('shows the server’s reason plainly when sign-up is refused', async () => {
    const fake = openDetail(activityDetail({ id: 'a1' }));
    fake.on('POST', signupsOf('a1'), fail(409, ErrorCode.SignupClosed, '报名已经结束了'));

    fireEvent.click(await screen.findByText('报名', { selector: '.sign-up' }));

    await waitFor(() => expect(texts('.server-error-text')).toEqual(['报名已经结束了']));
    expect(document.querySelectorAll('.signup-outcome')).toHaveLength(0);
  });

  it('checks a relative’s name and phone before sending, then signs her up', async () => {
    const relative = signupView({ id: 's3', kind: 'relative', attendeeName: '张桂英' });
    const fake = openDetail(activityDetail({ id: 'a1' }), activityDetail({ id: 'a1', mySignups: [relative] }));
    fake.on('POST', signupsOf('a1'), ok(relative));

    fireEvent.click(await screen.findByText('为家人报名'));
    fireEvent.click(screen.getByText('为她报名'));
    await waitFor(() => expect(texts('.form-error')).toEqual(['请填写她的姓名', '请填写她的电话']));

    await typeInto('.relative-name', '张桂英');
    await typeInto('.relative-phone', '12');
    fireEvent.click(screen.getByText('为她报名'));
    await waitFor(() => expect(texts('.form-error')).toEqual([PHONE_MESSAGE]));
    expect(fake.callsTo('POST', signupsOf('a1'))).toHaveLength(0);

    // The message goes as she puts the number right, before she presses again.
    await typeInto('.relative-phone', '13900001111');
    await waitFor(() => expect(texts('.form-error, .field-error')).toEqual([]));
    fireEvent.click(screen.getByText('为她报名'));
    await waitFor(() => expect(texts('.signup-outcome-text')).toEqual(['张桂英 报名成功']));
    expect(fake.callsTo('POST', signupsOf('a1')).map((call) => call.data)).toEqual([
      { attendee: { name: '张桂英', phone: '13900001111' } },
    ]);
    await waitFor(() => expect(texts('.held-seat-who')).toEqual(['张桂英']));
  });

  it('counts a relative’s name that is too long instead of cutting it, and sends nothing until it fits', async () => {
    const fake = openDetail(activityDetail({ id: 'a1' }));
    fireEvent.click(await screen.findByText('为家人报名'));
    await typeInto('.relative-name', '张'.repeat(42));
    await typeInto('.relative-phone', '13900001111');

    expect(document.querySelector<HTMLInputElement>('.relative-name input')!.value).toHaveLength(42);
    expect(texts('.text-count-over')).toEqual(['已写 42/40 字，多了 2 字，请删短一些']);
    fireEvent.click(screen.getByText('为她报名'));
    await waitFor(() => expect(texts('.form-error')).toEqual(['姓名最多 40 字，现在 42 字，请删短一些']));
    expect(fake.callsTo('POST', signupsOf('a1'))).toHaveLength(0);

    await typeInto('.relative-name', '张桂英');
    await waitFor(() => expect(texts('.form-error')).toEqual([]));
  });

  it('offers no sign-up before the window opens, and no relatives where the activity is for herself only', async () => {
    openDetail(activityDetail({ id: 'a1', signupWindow: 'not_yet', signupOpensAt: on('12-01T08:00:00'), relativesAllowed: false }));

    await waitFor(() => expect(texts('.signup-window')).toEqual(['2099年12月1日（周二）上午8:00开始报名']));
    expect(document.querySelectorAll('.sign-up, .open-relative-form')).toHaveLength(0);
  });

  it('offers the map apps for directions to where it is held, and its address to copy', async () => {
    openDetail(activityDetail({ id: 'a1' }));
    fireEvent.click(await screen.findByText('导航到这里'));
    expect(texts('.map-link')).toEqual(['腾讯地图', '高德地图', '百度地图']);
    const amap = new URL(document.querySelector<HTMLAnchorElement>('.map-link-amap')!.href).searchParams;
    expect([amap.get('position'), amap.get('name')]).toEqual(['123.735000,42.224000', '懿路村妇女之家']);
    expect(texts('.map-address')).toEqual(['地址：新台子镇懿路村村委会二楼']);
  });
});

describe('我的报名', () => {
  const confirmed = mySignup({ id: 's1', state: 'confirmed', checkInToken: TOKEN, shortCode: '482913' });
  const waiting = mySignup({
    id: 's2',
    activityId: 'a2',
    state: 'waitlisted',
    waitlistPosition: 2,
    activity: activitySummary({ id: 'a2', title: '防范电信诈骗讲座', startsAt: on('12-10T14:00:00'), endsAt: on('12-10T16:00:00') }),
  });

  /** The grid as drawn: which modules of each row are dark, read back from the views' widths. */
  function drawnMatrix(): boolean[][] {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('.qr-row'));
    const size = rows.length;
    const modules = (percent: string) => Math.round((parseFloat(percent) * size) / 100);
    return rows.map((row) => {
      const cells = new Array<boolean>(size).fill(false);
      let col = 0;
      for (const run of Array.from(row.querySelectorAll<HTMLElement>('.qr-dark'))) {
        col += modules(run.style.marginLeft);
        const length = modules(run.style.width);
        for (let i = 0; i < length; i++) cells[col + i] = true;
        col += length;
      }
      return cells;
    });
  }

  function libraryMatrix(token: string): boolean[][] {
    const qr = qrcode(0, QR_ERROR_CORRECTION);
    qr.addData(token);
    qr.make();
    const size = qr.getModuleCount();
    return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
  }

  it('shows a confirmed seat’s QR code, drawn from its token, and the six digits large', async () => {
    api().on('GET', ApiPaths.mySignups, ok([waiting, confirmed]));
    render(<MySignupsPage />);

    await waitFor(() => expect(document.querySelectorAll('.signup-item')).toHaveLength(2));
    // Soonest first.
    expect(texts('.signup-activity')).toEqual(['两癌免费筛查', '防范电信诈骗讲座']);
    expect(texts('.signup-state')).toEqual(['报名成功', '您是候补第2位']);
    expect(document.querySelectorAll('.check-in-code')).toHaveLength(1);
    expect(texts('.short-code')).toEqual(['482 913']);

    const expected = libraryMatrix(TOKEN);
    expect(document.querySelectorAll('.qr-row')).toHaveLength(expected.length);
    expect(drawnMatrix()).toEqual(expected);
    // Another token draws another code: the grid really is this token's.
    expect(libraryMatrix(`${TOKEN}x`)).not.toEqual(expected);
  });

  it('shows the last list kept on the phone when the network fails, QR code included', async () => {
    const fake = api().on('GET', ApiPaths.mySignups, ok([confirmed]), offline);
    const first = render(<MySignupsPage />);
    await waitFor(() => expect(texts('.short-code')).toEqual(['482 913']));
    first.unmount();

    render(<MySignupsPage />);

    await screen.findByText('网络不好，显示的是上次的报名信息');
    expect(fake.callsTo('GET', ApiPaths.mySignups)).toHaveLength(2);
    expect(texts('.short-code')).toEqual(['482 913']);
    expect(drawnMatrix()).toEqual(libraryMatrix(TOKEN));
    // Nothing asks the server who she is first, and no toast covers the code.
    expect(fake.callsTo('GET', ApiPaths.me)).toHaveLength(0);
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('says it could not load when there is nothing kept to show', async () => {
    api().on('GET', ApiPaths.mySignups, offline);
    render(<MySignupsPage />);

    await screen.findByText('网络不太好，请稍后再试');
    expect(document.querySelectorAll('.signup-item, .kept-notice')).toHaveLength(0);
  });

  it('forgets the kept list when she signs out, so the next person on the phone never sees it', async () => {
    api().on('GET', ApiPaths.mySignups, ok([confirmed]));
    render(<MySignupsPage />);
    await waitFor(() => expect(texts('.short-code')).toEqual(['482 913']));
    expect(keptWithSession('mySignups')).not.toBeNull();

    act(() => signOut());

    expect(keptWithSession('mySignups')).toBeNull();
    await waitFor(() => expect(document.querySelectorAll('.signup-item')).toHaveLength(0));
  });

  it('shows no code for a seat already used or an activity called off', async () => {
    const checkedIn = { ...confirmed, checkedInAt: on('12-05T08:55:00') };
    const calledOff = mySignup({
      id: 's3',
      activityId: 'a3',
      checkInToken: TOKEN,
      shortCode: '111111',
      activity: activitySummary({ id: 'a3', status: 'cancelled', title: '广场舞比赛' }),
    });
    api().on('GET', ApiPaths.mySignups, ok([checkedIn, calledOff]));
    render(<MySignupsPage />);

    await waitFor(() => expect(document.querySelectorAll('.signup-item')).toHaveLength(2));
    expect(texts('.signup-state')).toEqual(['已签到（2099年12月5日 08:55）', '活动已取消']);
    expect(document.querySelectorAll('.check-in-code')).toHaveLength(0);
  });
});

describe('the detail page and her sign-ups stay in step', () => {
  it('links a confirmed seat to 我的报名 for its QR code', async () => {
    const seat = signupView({ id: 's1', state: 'confirmed' });
    setRouterParams({ id: 'a1' });
    api().on('GET', activityPath('a1'), ok(activityDetail({ id: 'a1', mySignups: [seat] })));
    render(<ActivityDetailPage />);

    fireEvent.click(await screen.findByText('查看签到二维码'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activities/mine' });
  });

  it('loads her own view of the activity (her token sent) once she is known', async () => {
    setRouterParams({ id: 'a1' });
    const fake = api().on('GET', activityPath('a1'), ok(activityDetail({ id: 'a1' })));
    render(<ActivityDetailPage />);

    await screen.findByText('剩余3个名额');
    const calls = fake.callsTo('GET', activityPath('a1'));
    expect(calls).toHaveLength(1);
    expect(calls[0].header?.Authorization).toBe('Bearer access-1');
  });
});
