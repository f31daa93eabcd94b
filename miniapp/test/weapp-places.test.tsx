import './support/as-weapp';
import type { ReactNode } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths } from '@wfh/shared';
import HomePage from '../src/pages/index/index';
import { LOCATION_CHOICE_KEY } from '../src/hooks/useLocation';
import { FakeApi, ok, queryOf } from './support/fake-api';
import { meWithHome, tokensFor, villager } from './support/fixtures';
import { here, nearbyPlaces, yiluMicroHome } from './support/places';
import taro, { taroStorage } from './support/taro-mock';

interface MarkerProps {
  id: number;
  latitude: number;
  longitude: number;
  iconPath: string;
  callout: { content: string };
}

// WeChat-only components; Taro's web builds of them refuse to render in jsdom.
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  PageMeta: ({ children }: { children?: ReactNode }) => <div>{children}</div>,
  NavigationBar: () => null,
  Map: ({
    markers,
    onCalloutTap,
  }: {
    markers: MarkerProps[];
    onCalloutTap: (event: { detail: { markerId: number } }) => void;
  }) => (
    <div data-testid="map">
      {markers.map((marker) => (
        <button
          key={marker.id}
          className="map-marker"
          data-position={`${marker.latitude},${marker.longitude}`}
          data-icon={marker.iconPath}
          onClick={() => onCalloutTap({ detail: { markerId: marker.id } })}
        >
          {marker.callout.content}
        </button>
      ))}
    </div>
  ),
}));

const LOCAL_API = 'http://127.0.0.1:3000';

function wechatApi() {
  return new FakeApi(LOCAL_API)
    .on('POST', ApiPaths.authWechat, ok(tokensFor(villager)))
    .on('GET', ApiPaths.me, ok(meWithHome))
    .on('GET', ApiPaths.nearest, (request) =>
      ok({ items: queryOf(request).openNow === 'true' ? [yiluMicroHome] : nearbyPlaces }),
    );
}

type PrivacyResolve = (option: { event: string; buttonId?: string }) => void;
// WeChat keeps one listener for the whole app, registered the first time the home page opens.
let privacyListener: ((resolve: PrivacyResolve) => void) | null = null;
taro.onNeedPrivacyAuthorization = jest.fn((listener) => {
  privacyListener = listener;
});

beforeEach(() => {
  taroStorage.clear();
  taro.getLocation.mockImplementation(() => Promise.resolve(here));
});

describe('首页 nearby places in the WeChat mini-program', () => {
  it('asks WeChat for a GCJ-02 position and pins the nearby places on a map', async () => {
    const api = wechatApi();
    render(<HomePage />);

    fireEvent.click(await screen.findByText('同意，帮我查找'));

    await waitFor(() => expect(screen.getAllByRole('button', { name: /点这里查看/ })).toHaveLength(3));
    expect(taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    // WeChat already speaks GCJ-02: only rounded to about 100 m before it leaves the phone.
    const query = queryOf(api.callsTo('GET', ApiPaths.nearest)[0]);
    expect([query.latitude, query.longitude]).toEqual(['42.223', '123.728']);

    const markers = screen.getAllByRole('button', { name: /点这里查看/ });
    expect(markers.map((marker) => marker.textContent)).toEqual([
      '懿路村妇女微家\n点这里查看',
      '懿路村妇联\n点这里查看',
      '新台子镇妇女之家\n点这里查看',
    ]);
    expect(markers.map((marker) => marker.dataset.icon)).toEqual(Array(3).fill('/assets/marker.png'));

    fireEvent.click(markers[2]);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/places/site?id=site-xintaizi' });
  });

  it('shows its own consent dialog when WeChat’s privacy check asks, and passes on her “agree”', async () => {
    wechatApi();
    const resolve = jest.fn<void, Parameters<PrivacyResolve>>();
    render(<HomePage />);
    await screen.findByText('同意，帮我查找');
    expect(privacyListener).toBeInstanceOf(Function);

    act(() => privacyListener!(resolve));

    await screen.findByText('用位置之前，先请您同意');
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    const agree = document.querySelector<HTMLElement>('.privacy-agree')!;
    expect(agree.getAttribute('open-type')).toBe('agreePrivacyAuthorization');
    // WeChat checks that the button with this id was the one tapped.
    expect(agree.id).toBe('privacy-agree');

    act(() => {
      agree.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { detail: {} }));
    });

    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
    await waitFor(() => expect(screen.queryByText('用位置之前，先请您同意')).toBeNull());
  });

  it('passes on her “disagree”, and she finds places by region instead', async () => {
    wechatApi();
    const resolve = jest.fn<void, Parameters<PrivacyResolve>>();
    // WeChat fails getLocation once she disagrees.
    taro.getLocation.mockImplementation(
      () =>
        new Promise((_ok, fail) => {
          privacyListener!((option) => {
            resolve(option);
            if (option.event === 'disagree') fail({ errMsg: 'getLocation:fail privacy permission is not authorized' });
          });
        }),
    );
    render(<HomePage />);

    fireEvent.click(await screen.findByText('同意，帮我查找'));
    fireEvent.click(await screen.findByText('不同意'));

    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    await screen.findByText('按地区查找妇联和妇女之家');
    expect(taroStorage.get(LOCATION_CHOICE_KEY)).toBe('refused');
    expect(screen.queryByTestId('map')).toBeNull();
  });
});
