import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths } from '@wfh/shared';
import HomePage from '../src/pages/index/index';
import { startSession } from '../src/api/session';
import { FakeApi, ok } from './support/fake-api';
import { demoPeople, meWithHome, meWithoutHome, tokensFor, villager } from './support/fixtures';
import taro, { taroStorage } from './support/taro-mock';

beforeEach(() => {
  taroStorage.clear();
});

function byClass(container: HTMLElement, className: string): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(`.${className}`));
}

describe('首页', () => {
  it('shows her village body and its parents from /me', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager));

    const { container } = render(<HomePage />);

    await screen.findByText('您好，王秀英');
    expect(byClass(container, 'greeting').map((el) => el.textContent)).toEqual(['您好，王秀英']);
    expect(byClass(container, 'home-body-name').map((el) => el.textContent)).toEqual(['懿路村妇联']);
    expect(byClass(container, 'home-breadcrumb').map((el) => el.textContent)).toEqual([
      '辽宁省妇联 › 铁岭市妇联 › 铁岭县妇联 › 新台子镇妇联',
    ]);
  });

  it('calls the body’s phone when she taps it', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager));

    render(<HomePage />);
    fireEvent.click(await screen.findByText('拨打电话 024-12345678'));

    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '024-12345678' });
  });

  it('has one big 我要求助 button that opens the request form', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager));

    const { container } = render(<HomePage />);
    await screen.findByText('您好，王秀英');

    expect(byClass(container, 'ask-for-help').map((el) => el.textContent)).toEqual(['我要求助']);
    expect(byClass(container, 'ask-for-help')[0].classList.contains('btn-primary')).toBe(true);
    fireEvent.click(byClass(container, 'ask-for-help')[0]);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/requests/index' });
  });

  it('says plainly that she has not chosen her village yet', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithoutHome));
    startSession(tokensFor(villager));

    const { container } = render(<HomePage />);

    await screen.findByText('您还没有选择所在的村或社区');
    expect(byClass(container, 'home-body-name')).toHaveLength(0);
  });

  it('in the browser, lists demo people and signs in as the one she taps', async () => {
    const api = new FakeApi()
      .on('GET', ApiPaths.authDevPeople, ok(demoPeople))
      .on('POST', ApiPaths.authDev, ok(tokensFor(villager)))
      .on('GET', ApiPaths.me, ok(meWithHome));

    const { container } = render(<HomePage />);

    await screen.findByText('选择体验账号登录');
    await waitFor(() => expect(byClass(container, 'demo-person')).toHaveLength(2));
    const buttons = byClass(container, 'demo-person');
    expect(buttons.map((button) => button.textContent)).toEqual(['王秀英', '李桂兰']);
    // A disabled="false" attribute still greys a button out in the browser.
    expect(buttons.filter((button) => button.hasAttribute('disabled'))).toHaveLength(0);
    expect(api.callsTo('GET', ApiPaths.me)).toHaveLength(0);

    fireEvent.click(buttons[0]);

    await screen.findByText('您好，王秀英');
    const signIns = api.callsTo('POST', ApiPaths.authDev);
    expect(signIns.map((call) => call.data)).toEqual([{ personKey: 'villager' }]);
    expect(api.callsTo('GET', ApiPaths.me)[0].header).toMatchObject({ Authorization: 'Bearer access-1' });
    expect(byClass(container, 'home-body-name').map((el) => el.textContent)).toEqual(['懿路村妇联']);
  });
});
