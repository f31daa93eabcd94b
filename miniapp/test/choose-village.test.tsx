import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf, type MeResponse } from '@wfh/shared';
import HomePage from '../src/pages/index/index';
import ChooseVillagePage from '../src/packages/places/choose-village';
import { startSession } from '../src/api/session';
import { LOCATION_CHOICE_KEY } from '../src/hooks/useLocation';
import { typeInto } from './support/dom';
import { FakeApi, ok } from './support/fake-api';
import { meWithoutHome, tokensFor, villager, yiluVillage } from './support/fixtures';
import { liaoning, regionChildren, searchHits, xintaiziDetail } from './support/places';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const texts = (selector: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

const rowNamed = (name: string) => {
  const row = Array.from(document.querySelectorAll<HTMLElement>('.region-row')).find(
    (el) => el.querySelector('.region-name')?.textContent === name,
  );
  if (!row) throw new Error(`no region row ${name}; rows: ${texts('.region-row .region-name').join(', ')}`);
  return row;
};

async function waitForRows(names: string[]) {
  await waitFor(() => expect(texts('.region-row .region-name')).toEqual(names));
}

const yiluHome: MeResponse = {
  ...meWithoutHome,
  user: { ...villager, homeFederationId: '211221101200' },
  home: { ...yiluVillage, id: '211221101200', parentId: '211221101' },
};

function regionApi() {
  const api = new FakeApi().on('GET', ApiPaths.regions, ok([liaoning]));
  for (const [code, children] of Object.entries(regionChildren)) {
    api.on('GET', pathOf(ApiPaths.regionChildren, { code }), ok(children));
  }
  return api
    .on('GET', pathOf(ApiPaths.region, { code: '211221101' }), ok(xintaiziDetail))
    .on('GET', ApiPaths.search, ok({ items: searchHits }))
    .on('GET', ApiPaths.me, ok(meWithoutHome))
    .on('PUT', ApiPaths.meHome, ok(yiluHome));
}

/** Types into the search field, once Taro has drawn it. */
const search = (text: string) => typeInto('.place-search-input', text);

beforeEach(() => {
  taroStorage.clear();
  setRouterParams({});
  startSession(tokensFor(villager));
});

afterEach(() => {
  jest.useRealTimers();
});

describe('选择村（社区）', () => {
  it('walks province → city → county → township → village and confirming saves her home', async () => {
    const api = regionApi();
    render(<ChooseVillagePage />);

    await waitForRows(['辽宁省']);
    expect(screen.getByText('请选择省（自治区、直辖市）').textContent).toBe('请选择省（自治区、直辖市）');
    fireEvent.click(rowNamed('辽宁省'));
    await waitForRows(['铁岭市']);
    fireEvent.click(rowNamed('铁岭市'));
    await waitForRows(['银州区', '铁岭县']);
    fireEvent.click(rowNamed('铁岭县'));
    await waitForRows(['新台子镇']);
    fireEvent.click(rowNamed('新台子镇'));
    // Statistical committee names are shown as the places she knows.
    await waitForRows(['懿路村', '东孤家子村']);
    expect(texts('.region-crumb')).toEqual(['全国', ' › 辽宁省', ' › 铁岭市', ' › 铁岭县', ' › 新台子镇']);
    // Higher levels only opened the next level: nothing was saved, nothing asked.
    expect(api.callsTo('PUT', ApiPaths.meHome)).toHaveLength(0);
    expect(document.querySelector('.confirm-home')).toBeNull();

    fireEvent.click(rowNamed('懿路村'));

    await screen.findByText('确认这是您所在的村（社区）吗？');
    expect(texts('.confirm-home-name')).toEqual(['懿路村']);
    expect(screen.getByText('辽宁省 › 铁岭市 › 铁岭县 › 新台子镇').textContent).toBe('辽宁省 › 铁岭市 › 铁岭县 › 新台子镇');
    fireEvent.click(document.querySelector('.confirm-home')!);

    await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(api.callsTo('PUT', ApiPaths.meHome).map((call) => call.data)).toEqual([{ federationId: '211221101200' }]);
  });

  it('the breadcrumb and 返回上一级 go back up', async () => {
    regionApi();
    render(<ChooseVillagePage />);
    await waitForRows(['辽宁省']);
    fireEvent.click(rowNamed('辽宁省'));
    await waitForRows(['铁岭市']);
    fireEvent.click(rowNamed('铁岭市'));
    await waitForRows(['银州区', '铁岭县']);

    fireEvent.click(screen.getByText('返回上一级'));
    await waitForRows(['铁岭市']);
    fireEvent.click(rowNamed('铁岭市'));
    await waitForRows(['银州区', '铁岭县']);
    fireEvent.click(screen.getByText('全国'));
    await waitForRows(['辽宁省']);
    expect(screen.queryByText('返回上一级')).toBeNull();
  });

  it('opened from the help form, goes back to it once saved instead of to 首页', async () => {
    const api = regionApi();
    setRouterParams({ from: '211221101', back: '1' });
    render(<ChooseVillagePage />);
    await waitForRows(['懿路村', '东孤家子村']);

    fireEvent.click(rowNamed('懿路村'));
    fireEvent.click(await screen.findByText('是的，这是我的村（社区）'));

    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalledTimes(1));
    expect(taro.switchTab).not.toHaveBeenCalled();
    expect(api.callsTo('PUT', ApiPaths.meHome)).toHaveLength(1);
  });

  it('“不是，重新选” saves nothing', async () => {
    const api = regionApi();
    setRouterParams({ from: '211221101' });
    render(<ChooseVillagePage />);
    await waitForRows(['懿路村', '东孤家子村']);

    fireEvent.click(rowNamed('东孤家子村'));
    fireEvent.click(await screen.findByText('不是，重新选'));

    expect(screen.queryByText('确认这是您所在的村（社区）吗？')).toBeNull();
    expect(api.callsTo('PUT', ApiPaths.meHome)).toHaveLength(0);
  });

  it('opens at the township of her current village when she comes to change it', async () => {
    regionApi();
    setRouterParams({ from: '211221101' });

    render(<ChooseVillagePage />);

    await waitForRows(['懿路村', '东孤家子村']);
    expect(texts('.region-crumb')).toEqual(['全国', ' › 辽宁省', ' › 铁岭市', ' › 铁岭县', ' › 新台子镇']);
  });

  it('search shows each hit with its path, and a village hit asks to confirm', async () => {
    const api = regionApi();
    render(<ChooseVillagePage />);
    await waitForRows(['辽宁省']);

    await search('懿路');

    await waitFor(() => expect(document.querySelectorAll('.search-hit')).toHaveLength(3));
    expect(api.callsTo('GET', ApiPaths.search).map((call) => call.url)).toEqual([
      `${ApiPaths.search}?q=${encodeURIComponent('懿路')}&limit=20`,
    ]);
    expect(texts('.search-hit .search-hit-name')).toEqual(['懿路村妇联', '懿路村妇女微家', '新台子镇妇联']);
    expect(texts('.search-hit .search-hit-path')).toEqual([
      '辽宁省 › 铁岭市 › 铁岭县 › 新台子镇',
      '辽宁省 › 铁岭市 › 铁岭县 › 新台子镇 › 懿路村',
      '辽宁省 › 铁岭市 › 铁岭县',
    ]);
    expect(texts('.search-hit .place-kind')).toEqual(['村（社区）妇联', '妇女微家', '乡镇（街道）妇联']);

    fireEvent.click(document.querySelectorAll('.search-hit')[0]);
    await screen.findByText('确认这是您所在的村（社区）吗？');
    expect(texts('.confirm-home-name')).toEqual(['懿路村']);
    fireEvent.click(document.querySelector('.confirm-home')!);
    await waitFor(() =>
      expect(api.callsTo('PUT', ApiPaths.meHome).map((call) => call.data)).toEqual([{ federationId: '211221101200' }]),
    );
  });

  it('a site hit opens the site; a township hit opens the tree there, with nothing to confirm', async () => {
    regionApi();
    render(<ChooseVillagePage />);
    await waitForRows(['辽宁省']);
    await search('新台子');
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(document.querySelectorAll('.search-hit')).toHaveLength(3));

    fireEvent.click(document.querySelectorAll('.search-hit')[1]);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/places/site?id=site-yilu' });

    fireEvent.click(document.querySelectorAll('.search-hit')[2]);
    await waitForRows(['懿路村', '东孤家子村']);
    expect(document.querySelectorAll('.search-hit')).toHaveLength(0);
    expect(screen.queryByText('确认这是您所在的村（社区）吗？')).toBeNull();
  });

  it('waits for her to stop typing before it searches', async () => {
    jest.useFakeTimers();
    const api = regionApi();
    render(<ChooseVillagePage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });

    await search('懿');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(200);
    });
    await search('懿路');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(400);
    });

    expect(api.callsTo('GET', ApiPaths.search).map((call) => call.url)).toEqual([
      `${ApiPaths.search}?q=${encodeURIComponent('懿路')}&limit=20`,
    ]);
  });

  it('the home page, still open underneath, shows the village she chose', async () => {
    regionApi();
    taroStorage.set(LOCATION_CHOICE_KEY, 'refused');
    setRouterParams({ from: '211221101' });
    const { container } = render(
      <>
        <HomePage />
        <ChooseVillagePage />
      </>,
    );
    await screen.findByText('您还没有选择所在的村或社区');
    await waitForRows(['懿路村', '东孤家子村']);

    fireEvent.click(rowNamed('懿路村'));
    fireEvent.click(await screen.findByText('是的，这是我的村（社区）'));

    await waitFor(() =>
      expect(Array.from(container.querySelectorAll('.home-body-name')).map((el) => el.textContent)).toContain('懿路村妇联'),
    );
    expect(screen.queryByText('您还没有选择所在的村或社区')).toBeNull();
  });
});
