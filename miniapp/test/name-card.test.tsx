import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, ErrorCode, type MeResponse } from '@wfh/shared';
import MePage from '../src/pages/me/index';
import { startSession } from '../src/api/session';
import { texts, typeInto } from './support/dom';
import { FakeApi, fail, ok } from './support/fake-api';
import { meWithHome, tokensFor, villager } from './support/fixtures';
import taro, { taroStorage } from './support/taro-mock';

const nameless: MeResponse = { ...meWithHome, user: { ...villager, displayName: null } };
const named = (displayName: string): MeResponse => ({ ...meWithHome, user: { ...villager, displayName } });
const listed: MeResponse = { ...meWithHome, user: { ...villager, displayName: '刘淑珍', nameListed: true } };

const open = (me: MeResponse) => {
  const api = new FakeApi().on('GET', ApiPaths.me, ok(me));
  startSession(tokensFor(me.user));
  render(<MePage />);
  return api;
};
const nameOnTop = () => document.querySelector('.me-name')!.textContent;

beforeEach(() => taroStorage.clear());

describe('我的称呼 in the browser', () => {
  it('a woman without a name sees 「我」, sets her name with a plain field, and is shown by it at once', async () => {
    const api = open(nameless).on('PUT', ApiPaths.meName, ok(named('王大姐')));
    await screen.findByText('我的称呼');
    expect(nameOnTop()).toBe('我');
    expect(document.querySelector('.name-input')!.getAttribute('type')).toBe('text');

    await typeInto('.name-input', ' 王大姐 ');
    fireEvent.click(screen.getByText('保存'));

    await screen.findByText('已保存');
    expect(api.callsTo('PUT', ApiPaths.meName).map((c) => c.data)).toEqual([{ name: '王大姐' }]);
    await waitFor(() => expect(nameOnTop()).toBe('王大姐'));
  });

  it('says why before sending a placeholder, too long a name or nothing at all', async () => {
    const api = open(nameless);
    await screen.findByText('我的称呼');
    for (const [typed, words] of [
      ['微信用户', '不是称呼'],
      ['一二三四五六七八九十一二三四五六七八九十一', '称呼最多 20 字，现在 21 字，请删短一些'],
      ['', '请填写您的称呼'],
    ] as const) {
      await typeInto('.name-input', typed);
      fireEvent.click(screen.getByText('保存'));
      await waitFor(() => expect(document.querySelector('.name-problem')?.textContent).toContain(words));
    }
    expect(api.callsTo('PUT', ApiPaths.meName)).toEqual([]);
  });

  it('counts a pasted name that is too long instead of cutting it, and the message goes as she shortens it', async () => {
    const api = open(nameless).on('PUT', ApiPaths.meName, ok(named('王秀英')));
    await screen.findByText('我的称呼');
    await typeInto('.name-input', '王'.repeat(45));

    expect(document.querySelector<HTMLInputElement>('.name-input input')!.value).toHaveLength(45);
    expect(texts('.text-count-over')).toEqual(['已写 45/20 字，多了 25 字，请删短一些']);
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(document.querySelector('.name-problem')?.textContent).toBe('称呼最多 20 字，现在 45 字，请删短一些'));
    expect(api.callsTo('PUT', ApiPaths.meName)).toEqual([]);

    await typeInto('.name-input', '王秀英');
    await waitFor(() => expect(document.querySelector('.name-problem')).toBeNull());
    expect(texts('.text-count')).toEqual([]);
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('已保存');
    expect(api.callsTo('PUT', ApiPaths.meName).map((c) => c.data)).toEqual([{ name: '王秀英' }]);
  });

  it('clears her name when she empties the field, and says how the lists will show her', async () => {
    const api = open(named('王大姐')).on('PUT', ApiPaths.meName, ok(nameless));
    await screen.findByText('我的称呼');
    await typeInto('.name-input', '');
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('已清除，名单上会显示为“报名者”加序号');
    expect(api.callsTo('PUT', ApiPaths.meName).map((c) => c.data)).toEqual([{ name: null }]);
  });

  it('shows the server’s reason next to the field, without a toast on top', async () => {
    open(nameless).on('PUT', ApiPaths.meName, fail(409, ErrorCode.NameIsListed, '您的姓名来自县妇联名单，如需更改请联系县妇联'));
    await screen.findByText('我的称呼');
    await typeInto('.name-input', '王大姐');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(document.querySelector('.name-problem')?.textContent).toBe('您的姓名来自县妇联名单，如需更改请联系县妇联'));
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('a listed person sees her listed name, to be changed by the county only', async () => {
    open(listed);
    await screen.findByText('我的称呼');
    expect(document.querySelector('.name-listed')!.textContent).toBe('刘淑珍');
    expect(screen.getByText(/如需更改请联系县妇联/)).not.toBeNull();
    expect(document.querySelector('.name-input')).toBeNull();
    expect(screen.queryByText('保存')).toBeNull();
  });
});
