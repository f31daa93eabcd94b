import './support/as-weapp';
import type { ReactNode } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf, type FederationDetail } from '@wfh/shared';
import MyPlacesPage from '../src/packages/workbench/places';
import EditSitePage from '../src/packages/workbench/site-edit';
import { startSession } from '../src/api/session';
import { option, texts, typeInto } from './support/dom';
import { FakeApi, ok } from './support/fake-api';
import { meAsChair, tokensFor, yiluVillage } from './support/fixtures';
import { yiluSite } from './support/places';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

// page-meta and navigation-bar exist only in WeChat; Taro's web builds of them refuse to render.
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  PageMeta: ({ children }: { children?: ReactNode }) => <div>{children}</div>,
  NavigationBar: () => null,
}));

const LOCAL_API = 'http://127.0.0.1:3000';
const VILLAGE = '211221100201';
const village: FederationDetail = { ...yiluVillage, id: VILLAGE };

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsChair.user));
});

describe('我的阵地 in the mini-program', () => {
  it('「我就在这里」 sends WeChat’s GCJ-02 position as it is, not rounded like a woman’s', async () => {
    setRouterParams({ federationId: VILLAGE });
    const fake = new FakeApi(LOCAL_API)
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', pathOf(ApiPaths.federation, { id: VILLAGE }), ok(village))
      .on('GET', pathOf(ApiPaths.federationManagedSites, { id: VILLAGE }), ok([]))
      .on('PATCH', pathOf(ApiPaths.federation, { id: VILLAGE }), ok({ ...village, latitude: 42.290137, longitude: 123.840281 }));
    taro.getLocation.mockResolvedValueOnce({ latitude: 42.290137, longitude: 123.840281 });
    render(<MyPlacesPage />);

    fireEvent.click(await screen.findByText('修改本会信息'));
    fireEvent.click(screen.getByText('我就在这里'));
    await screen.findByText('已设定：北纬42.2901°，东经123.8403°');
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(fake.callsTo('PATCH', pathOf(ApiPaths.federation, { id: VILLAGE }))).toHaveLength(1));
    expect(taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(fake.callsTo('PATCH', pathOf(ApiPaths.federation, { id: VILLAGE }))[0].data).toEqual({ latitude: 42.290137, longitude: 123.840281 });
  });

  it('picks a new site’s place on WeChat’s map, which also fills an empty address', async () => {
    setRouterParams({ federationId: VILLAGE });
    const created = pathOf(ApiPaths.federationSites, { id: VILLAGE });
    const fake = new FakeApi(LOCAL_API).on('GET', ApiPaths.me, ok(meAsChair)).on('POST', created, ok({ ...yiluSite, federationId: VILLAGE }));
    taro.chooseLocation.mockResolvedValueOnce({ name: '懿路村文化广场', address: '铁岭县新台子镇懿路村', latitude: 42.2251, longitude: 123.7302 });
    render(<EditSitePage />);

    fireEvent.click(await option('kind', '妇女微家'));
    await typeInto('.site-name-input', '懿路村广场妇女微家');
    fireEvent.click(screen.getByText('在地图上选'));
    await screen.findByText('已设定：北纬42.2251°，东经123.7302°');
    fireEvent.click(screen.getByText('添加这个阵地'));

    await waitFor(() => expect(fake.callsTo('POST', created)).toHaveLength(1));
    expect(fake.callsTo('POST', created)[0].data).toMatchObject({
      name: '懿路村广场妇女微家',
      address: '铁岭县新台子镇懿路村 懿路村文化广场',
      latitude: 42.2251,
      longitude: 123.7302,
    });
    expect(texts('.field-error')).toEqual([]);
  });
});
