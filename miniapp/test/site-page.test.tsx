import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, ErrorCode, pathOf } from '@wfh/shared';
import BodyPage from '../src/packages/places/body';
import SitePage from '../src/packages/places/site';
import RequestsPage from '../src/packages/requests/index';
import { startSession } from '../src/api/session';
import { FakeApi, fail, ok } from './support/fake-api';
import { tokensFor, villager, yiluVillage } from './support/fixtures';
import { yiluSite } from './support/places';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const texts = (selector: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

const siteApi = (site = yiluSite) => new FakeApi().on('GET', pathOf(ApiPaths.site, { id: site.id }), ok(site));

beforeEach(() => {
  taroStorage.clear();
  setRouterParams({ id: yiluSite.id });
});

describe('妇女之家 page', () => {
  it('shows name, kind, open now, who it belongs to, the chair and the services', async () => {
    siteApi();
    render(<SitePage />);

    await screen.findByText('懿路村妇女微家');
    expect(texts('.site-name')).toEqual(['懿路村妇女微家']);
    expect(texts('.place-kind')).toEqual(['妇女微家']);
    expect(texts('.tag-open')).toEqual(['开放中']);
    expect(texts('.site-federation')).toEqual(['属于：懿路村妇联']);
    expect(texts('.site-chair')).toEqual(['负责人：张春梅']);
    expect(texts('.site-address')).toEqual(['地址：铁岭县新台子镇懿路村村民服务中心一楼']);
    expect(texts('.site-services')).toEqual(['家庭教育指导、心理疏导、困难帮扶与救助']);
  });

  it('lists the opening hours per weekday in Chinese, Monday first, with several spans and upcoming changes', async () => {
    siteApi();
    render(<SitePage />);
    await screen.findByText('懿路村妇女微家');

    const rows = Array.from(document.querySelectorAll('.site-hours > .hours-row')).map((row) => [
      row.querySelector('.hours-day')!.textContent,
      row.querySelector('.hours-text')!.textContent,
    ]);
    expect(rows).toEqual([
      ['周一', '08:30–11:30、13:30–17:00'],
      ['周二', '08:30–11:30、13:30–17:00'],
      ['周三', '08:30–11:30、13:30–17:00'],
      ['周四', '08:30–11:30、13:30–17:00'],
      ['周五', '08:30–11:30、13:30–17:00'],
      ['周六', '09:00–11:30'],
      ['周日', '休息'],
    ]);
    // Past exceptions are left out; the rest soonest first.
    expect(texts('.exception-row')).toEqual(['10月1日（周四）休息', '10月8日（周四）只在 09:00–12:00 开放']);
  });

  it('marks a closed site as 已关门', async () => {
    siteApi({ ...yiluSite, openNow: false });
    render(<SitePage />);
    await screen.findByText('懿路村妇女微家');

    expect(texts('.tag-open, .tag-closed')).toEqual(['已关门']);
  });

  it('in the browser, shows no share button: the address bar already gives the link', async () => {
    siteApi();
    render(<SitePage />);
    await screen.findByText('懿路村妇女微家');

    expect(screen.getByText('在这里求助')).toBeTruthy();
    expect(screen.queryByText('转发给亲友或群聊')).toBeNull();
    expect(taro.showShareMenu).not.toHaveBeenCalled();
  });

    it('calls the site with one tap', async () => {
    siteApi();
    render(<SitePage />);

    fireEvent.click(await screen.findByText('拨打电话 0410-0000047'));

    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0410-0000047' });
  });

  it('in the browser, offers the map apps people use, each told the place and its name, and the address to copy', async () => {
    siteApi();
    render(<SitePage />);

    fireEvent.click(await screen.findByText('导航到这里'));

    // Taro's web openLocation does nothing at all: never rely on it in the browser.
    expect(taro.openLocation).not.toHaveBeenCalled();
    expect(texts('.map-link')).toEqual(['腾讯地图', '高德地图', '百度地图']);
    const href = (app: string) => new URL(document.querySelector<HTMLAnchorElement>(`.map-link-${app}`)!.href);
    const tencent = href('tencent');
    expect(tencent.origin + tencent.pathname).toBe('https://apis.map.qq.com/uri/v1/marker');
    expect(tencent.searchParams.get('marker')).toBe('coord:42.224076,123.735739;title:懿路村妇女微家;addr:铁岭县新台子镇懿路村村民服务中心一楼');
    const amap = href('amap');
    expect(amap.origin + amap.pathname).toBe('https://uri.amap.com/marker');
    // Amap takes longitude first; GCJ-02 is its own datum ("gaode").
    expect(Object.fromEntries(amap.searchParams)).toMatchObject({ position: '123.735739,42.224076', name: '懿路村妇女微家', coordinate: 'gaode' });
    const baidu = href('baidu');
    expect(baidu.origin + baidu.pathname).toBe('https://api.map.baidu.com/marker');
    // Baidu reads BD-09 unless told the coordinates are GCJ-02.
    expect(Object.fromEntries(baidu.searchParams)).toMatchObject({
      location: '42.224076,123.735739',
      title: '懿路村妇女微家',
      content: '铁岭县新台子镇懿路村村民服务中心一楼',
      output: 'html',
      coord_type: 'gcj02',
    });

    expect(texts('.map-address')).toEqual(['地址：铁岭县新台子镇懿路村村民服务中心一楼']);
    fireEvent.click(screen.getByText('复制地址'));
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: '铁岭县新台子镇懿路村村民服务中心一楼' });
  });

  it('keeps the separators of Tencent’s marker out of a name', async () => {
    siteApi({ ...yiluSite, name: '懿路村;妇女|微家:一楼' });
    render(<SitePage />);

    fireEvent.click(await screen.findByText('导航到这里'));

    const marker = new URL(document.querySelector<HTMLAnchorElement>('.map-link-tencent')!.href).searchParams.get('marker');
    expect(marker?.split(';')).toEqual([
      'coord:42.224076,123.735739',
      'title:懿路村；妇女｜微家：一楼',
      'addr:铁岭县新台子镇懿路村村民服务中心一楼',
    ]);
  });

  it('says plainly that a demo site is made up, and says nothing of the kind for a real one', async () => {
    siteApi();
    const demo = render(<SitePage />);
    await screen.findByText('懿路村妇女微家');
    expect(texts('.demo-notice-title')).toEqual(['演示数据']);
    demo.unmount();

    siteApi({ ...yiluSite, isDemo: false });
    render(<SitePage />);
    await screen.findByText('懿路村妇女微家');
    expect(screen.queryByText('演示数据')).toBeNull();
  });

  it('“在这里求助” opens the requests page with this site and its body', async () => {
    siteApi();
    render(<SitePage />);
    await screen.findByText('懿路村妇女微家');

    fireEvent.click(document.querySelector('.ask-help')!);

    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/requests/index?siteId=site-yilu&federationId=211221101200',
    });
  });

  it('shows the server’s message and a retry when the site cannot be loaded', async () => {
    new FakeApi().on(
      'GET',
      pathOf(ApiPaths.site, { id: yiluSite.id }),
      fail(503, ErrorCode.ServiceUnavailable, '服务暂时不可用，请稍后再试'),
      ok(yiluSite),
    );
    render(<SitePage />);

    await screen.findByText('服务暂时不可用，请稍后再试');
    fireEvent.click(screen.getByText('重新加载'));

    await screen.findByText('懿路村妇女微家');
  });
});

describe('我要求助 reached from a site', () => {
  it('says which site she chose above the categories', async () => {
    siteApi().on('GET', ApiPaths.categories, ok([]));
    setRouterParams({ siteId: yiluSite.id, federationId: yiluSite.federationId });

    render(<RequestsPage />);

    await screen.findByText('懿路村妇女微家（懿路村妇联）');
    expect(texts('.chosen-place .card-title')).toEqual(['您选择的地方']);
  });
});

describe('妇联 page', () => {
  const body = { ...yiluVillage, id: '211221101200', regionName: '懿路村民委员会' };

  it('shows the body, calls it, lists its sites and lets her take it as her village', async () => {
    const api = new FakeApi()
      .on('GET', pathOf(ApiPaths.federation, { id: body.id }), ok(body))
      .on('GET', pathOf(ApiPaths.federationSites, { id: body.id }), ok([yiluSite]))
      .on('PUT', ApiPaths.meHome, ok({ user: { ...villager, homeFederationId: body.id }, roles: [], home: body }));
    startSession(tokensFor(villager));
    setRouterParams({ id: body.id });
    render(<BodyPage />);

    await screen.findByText('懿路村妇联');
    fireEvent.click(screen.getByText('拨打电话 024-12345678'));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '024-12345678' });
    await waitFor(() => expect(texts('.body-site-item .place-name-plain')).toEqual(['懿路村妇女微家']));

    fireEvent.click(screen.getByText('这是我所在的村（社区）'));
    expect(texts('.confirm-home-name')).toEqual(['懿路村']);
    fireEvent.click(document.querySelector('.confirm-home')!);
    await waitFor(() =>
      expect(api.callsTo('PUT', ApiPaths.meHome).map((call) => call.data)).toEqual([{ federationId: body.id }]),
    );
  });

  it('navigates to the body’s office as a site page does, once its place is known', async () => {
    const located = { ...body, latitude: 42.224, longitude: 123.7357 };
    new FakeApi()
      .on('GET', pathOf(ApiPaths.federation, { id: body.id }), ok(located))
      .on('GET', pathOf(ApiPaths.federationSites, { id: body.id }), ok([]));
    setRouterParams({ id: body.id });
    render(<BodyPage />);

    fireEvent.click(await screen.findByText('导航到这里'));

    expect(texts('.map-link')).toEqual(['腾讯地图', '高德地图', '百度地图']);
    expect(new URL(document.querySelector<HTMLAnchorElement>('.map-link-amap')!.href).searchParams.get('position')).toBe('123.735700,42.224000');
    expect(texts('.map-address')).toEqual(['地址：新台子镇懿路村村委会']);
  });

  it('offers no navigation while nobody has set where the body’s office is', async () => {
    new FakeApi()
      .on('GET', pathOf(ApiPaths.federation, { id: body.id }), ok(body))
      .on('GET', pathOf(ApiPaths.federationSites, { id: body.id }), ok([]));
    setRouterParams({ id: body.id });
    render(<BodyPage />);

    await screen.findByText('懿路村妇联');
    expect(screen.queryByText('导航到这里')).toBeNull();
  });

  it('offers no “my village” button for a township body', async () => {
    const township = { ...yiluVillage, id: '211221101', name: '新台子镇妇联', level: yiluVillage.breadcrumb[3].level };
    new FakeApi().on('GET', pathOf(ApiPaths.federation, { id: township.id }), ok(township));
    setRouterParams({ id: township.id });
    render(<BodyPage />);

    await screen.findByText('新台子镇妇联');
    expect(screen.queryByText('这是我所在的村（社区）')).toBeNull();
  });
});
