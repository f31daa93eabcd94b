import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, ERROR_MESSAGES, ErrorCode, pathOf, RegionLevel, RoleKind, ServiceCategoryKey, type BodyStats, type MeResponse, type SubtreeStats } from '@wfh/shared';
import DashboardPage from '../src/packages/dashboard/index';
import BodyInboxPage from '../src/packages/dashboard/inbox';
import VillageStatsPage from '../src/packages/dashboard/village';
import WorkbenchPage from '../src/packages/workbench/index';
import { startSession } from '../src/api/session';
import { shanghaiDay } from '../src/utils/time';
import { pick, texts } from './support/dom';
import { fail, FakeApi, ok, queryOf } from './support/fake-api';
import { tokensFor, yiluVillage } from './support/fixtures';
import { summary, year } from './support/requests';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const TOWNSHIP = '211221100';

const meAsStaff: MeResponse = {
  user: { id: 'u-staff', displayName: '张秀梅', nameListed: false, homeFederationId: null, isDemo: true },
  roles: [{ role: RoleKind.Staff, federationId: TOWNSHIP, federationName: '新台子镇妇联' }],
  home: null,
};

function body(fields: Partial<BodyStats> & Pick<BodyStats, 'federationId' | 'name'>): BodyStats {
  return {
    level: RegionLevel.Village,
    received: 0,
    firstResponseMedianMinutes: null,
    firstResponseP90Minutes: null,
    resolutionMedianMinutes: null,
    resolutionP90Minutes: null,
    answeredWithinDeadline: null,
    resolvedWithinDeadline: null,
    overdueNow: 0,
    escalations: 0,
    satisfaction: null,
    benefit: null,
    awareness: null,
    participation: null,
    womenSignedIn: 0,
    womenRegistered: null,
    activitiesHeld: 0,
    ...fields,
  };
}

const today = shanghaiDay();
const thisYear = { from: `${year}-01-01`, to: today };
const DAY_MS = 24 * 3600_000;
const last30Days = { from: new Date(Date.parse(`${today}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10), to: today };

function subtree(fields: Partial<SubtreeStats> = {}): SubtreeStats {
  return {
    range: last30Days,
    total: body({
      federationId: TOWNSHIP,
      name: '新台子镇妇联',
      level: RegionLevel.Township,
      received: 42,
      overdueNow: 3,
      firstResponseMedianMinutes: 155,
      answeredWithinDeadline: 0.857,
      resolutionMedianMinutes: 1350,
      resolvedWithinDeadline: 0.5,
      awareness: null,
      participation: 0.25,
      satisfaction: 1,
      benefit: 0.996,
    }),
    children: [],
    weeks: [],
    categories: [],
    generatedAt: new Date().toISOString(),
    ...fields,
  };
}

const statsOf = pathOf(ApiPaths.federationStats, { id: TOWNSHIP });
const csvOf = pathOf(ApiPaths.federationStatsCsv, { id: TOWNSHIP });

function api(stats: SubtreeStats = subtree()) {
  return new FakeApi().on('GET', ApiPaths.me, ok(meAsStaff)).on('GET', statsOf, ok(stats));
}

const valueOf = (metric: string) => document.querySelector(`.metric-${metric} .metric-value`)?.textContent;

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsStaff.user));
  setRouterParams({});
});

describe('工作看板', () => {
  it('opens on the last 30 days for her township, with times in working hours, rates in percent and 暂无 for nothing', async () => {
    const fake = api();
    render(<DashboardPage />);

    await waitFor(() => expect(valueOf('overdue')).toBe('3件'));
    expect(valueOf('first-response')).toBe('约2.5个工作小时');
    expect(valueOf('on-time')).toBe('86%');
    expect(valueOf('resolution')).toBe('3个工作日');
    expect(valueOf('resolved-on-time')).toBe('50%');
    expect(valueOf('awareness')).toBe('暂无');
    expect(valueOf('participation')).toBe('25%');
    expect(valueOf('satisfaction')).toBe('100%');
    // Not all of them: never rounded up to 100%.
    expect(valueOf('benefit')).toBe('99%');
    expect(texts('.metric-awareness .metric-meaning')).toEqual(['已登录并确认住在这里的妇女，占登记妇女人数的比例']);
    expect(document.querySelector('.metric-overdue')!.className).toContain('metric-alert');
    expect(fake.callsTo('GET', statsOf).map(queryOf)).toEqual([last30Days]);
    expect(texts('.range-preset-option.choice-selected')).toEqual(['近30天']);
  });

  it('refuses a range the wrong way round, or longer than a year, before asking the server', async () => {
    const fake = api();
    render(<DashboardPage />);
    await waitFor(() => expect(valueOf('overdue')).toBe('3件'));
    fireEvent.click(screen.getByText('自己选日期'));

    await pick('.range-from', `${year}-03-10`);
    await pick('.range-to', `${year}-03-01`);
    fireEvent.click(screen.getByText('看这段时间'));
    await screen.findByText('结束日期不能早于开始日期，请重新选择');

    await pick('.range-from', `${year - 2}-01-01`);
    fireEvent.click(screen.getByText('看这段时间'));
    await screen.findByText('一次最多看一年的数字，请把日期范围缩短一些');
    expect(fake.callsTo('GET', statsOf)).toHaveLength(1);

    await pick('.range-from', `${year}-01-01`);
    await pick('.range-to', `${year}-01-31`);
    fireEvent.click(screen.getByText('看这段时间'));
    await waitFor(() => expect(fake.callsTo('GET', statsOf).map(queryOf)).toEqual([last30Days, { from: `${year}-01-01`, to: `${year}-01-31` }]));
  });

  it('shows the server’s reason when it refuses the range after all', async () => {
    new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsStaff))
      .on('GET', statsOf, fail(400, ErrorCode.DateRangeInvalid, ERROR_MESSAGES[ErrorCode.DateRangeInvalid]));
    render(<DashboardPage />);
    await screen.findByText('日期范围不对：开始日期要早于结束日期，最长一年');
  });

  it('takes 本月, 本季度 and 今年 at one tap', async () => {
    const fake = api();
    render(<DashboardPage />);
    await waitFor(() => expect(valueOf('overdue')).toBe('3件'));

    fireEvent.click(screen.getByText('本月'));
    const month = today.slice(0, 7);
    await waitFor(() => expect(fake.callsTo('GET', statsOf).map(queryOf)).toContainEqual({ from: `${month}-01`, to: today }));
    fireEvent.click(screen.getByText('本季度'));
    const quarterMonth = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
    const quarterStart = `${year}-${String(quarterMonth).padStart(2, '0')}-01`;
    await waitFor(() => expect(fake.callsTo('GET', statsOf).map(queryOf)).toContainEqual({ from: quarterStart, to: today }));
    fireEvent.click(screen.getByText('今年'));
    await waitFor(() => expect(fake.callsTo('GET', statsOf).map(queryOf)).toContainEqual(thisYear));
  });

  it('lists the villages first with their answer and finishing times, most overdue first, and opens a village’s own page', async () => {
    api(
      subtree({
        children: [
          body({
            federationId: '211221100203',
            name: '王家村妇联',
            received: 9,
            overdueNow: 4,
            firstResponseMedianMinutes: 450,
            resolutionMedianMinutes: 2250,
            resolvedWithinDeadline: 0.25,
          }),
          body({
            federationId: '211221100201',
            name: '懿路村妇联',
            received: 12,
            overdueNow: 1,
            firstResponseMedianMinutes: 40,
            resolutionMedianMinutes: 900,
            resolvedWithinDeadline: 1,
          }),
          body({ federationId: '211221100202', name: '兴隆村妇联', received: 0 }),
        ],
        weeks: [{ week: `${year}-03-02`, received: 5, firstResponseMedianMinutes: 90, answeredWithinDeadline: 1 }],
      }),
    );
    render(<DashboardPage />);

    await waitFor(() => expect(texts('.body-row-name')).toEqual(['王家村妇联', '懿路村妇联', '兴隆村妇联']));
    const column = (key: string) => texts(`.body-row-${key} .body-figure-value`);
    expect(column('received')).toEqual(['9件', '12件', '0件']);
    expect(column('first-response')).toEqual(['1个工作日', '40个工作分钟', '暂无']);
    expect(column('resolution')).toEqual(['5个工作日', '2个工作日', '暂无']);
    expect(column('on-time')).toEqual(['25%', '100%', '暂无']);
    expect(column('overdue-now')).toEqual(['4件', '1件', '0件']);
    // On a phone each village is a card that names every figure.
    expect(texts('.body-row:first-of-type .body-figure-label')).toEqual(['收到求助', '首次答复（中位数）', '办结（中位数）', '按时办结率', '超时未办']);
    expect(document.querySelectorAll('.body-figure-alert')).toHaveLength(2);
    // The villages come before the township's own totals and the charts.
    const order = ['.body-rows', '.metrics', '.stats-charts'].map((selector) => document.querySelector(selector)!);
    expect(order[0]!.compareDocumentPosition(order[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(order[1]!.compareDocumentPosition(order[2]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(document.body.textContent).not.toContain('排名');

    fireEvent.click(screen.getByText('懿路村妇联'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/dashboard/village?federationId=211221100201' });
  });

  it('draws the weeks as charts with their words, not as a row of 暂无 per empty week, and the categories as bars', async () => {
    api(
      subtree({
        weeks: [
          { week: `${year}-03-02`, received: 5, firstResponseMedianMinutes: 90, answeredWithinDeadline: 1 },
          { week: `${year}-03-09`, received: 0, firstResponseMedianMinutes: null, answeredWithinDeadline: null },
          { week: `${year}-03-16`, received: 0, firstResponseMedianMinutes: null, answeredWithinDeadline: null },
          { week: `${year}-03-23`, received: 2, firstResponseMedianMinutes: 600, answeredWithinDeadline: 0.5 },
        ],
        categories: [
          { categoryKey: ServiceCategoryKey.LegalAid, name: '法律帮助与维权', sensitive: false, received: 7 },
          { categoryKey: ServiceCategoryKey.DomesticViolence, name: '家庭暴力求助', sensitive: true, received: 2 },
        ],
      }),
    );
    render(<DashboardPage />);

    await waitFor(() => expect(texts('.week-received-chart-words')).toEqual(['这4周共收到求助7件，2周有求助；最多的是3月2日这周，5件。']));
    expect(texts('.week-first-response-chart-words')).toEqual(['2周有答复；最慢的是3月23日这周，一半的求助在约1.5个工作日内得到答复。']);
    expect(document.querySelectorAll('.week-canvas')).toHaveLength(2);
    expect(document.querySelectorAll('.week-chart-row')).toHaveLength(0);
    expect(document.querySelector('.stats-charts')!.textContent).not.toContain('暂无');
    expect(texts('.category-chart-row .bar-value')).toEqual(['7件', '2件']);
    const widths = Array.from(document.querySelectorAll<HTMLElement>('.category-chart-row .bar-fill')).map((bar) => bar.style.width);
    expect(widths).toEqual(['100%', `${(2 / 7) * 100}%`]);
  });

  it('lets a county admin pick her body, and a township opened from the county shows its own view', async () => {
    const meAsAdmin: MeResponse = {
      ...meAsStaff,
      roles: [...meAsStaff.roles, { role: RoleKind.Admin, federationId: '211221', federationName: '铁岭县妇联' }],
    };
    const county = pathOf(ApiPaths.federationStats, { id: '211221' });
    const fake = new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsAdmin))
      .on('GET', county, ok(subtree({ total: body({ federationId: '211221', name: '铁岭县妇联', level: RegionLevel.County }) })))
      .on('GET', statsOf, ok(subtree()));
    const { unmount } = render(<DashboardPage />);

    await waitFor(() => expect(texts('.stats-body-name')).toEqual(['铁岭县妇联']));
    fireEvent.click(screen.getByText('新台子镇妇联', { selector: '.stats-body-option' }));
    await waitFor(() => expect(texts('.stats-body-name')).toEqual(['新台子镇妇联']));
    unmount();

    setRouterParams({ federationId: TOWNSHIP });
    render(<DashboardPage />);
    await waitFor(() => expect(texts('.stats-body-name')).toEqual(['新台子镇妇联']));
    expect(document.querySelectorAll('.stats-body-option')).toHaveLength(0);
    expect(fake.callsTo('GET', statsOf)).toHaveLength(2);
  });

  it('tells a woman without a role that the view is not hers', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok({ ...meAsStaff, roles: [{ role: RoleKind.Executive, federationId: '211221100201', federationName: '懿路村妇联' }] }));
    render(<DashboardPage />);
    await screen.findByText('工作看板给村（社区）、乡镇（街道）和县妇联的同志用。您现在没有这样的职务。');
  });

  it('downloads the same numbers as a spreadsheet in the browser', async () => {
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        created.push(blob);
        return 'blob:stats';
      }),
      revokeObjectURL: jest.fn(),
    });
    const fake = api().on('GET', csvOf, ok('\uFEFF单位,收到求助\n新台子镇妇联,42\n'));
    render(<DashboardPage />);

    fireEvent.click(await screen.findByText('下载表格'));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]!.type).toBe('text/csv;charset=utf-8');
    expect(fake.callsTo('GET', csvOf).map(queryOf)).toEqual([last30Days]);
  });
});

it('is opened from the workbench of anyone who answers for a body', async () => {
  api();
  render(<WorkbenchPage />);
  fireEvent.click(await screen.findByText('工作看板'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/dashboard/index' });
  expect(screen.queryByText('县妇联管理')).toBeNull();
});

describe('a village’s own page, opened from the township', () => {
  const VILLAGE = '211221100201';
  const villageStats = pathOf(ApiPaths.federationStats, { id: VILLAGE });

  it('shows the village’s own figures and charts, asking the server only for what her role above it may see', async () => {
    setRouterParams({ federationId: VILLAGE });
    const fake = new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsStaff))
      .on(
        'GET',
        villageStats,
        ok(
          subtree({
            total: body({ federationId: VILLAGE, name: '懿路村妇联', received: 12, overdueNow: 1, firstResponseMedianMinutes: 40, resolutionMedianMinutes: 900, resolvedWithinDeadline: 1 }),
            weeks: [{ week: `${year}-03-02`, received: 12, firstResponseMedianMinutes: 40, answeredWithinDeadline: 1 }],
          }),
        ),
      );
    render(<VillageStatsPage />);

    await waitFor(() => expect(texts('.stats-body-name')).toEqual(['懿路村妇联']));
    expect(valueOf('overdue')).toBe('1件');
    expect(valueOf('first-response')).toBe('40个工作分钟');
    expect(valueOf('resolution')).toBe('2个工作日');
    expect(valueOf('resolved-on-time')).toBe('100%');
    // Named by the village: the browser keeps the township's page, with charts of its own, in the same document.
    expect(document.querySelectorAll(`#week-received-chart-${VILLAGE}, #week-first-response-chart-${VILLAGE}`)).toHaveLength(2);
    expect(fake.callsTo('GET', villageStats).map(queryOf)).toEqual([last30Days]);
    // Only her own profile and the village's numbers: nothing a township may not ask for.
    expect(fake.calls.map((call) => call.url.split('?')[0]).sort()).toEqual([ApiPaths.me, villageStats].sort());

    fireEvent.click(screen.getByText('看这里正在办的求助'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/dashboard/inbox?federationId=${VILLAGE}` });
  });

  it('shows the village inbox under the village’s name, without asking who stands in for its chair', async () => {
    setRouterParams({ federationId: VILLAGE });
    const fake = new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsStaff))
      .on('GET', pathOf(ApiPaths.federation, { id: VILLAGE }), ok(yiluVillage))
      .on('GET', pathOf(ApiPaths.inbox, { id: VILLAGE }), ok([summary({ id: 'r1' })]));
    render(<BodyInboxPage />);

    await waitFor(() => expect(texts('.inbox-body')).toEqual(['懿路村妇联']));
    expect(texts('.inbox-title')).toEqual(['法律帮助与维权']);
    // The server shows a chair's time away to the village's own roles only (403 for the township).
    expect(fake.callsTo('GET', pathOf(ApiPaths.federationCover, { id: VILLAGE }))).toHaveLength(0);
  });
});
