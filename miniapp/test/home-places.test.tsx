import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf, type NearbyPlace } from '@wfh/shared';
import HomePage from '../src/pages/index/index';
import { startSession } from '../src/api/session';
import { LOCATION_CHOICE_KEY } from '../src/hooks/useLocation';
import { FakeApi, ok, queryOf } from './support/fake-api';
import { meWithHome, meWithoutHome, tokensFor, villager } from './support/fixtures';
import { nearbyPlaces, summaryOf, yiluMicroHome, yiluSite } from './support/places';
import taro, { taroStorage, type RequestOptions } from './support/taro-mock';

const REASON = '为了帮您找到离您最近的妇联和妇女之家，需要获取您的大致位置。不同意也没关系，您可以按地区查找。';

const texts = (container: HTMLElement, selector: string) =>
  Array.from(container.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

/** The browser reports WGS-84; a few hundred metres south-west of `here` in GCJ-02. */
const browserPosition = { latitude: 42.2223, longitude: 123.7226 };

function nearestApi(me = meWithHome, open: NearbyPlace[] = [yiluMicroHome]) {
  const isOpenQuery = (request: RequestOptions) => queryOf(request).openNow === 'true';
  return new FakeApi()
    .on('GET', ApiPaths.me, ok(me))
    .on('GET', ApiPaths.nearest, (request) => ok({ items: isOpenQuery(request) ? open : nearbyPlaces }));
}

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(villager));
  taro.getLocation.mockImplementation(() => Promise.resolve(browserPosition));
});

describe('首页: 离您最近的妇女之家', () => {
  it('explains in plain words why it wants her location before asking the phone', async () => {
    nearestApi();

    const { container } = render(<HomePage />);

    await screen.findByText(REASON);
    expect(taro.getLocation).not.toHaveBeenCalled();
    // Saying no is offered as plainly as saying yes, and it leads to the region tree.
    expect(texts(container, '.allow-location')).toEqual(['同意，帮我查找']);
    expect(texts(container, '.choose-village')).toEqual(['不用了，按地区查找']);
  });

  it('after she agrees, shows the nearest open site first, then the nearby list with distances and tags', async () => {
    const api = nearestApi();
    const { container } = render(<HomePage />);

    fireEvent.click(await screen.findByText('同意，帮我查找'));

    await waitFor(() => expect(container.querySelectorAll('.place-item')).toHaveLength(3));
    // The browser only speaks WGS-84; Taro's web getLocation refuses anything else.
    expect(taro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' });

    const open = container.querySelector<HTMLElement>('.nearest-open')!;
    expect(texts(open, '.nearest-open-name')).toEqual(['懿路村妇女微家']);
    expect(texts(open, '.nearest-open-distance')).toEqual(['离您 850米']);
    expect(texts(open, '.tag')).toEqual(['开放中', '演示数据']);
    // The open site comes before the list on the page.
    const firstItem = container.querySelector('.place-item')!;
    expect(open.compareDocumentPosition(firstItem) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );

    expect(texts(container, '.place-item .place-name')).toEqual(['懿路村妇女微家', '懿路村妇联', '新台子镇妇女之家']);
    expect(texts(container, '.place-item .place-distance')).toEqual(['850米', '1.2公里', '3.2公里']);
    const items = Array.from(container.querySelectorAll<HTMLElement>('.place-item'));
    expect(items.map((item) => texts(item, '.tag-open, .tag-closed'))).toEqual([['开放中'], [], ['已关门']]);
    expect(items.map((item) => texts(item, '.place-kind'))).toEqual([['妇女微家'], ['村（社区）妇联'], ['妇女之家']]);
    expect(texts(items[0], '.place-services')).toEqual(['服务：家庭教育指导、心理疏导']);

    const queries = api.callsTo('GET', ApiPaths.nearest).map(queryOf);
    expect(queries.map(({ k, type, openNow }) => ({ k, type, openNow }))).toEqual([
      { k: '1', type: 'site', openNow: 'true' },
      { k: '10', type: undefined, openNow: undefined },
    ]);
    // Shifted to GCJ-02 (about 300 m here) and rounded to about 100 m: a rough position only.
    for (const query of queries) {
      expect(query.latitude).toMatch(/^42\.22\d$/);
      expect(query.longitude).toMatch(/^123\.72\d$/);
      expect(Number(query.latitude)).not.toBe(Math.round(browserPosition.latitude * 1000) / 1000);
    }
  });

  it('says so when nothing is open nearby, and still lists the places', async () => {
    nearestApi(meWithHome, []);
    const { container } = render(<HomePage />);

    fireEvent.click(await screen.findByText('同意，帮我查找'));

    await screen.findByText('附近现在没有开放的妇女之家。下面的地方可以先打电话问问。');
    expect(container.querySelectorAll('.place-item')).toHaveLength(3);
  });

  it('opens a site or a body from the list', async () => {
    nearestApi();
    const { container } = render(<HomePage />);
    fireEvent.click(await screen.findByText('同意，帮我查找'));
    await waitFor(() => expect(container.querySelectorAll('.place-item')).toHaveLength(3));

    const items = container.querySelectorAll<HTMLElement>('.place-item');
    fireEvent.click(items[0]);
    fireEvent.click(items[1]);

    expect(taro.navigateTo.mock.calls.map(([options]) => options.url)).toEqual([
      '/packages/places/site?id=site-yilu',
      '/packages/places/body?id=211221101200',
    ]);
  });

  it('a refusal shows the region tree and search instead, and is remembered: no second prompt', async () => {
    nearestApi();
    const first = render(<HomePage />);

    fireEvent.click(await screen.findByText('不用了，按地区查找'));

    expect(taro.getLocation).not.toHaveBeenCalled();
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/places/choose-village' });
    expect(taroStorage.get(LOCATION_CHOICE_KEY)).toBe('refused');
    await screen.findByText('按地区查找妇联和妇女之家');
    first.unmount();

    const again = render(<HomePage />);
    await screen.findByText('您好，王秀英');

    expect(screen.queryByText(REASON)).toBeNull();
    expect(texts(again.container, '.choose-village')).toEqual(['按地区查找']);
    expect(taro.getLocation).not.toHaveBeenCalled();
    expect(again.container.querySelectorAll('.place-item')).toHaveLength(0);
  });

  it('when the phone or browser refuses the location, falls back quietly and does not ask again', async () => {
    nearestApi();
    taro.getLocation.mockImplementation(() => Promise.reject({ errMsg: 'getLocation:fail User denied Geolocation' }));
    const first = render(<HomePage />);

    fireEvent.click(await screen.findByText('同意，帮我查找'));

    await screen.findByText('按地区查找妇联和妇女之家');
    expect(taro.showToast).not.toHaveBeenCalled();
    first.unmount();

    const again = render(<HomePage />);
    await screen.findByText('按地区查找妇联和妇女之家');
    expect(taro.getLocation).toHaveBeenCalledTimes(1);
    expect(texts(again.container, '.choose-village')).toEqual(['按地区查找']);

    // She may still change her mind herself.
    taro.getLocation.mockImplementation(() => Promise.resolve(browserPosition));
    fireEvent.click(screen.getByText('用我的位置查找'));
    await waitFor(() => expect(again.container.querySelectorAll('.place-item')).toHaveLength(3));
    expect(taroStorage.get(LOCATION_CHOICE_KEY)).toBe('allowed');
  });

  it('after a yes, later visits find the nearest places without asking', async () => {
    nearestApi();
    taroStorage.set(LOCATION_CHOICE_KEY, 'allowed');

    const { container } = render(<HomePage />);

    await waitFor(() => expect(container.querySelectorAll('.place-item')).toHaveLength(3));
    expect(screen.queryByText(REASON)).toBeNull();
    expect(taro.getLocation).toHaveBeenCalledTimes(1);
  });

  it('without a village chosen, offers one clear button to choose it', async () => {
    nearestApi(meWithoutHome);
    taroStorage.set(LOCATION_CHOICE_KEY, 'refused');
    const { container } = render(<HomePage />);

    await screen.findByText('您还没有选择所在的村或社区');

    expect(texts(container, '.choose-village')).toEqual(['选择我所在的村（社区）']);
    fireEvent.click(screen.getByText('选择我所在的村（社区）'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/places/choose-village' });
  });

  it('lists the sites of her own village under her village body', async () => {
    const homeId = meWithHome.home!.id;
    nearestApi().on('GET', pathOf(ApiPaths.federationSites, { id: homeId }), ok([summaryOf(yiluSite)]));
    taroStorage.set(LOCATION_CHOICE_KEY, 'refused');
    const { container } = render(<HomePage />);

    await screen.findByText('本村（社区）的妇女之家');
    expect(texts(container, '.home-site-item .place-name-plain')).toEqual(['懿路村妇女微家']);
    await act(async () => {
      fireEvent.click(container.querySelector('.home-site-item')!);
    });
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/places/site?id=site-yilu' });
  });
});
