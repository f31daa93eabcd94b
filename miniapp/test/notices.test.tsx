import { render, screen, fireEvent } from '@testing-library/react';
import { ApiPaths, pathOf, type NoticeSummary, type NoticeView } from '@wfh/shared';
import HomePage from '../src/pages/index/index';
import NoticePage from '../src/packages/notices/detail';
import { startSession } from '../src/api/session';
import { FakeApi, ok } from './support/fake-api';
import { meWithHome, tokensFor, villager } from './support/fixtures';
import taro, { setRouterParams, taroStorage, useShareAppMessage } from './support/taro-mock';

beforeEach(() => {
  taroStorage.clear();
});

const summaries: NoticeSummary[] = [
  { id: 'n2', kind: 'announcement', title: '冬季两癌免费筛查', federationId: '211221101200', federationName: '懿路村妇联', publishedAt: '2026-12-02T02:00:00.000Z', unread: true },
  { id: 'n1', kind: 'policy', title: '妇女权益保障法要点', federationId: '211221', federationName: '铁岭县妇联', publishedAt: '2026-12-01T02:00:00.000Z', unread: false },
];

const notice: NoticeView = {
  id: 'n2',
  kind: 'announcement',
  title: '冬季两癌免费筛查',
  federationId: '211221101200',
  federationName: '懿路村妇联',
  bodyHtml: '<h3>时间地点</h3><p>12月10日上午</p><img src="https://img.example.cn/a.png" />',
  links: [{ label: '查看活动', href: '/packages/activities/detail?id=a1', internal: true }],
  state: 'published',
  publishedAt: '2026-12-02T02:00:00.000Z',
  withdrawnAt: null,
  source: null,
  canManage: false,
};

describe('通知公告', () => {
  it('lists her notices on the home page newest first, marks the unread one 「新」, and opens it', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome)).on('GET', ApiPaths.myNotices, ok(summaries));
    startSession(tokensFor(villager));
    const { container } = render(<HomePage />);

    await screen.findByText('冬季两癌免费筛查');
    const rows = Array.from(container.querySelectorAll('.notice-row'));
    expect(rows.map((r) => r.querySelector('.notice-row-title')!.textContent)).toEqual(['冬季两癌免费筛查', '妇女权益保障法要点']);
    expect(rows.map((r) => r.querySelector('.notice-new')?.textContent ?? null)).toEqual(['新', null]);
    expect(rows[1]!.textContent).toContain('政策解读 · 铁岭县妇联');
    fireEvent.click(rows[0]!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/detail?id=n2' });
  });

  it('renders the notice as rich text, its links as big buttons, and shares it with its title', async () => {
    setRouterParams({ id: 'n2' });
    new FakeApi().on('GET', pathOf(ApiPaths.notice, { id: 'n2' }), ok(notice));
    const { container } = render(<NoticePage />);

    await screen.findByText('时间地点');
    expect(container.querySelector('.notice-title')!.textContent).toBe('冬季两癌免费筛查');
    expect(container.querySelector('h3')!.textContent).toBe('时间地点');
    expect(container.querySelector('img')!.getAttribute('style')).toContain('max-width:100%');
    fireEvent.click(screen.getByText('查看活动'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activities/detail?id=a1' });
    const share = useShareAppMessage.mock.calls.at(-1)![0];
    expect(share()).toEqual({ title: '懿路村妇联：冬季两癌免费筛查', path: '/packages/notices/detail?id=n2' });
  });
});
