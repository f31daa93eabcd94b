import './support/as-weapp';
import type { ReactNode } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf } from '@wfh/shared';
import SitePage from '../src/packages/places/site';
import { guardHistoryAfterQuickExit, quickExit } from '../src/utils/quick-exit';
import { FakeApi, ok } from './support/fake-api';
import { yiluSite } from './support/places';
import taro, { setRouterParams, useRouter } from './support/taro-mock';

// page-meta and navigation-bar exist only in WeChat; Taro's web builds of them refuse to render.
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  PageMeta: ({ children }: { children?: ReactNode }) => <div>{children}</div>,
  NavigationBar: () => null,
}));

const LOCAL_API = 'http://127.0.0.1:3000';

function sitePage() {
  new FakeApi(LOCAL_API).on('GET', pathOf(ApiPaths.site, { id: yiluSite.id }), ok(yiluSite));
  setRouterParams({ id: yiluSite.id });
  useRouter.mockImplementation(() => ({ params: { id: yiluSite.id }, path: 'packages/places/site' }));
  render(<SitePage />);
}

afterEach(() => {
  useRouter.mockImplementation(() => ({ params: {}, path: '' }));
});

describe('in the mini-program', () => {
  it('「导航到这里」 hands the place to WeChat’s map, which offers the map apps itself', async () => {
    sitePage();

    fireEvent.click(await screen.findByText('导航到这里'));

    expect(taro.openLocation).toHaveBeenCalledWith({
      latitude: 42.224076,
      longitude: 123.735739,
      name: '懿路村妇女微家',
      address: '铁岭县新台子镇懿路村村民服务中心一楼',
    });
    expect(document.querySelector('.map-choices')).toBeNull();
  });

  it('tells her the address when WeChat will not open its map', async () => {
    taro.openLocation.mockImplementationOnce(() => Promise.reject({ errMsg: 'openLocation:fail' }));
    sitePage();

    fireEvent.click(await screen.findByText('导航到这里'));

    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '地址：铁岭县新台子镇懿路村村民服务中心一楼' })),
    );
  });

  it('draws no header of its own: WeChat’s title bar has the title and the back arrow', async () => {
    sitePage();

    await screen.findByText('懿路村妇女微家');
    expect(document.querySelector('.page-header')).toBeNull();
    expect(screen.queryByText('返回')).toBeNull();
  });

  it('快速离开 relaunches to the neutral page, which empties the page stack; no browser history to guard', () => {
    const listen = jest.spyOn(window, 'addEventListener');
    guardHistoryAfterQuickExit();

    quickExit();

    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/neutral/index' });
    expect(listen.mock.calls.map(([type]) => type)).not.toEqual(expect.arrayContaining(['popstate']));
    expect(window.sessionStorage.length).toBe(0);
    listen.mockRestore();
  });
});
