import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ApiPaths,
  ErrorCode,
  PHONE_MESSAGE,
  pathOf,
  RoleKind,
  ServiceCategoryKey,
  SiteKind,
  type FederationDetail,
  type MeResponse,
  type SiteDetail,
  type SiteSummary,
} from '@wfh/shared';
import MyPlacesPage from '../src/packages/workbench/places';
import EditSitePage from '../src/packages/workbench/site-edit';
import WorkbenchPage from '../src/packages/workbench/index';
import { startSession } from '../src/api/session';
import { wgs84ToGcj02 } from '../src/utils/coords';
import { option, pick, texts, typeInto } from './support/dom';
import { onPage } from './support/drawn';
import { FakeApi, fail, ok } from './support/fake-api';
import { meAsChair, tokensFor, yiluVillage } from './support/fixtures';
import { summaryOf, yiluSite } from './support/places';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const VILLAGE = '211221100201';
const TOWNSHIP = '211221100';
const bodyPath = (id: string) => pathOf(ApiPaths.federation, { id });
const managedSites = (id: string) => pathOf(ApiPaths.federationManagedSites, { id });
const sitePath = (id: string) => pathOf(ApiPaths.site, { id });

/** Her village body as the server has it: no office location yet. */
const village: FederationDetail = { ...yiluVillage, id: VILLAGE, address: '懿路村村委会', phone: '024-12345678', officeHours: '周一至周五 8:30-17:00' };

/** A browser at the village office (WGS-84, as browsers report it). */
const atTheOffice = { latitude: 42.2901, longitude: 123.8402 };

const paused: SiteSummary = { ...summaryOf(yiluSite), id: 'site-paused', name: '懿路村妇女小组', kind: SiteKind.WomensGroup, active: false, openingHours: [] };
const open: SiteSummary = { ...summaryOf(yiluSite), federationId: VILLAGE, isDemo: false };

function api(me: MeResponse = meAsChair) {
  return new FakeApi().on('GET', ApiPaths.me, ok(me));
}

function openMyPlaces(sites: SiteSummary[] = [open, { ...paused, federationId: VILLAGE }]) {
  setRouterParams({ federationId: VILLAGE });
  const fake = api().on('GET', bodyPath(VILLAGE), ok(village)).on('GET', managedSites(VILLAGE), ok(sites));
  render(<MyPlacesPage />);
  return fake;
}

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsChair.user));
  // Each test that has a position says so; the others meet a browser that will not tell.
  taro.getLocation.mockImplementation(() => Promise.reject({ errMsg: 'getLocation:fail User denied Geolocation' }));
});

describe('工作台: 我的阵地', () => {
  it('is offered at each body she may edit, and opens that body', async () => {
    api().on('GET', pathOf(ApiPaths.inbox, { id: VILLAGE }), ok([])).on('GET', pathOf(ApiPaths.inbox, { id: TOWNSHIP }), ok([]));
    render(<WorkbenchPage />);

    await waitFor(() => expect(document.querySelectorAll('.my-places')).toHaveLength(2));
    fireEvent.click(document.querySelector(`[data-federation="${VILLAGE}"] .my-places`)!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/places?federationId=${VILLAGE}` });
  });

  it('is not offered to an executive, who keeps a roster only', async () => {
    const executive: MeResponse = { ...meAsChair, roles: [{ role: RoleKind.Executive, federationId: VILLAGE, federationName: '懿路村妇联' }] };
    api(executive);
    render(<WorkbenchPage />);

    await screen.findByText('懿路村妇联', { selector: '.card-title' });
    expect(document.querySelectorAll('.my-places')).toHaveLength(0);
  });
});

describe('我的阵地: the body', () => {
  it('shows what women see, and saves only what she changed: a landline as typed', async () => {
    const fake = openMyPlaces();
    await waitFor(() =>
      expect(texts('.profile-line')).toEqual(['地址：懿路村村委会', '电话：024-12345678', '办公时间：周一至周五 8:30-17:00', '位置：还没有设定，大家按距离找不到本会']),
    );
    fake.on('PATCH', bodyPath(VILLAGE), ok({ ...village, phone: '0410-1234567', address: '懿路村党群服务中心' }));

    fireEvent.click(screen.getByText('修改本会信息'));
    await typeInto('.profile-phone', '0410-1234567');
    await typeInto('.profile-address', '懿路村党群服务中心');
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(texts('.profile-line')).toContain('电话：0410-1234567'));
    expect(fake.callsTo('PATCH', bodyPath(VILLAGE)).map((call) => call.data)).toEqual([{ phone: '0410-1234567', address: '懿路村党群服务中心' }]);
    expect(texts('.profile-line')).toContain('地址：懿路村党群服务中心');
  });

  it('「我就在这里」 takes the phone’s position to the metre, in the datum of Chinese maps', async () => {
    taro.getLocation.mockImplementation(() => Promise.resolve(atTheOffice));
    const fake = openMyPlaces();
    const office = wgs84ToGcj02(atTheOffice);
    fake.on('PATCH', bodyPath(VILLAGE), ok({ ...village, ...office }));

    fireEvent.click(await screen.findByText('修改本会信息'));
    fireEvent.click(screen.getByText('我就在这里'));
    await waitFor(() => expect(texts('.location-text')[0]).toMatch(/^已设定：北纬42\.29\d\d°，东经123\.84\d\d°$/));
    // Picking on a map needs WeChat: the browser offers the position only.
    expect(screen.queryByText('在地图上选')).toBeNull();
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(fake.callsTo('PATCH', bodyPath(VILLAGE))).toHaveLength(1));
    expect(taro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' });
    expect(fake.callsTo('PATCH', bodyPath(VILLAGE))[0].data).toEqual({ latitude: office.latitude, longitude: office.longitude });
    await waitFor(() => expect(texts('.profile-location-line')[0]).toMatch(/^位置：北纬42\.29/));
  });

  it('says so when the phone will not tell where it is, and changes nothing', async () => {
    const fake = openMyPlaces();
    fireEvent.click(await screen.findByText('修改本会信息'));
    fireEvent.click(screen.getByText('我就在这里'));

    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没能取到位置。请打开手机定位，并允许使用位置后再试' })));
    expect(texts('.location-text')).toEqual(['还没有设定位置']);
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(document.querySelectorAll('.profile-form')).toHaveLength(0));
    expect(fake.callsTo('PATCH', bodyPath(VILLAGE))).toHaveLength(0);
  });

  it('says what is wrong by the field: her own slip before sending, the server’s reason after', async () => {
    const fake = openMyPlaces();
    fireEvent.click(await screen.findByText('修改本会信息'));
    await typeInto('.profile-phone', '请打村委会');
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(texts('.profile-form .field-error')).toEqual([PHONE_MESSAGE]));
    expect(fake.callsTo('PATCH', bodyPath(VILLAGE))).toHaveLength(0);

    fake.on('PATCH', bodyPath(VILLAGE), fail(400, ErrorCode.ValidationFailed, '提交的内容有误', [{ field: 'officeHours', message: '“officeHours”太长了，请删减' }]));
    await typeInto('.profile-phone', '0410-1234567');
    await typeInto('.profile-hours', '每天');
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(texts('.profile-form .field-error')).toEqual(['“officeHours”太长了，请删减']));
    expect(texts('.server-error-text')).toEqual(['提交的内容有误']);
  });
});

describe('我的阵地: the sites', () => {
  it('lists them, switched-off ones too, in plain words', async () => {
    openMyPlaces();
    await waitFor(() => expect(texts('.my-site-name')).toEqual(['懿路村妇女微家', '懿路村妇女小组']));
    expect(texts('.my-site-status')).toEqual(['妇女微家 · 开放中', '妇女小组 · 已暂停开放']);
    expect(texts('.my-site-hours')).toEqual(['开放时间：周一至周五 08:30–11:30、13:30–17:00；周六 09:00–11:30', '开放时间：没有固定的开放时间']);
    fireEvent.click(document.querySelector('[data-site="site-yilu"] .edit-site')!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/site-edit?id=site-yilu' });
    fireEvent.click(screen.getByText('新增阵地'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/site-edit?federationId=${VILLAGE}` });
  });

  it('switches one off after she confirms, and shows it off', async () => {
    const fake = openMyPlaces();
    const off: SiteDetail = { ...yiluSite, federationId: VILLAGE, isDemo: false, active: false };
    fake.on('PATCH', sitePath('site-yilu'), ok(off));

    fireEvent.click(await onPage('[data-site="site-yilu"] .pause-site'));

    await waitFor(() => expect(texts('.my-site-status')).toEqual(['妇女微家 · 已暂停开放', '妇女小组 · 已暂停开放']));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '暂停开放？', confirmText: '暂停开放' }));
    expect(fake.callsTo('PATCH', sitePath('site-yilu')).map((call) => call.data)).toEqual([{ active: false }]);
    expect(texts('[data-site="site-yilu"] .resume-site')).toEqual(['恢复开放']);
  });

  it('leaves it open when she thinks again', async () => {
    const fake = openMyPlaces();
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(await onPage('[data-site="site-yilu"] .pause-site'));

    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(fake.callsTo('PATCH', sitePath('site-yilu'))).toHaveLength(0);
    expect(texts('.my-site-status')[0]).toBe('妇女微家 · 开放中');
  });

  it('township staff edit the profile; the sites are not theirs to keep, and the page says whose they are', async () => {
    setRouterParams({ federationId: TOWNSHIP });
    const staff: MeResponse = { ...meAsChair, roles: [{ role: RoleKind.Staff, federationId: TOWNSHIP, federationName: '新台子镇妇联' }] };
    const fake = api(staff).on('GET', bodyPath(TOWNSHIP), ok({ ...village, id: TOWNSHIP, name: '新台子镇妇联' }));
    render(<MyPlacesPage />);

    await screen.findByText('修改本会信息');
    expect(screen.getByText('妇女之家等阵地由村（社区）妇联主席、副主席和县妇联管理员维护。')).toBeTruthy();
    expect(document.querySelectorAll('.my-sites')).toHaveLength(0);
    expect(fake.callsTo('GET', managedSites(TOWNSHIP))).toHaveLength(0);
  });
});

describe('新增阵地', () => {
  function openNew() {
    setRouterParams({ federationId: VILLAGE });
    return api();
  }

  it('adds a site with its kind, place, landline, week and services, then goes back to the list', async () => {
    taro.getLocation.mockImplementation(() => Promise.resolve(atTheOffice));
    const fake = openNew();
    const created: SiteDetail = { ...yiluSite, id: 'site-new', federationId: VILLAGE };
    fake.on('POST', pathOf(ApiPaths.federationSites, { id: VILLAGE }), ok(created));
    render(<EditSitePage />);

    fireEvent.click(await option('kind', '妇女之家'));
    await typeInto('.site-name-input', '懿路村妇女之家');
    await typeInto('.site-address-input', '懿路村村委会一楼');
    fireEvent.click(screen.getByText('我就在这里'));
    await waitFor(() => expect(texts('.location-text')[0]).toMatch(/^已设定/));
    await typeInto('.site-phone-input', '0410-1234567');
    // Mondays to Fridays are offered; she adds Saturday and opens at nine.
    fireEvent.click(screen.getByText('周六'));
    await pick('.opens-time', '09:00');
    await waitFor(() => expect(texts('.hours-words')).toEqual(['开放时间：周一至周六 09:00–17:00']));
    fireEvent.click(screen.getByText('法律帮助与维权'));
    fireEvent.click(screen.getByText('心理疏导'));
    fireEvent.click(screen.getByText('添加这个阵地'));

    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    const office = wgs84ToGcj02(atTheOffice);
    expect(fake.callsTo('POST', pathOf(ApiPaths.federationSites, { id: VILLAGE })).map((call) => call.data)).toEqual([
      {
        kind: SiteKind.WomensHome,
        name: '懿路村妇女之家',
        address: '懿路村村委会一楼',
        latitude: office.latitude,
        longitude: office.longitude,
        phone: '0410-1234567',
        openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
        services: [ServiceCategoryKey.LegalAid, ServiceCategoryKey.Counselling],
      },
    ]);
  });

  it('asks for the kind, the name, the address and the place before sending anything', async () => {
    const fake = openNew();
    render(<EditSitePage />);

    fireEvent.click(await screen.findByText('添加这个阵地'));

    await waitFor(() =>
      expect(texts('.site-form .field-error')).toEqual([
        '请选择是哪一种阵地',
        '请填写名称，例如“懿路村妇女之家”',
        '请填写地址，让大家找得到',
        '请设定位置：站在那里点「我就在这里」，或在地图上选',
      ]),
    );
    expect(fake.callsTo('POST', pathOf(ApiPaths.federationSites, { id: VILLAGE }))).toHaveLength(0);
  });

  it('keeps hours it cannot show as they are, unless she sets new ones', async () => {
    setRouterParams({ id: 'site-yilu' });
    const fake = api()
      .on('GET', sitePath('site-yilu'), ok({ ...yiluSite, federationId: VILLAGE }))
      .on('PATCH', sitePath('site-yilu'), ok({ ...yiluSite, federationId: VILLAGE }));
    render(<EditSitePage />);

    await waitFor(() => expect(texts('.hours-words')).toEqual(['开放时间：周一至周五 08:30–11:30、13:30–17:00；周六 09:00–11:30']));
    await typeInto('.site-phone-input', '024-87650000');
    fireEvent.click(screen.getByText('保存修改'));

    await waitFor(() => expect(fake.callsTo('PATCH', sitePath('site-yilu'))).toHaveLength(1));
    const sent = fake.callsTo('PATCH', sitePath('site-yilu'))[0].data as Record<string, unknown>;
    expect(sent).toMatchObject({ phone: '024-87650000', name: '懿路村妇女微家' });
    expect(sent).not.toHaveProperty('openingHours');
    // The site was read with her token: a switched-off one is hers to see.
    expect(fake.callsTo('GET', sitePath('site-yilu'))[0].header?.Authorization).toMatch(/^Bearer /);
  });
});
