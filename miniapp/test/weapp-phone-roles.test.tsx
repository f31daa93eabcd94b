import './support/as-weapp';
import type { ReactNode } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, ErrorCode, RoleKind, type MeResponse } from '@wfh/shared';
import MePage from '../src/pages/me/index';
import { FakeApi, fail, ok } from './support/fake-api';
import { meWithHome, tokensFor, villager } from './support/fixtures';
import taro, { taroStorage } from './support/taro-mock';

jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  PageMeta: ({ children }: { children?: ReactNode }) => <div>{children}</div>,
  NavigationBar: ({ title }: { title?: string }) => <div>{title}</div>,
}));

const LOCAL_API = 'http://127.0.0.1:3000';

const listedChair: MeResponse = {
  user: { ...villager, displayName: '张春梅' },
  roles: [{ role: RoleKind.Chair, federationId: '211221101200', federationName: '懿路村妇联' }],
  home: meWithHome.home,
};

/** What WeChat fires on the button once she allows it to share her number. */
function sharePhone(button: HTMLElement, detail: Record<string, string>) {
  act(() => {
    button.dispatchEvent(new CustomEvent('getphonenumber', { detail }));
  });
}

beforeEach(() => taroStorage.clear());

describe('我的: a listed chair shares her WeChat phone number', () => {
  it('asks WeChat for the number with its own button, and shows her roles under her listed name', async () => {
    const api = new FakeApi(LOCAL_API)
      .on('POST', ApiPaths.authWechat, ok(tokensFor(villager)))
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('POST', ApiPaths.mePhone, ok(listedChair));
    render(<MePage />);

    const button = (await screen.findByText('用微信手机号登录')).closest<HTMLElement>('.phone-roles-button')!;
    expect(button.getAttribute('open-type')).toBe('getPhoneNumber');
    sharePhone(button, { code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' });

    await screen.findByText('进入我的工作台');
    expect(api.callsTo('POST', ApiPaths.mePhone).map((c) => c.data)).toEqual([{ code: 'phone-code-1' }]);
    expect(screen.getByText('张春梅')).not.toBeNull();
    // Once she holds a role the card has done its job.
    expect(screen.queryByText('用微信手机号登录')).toBeNull();
  });

  it('sends nothing when she declines WeChat’s dialog', async () => {
    const api = new FakeApi(LOCAL_API).on('POST', ApiPaths.authWechat, ok(tokensFor(villager))).on('GET', ApiPaths.me, ok(meWithHome));
    render(<MePage />);
    const button = (await screen.findByText('用微信手机号登录')).closest<HTMLElement>('.phone-roles-button')!;
    sharePhone(button, { errMsg: 'getPhoneNumber:fail user deny' });
    expect(api.callsTo('POST', ApiPaths.mePhone)).toEqual([]);
  });

  it('says why when her number is on no list, and keeps the invitation code as the other way in', async () => {
    new FakeApi(LOCAL_API)
      .on('POST', ApiPaths.authWechat, ok(tokensFor(villager)))
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('POST', ApiPaths.mePhone, fail(403, ErrorCode.PhoneNotListed, '这个手机号不在县妇联登记的工作人员名单上。如果您在妇联任职，请联系县妇联登记，或用邀请码加入'));
    render(<MePage />);
    const button = (await screen.findByText('用微信手机号登录')).closest<HTMLElement>('.phone-roles-button')!;
    sharePhone(button, { code: 'phone-code-2' });
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('不在县妇联登记的工作人员名单上') })),
    );
    expect(screen.getByText('输入职务邀请码')).not.toBeNull();
  });
});
