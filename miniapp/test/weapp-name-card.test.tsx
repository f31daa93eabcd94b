import './support/as-weapp';
import type { ReactNode } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, type MeResponse } from '@wfh/shared';
import MePage from '../src/pages/me/index';
import { drawn } from './support/drawn';
import { FakeApi, ok } from './support/fake-api';
import { meWithHome, tokensFor, villager } from './support/fixtures';
import { taroStorage } from './support/taro-mock';

jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  PageMeta: ({ children }: { children?: ReactNode }) => <div>{children}</div>,
  NavigationBar: ({ title }: { title?: string }) => <div>{title}</div>,
}));

const LOCAL_API = 'http://127.0.0.1:3000';
const nameless: MeResponse = { ...meWithHome, user: { ...villager, displayName: null } };
const named = (displayName: string): MeResponse => ({ ...meWithHome, user: { ...villager, displayName } });

/** WeChat's own events on its nickname input: the value it filled in on blur, then its review. */
function wechatFires(field: HTMLElement, type: 'blur' | 'nicknamereview', detail: Record<string, unknown>) {
  act(() => {
    field.dispatchEvent(new CustomEvent(type, { detail }));
  });
}

const open = () => {
  const api = new FakeApi(LOCAL_API).on('POST', ApiPaths.authWechat, ok(tokensFor(nameless.user))).on('GET', ApiPaths.me, ok(nameless));
  render(<MePage />);
  return api;
};

beforeEach(() => taroStorage.clear());

describe('我的称呼 in WeChat', () => {
  it('uses WeChat’s nickname input, and saves the nickname WeChat filled in', async () => {
    const api = open().on('PUT', ApiPaths.meName, ok(named('春梅🌸')));
    await screen.findByText('我的称呼');
    const field = await drawn('.name-input', 'the name field');
    expect(field.getAttribute('type')).toBe('nickname');

    // She picks her WeChat nickname above the keyboard: WeChat fills the field, blur carries it.
    wechatFires(field, 'blur', { value: '春梅🌸' });
    wechatFires(field, 'nicknamereview', { pass: true, timeout: false });
    fireEvent.click(screen.getByText('保存'));

    await screen.findByText('已保存');
    expect(api.callsTo('PUT', ApiPaths.meName).map((c) => c.data)).toEqual([{ name: '春梅🌸' }]);
    await waitFor(() => expect(document.querySelector('.me-name')!.textContent).toBe('春梅🌸'));
  });

  it('empties the field and says so when WeChat refuses the nickname, sending nothing', async () => {
    const api = open();
    const field = await drawn('.name-input', 'the name field');
    wechatFires(field, 'blur', { value: '不合适的昵称' });
    wechatFires(field, 'nicknamereview', { pass: false, timeout: false });

    await screen.findByText('微信没有通过这个称呼，请换一个');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(document.querySelector('.name-problem')!.textContent).toContain('请填写您的称呼'));
    expect(api.callsTo('PUT', ApiPaths.meName)).toEqual([]);
  });
});
