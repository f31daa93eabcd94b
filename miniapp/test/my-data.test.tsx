import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, DATA_DELETION_KEEPS, ERROR_MESSAGES, ErrorCode, type MyDataExport } from '@wfh/shared';
import MePage from '../src/pages/me/index';
import MyDataDeletePage from '../src/packages/me-data/delete';
import MyDataExportPage from '../src/packages/me-data/export';
import { hasSession, startSession } from '../src/api/session';
import { FakeApi, fail, ok } from './support/fake-api';
import { meWithHome, tokensFor, villager } from './support/fixtures';
import { detail } from './support/requests';
import taro, { taroStorage } from './support/taro-mock';

const herData: MyDataExport = {
  exportedAt: '2026-12-02T02:30:00.000Z',
  profile: { id: villager.id, displayName: '王秀英', homeFederationId: '211221100201', homeFederationName: '懿路村妇联', createdAt: '2026-11-01T02:00:00.000Z' },
  roles: [],
  requests: [detail({ id: 'r1', description: '他昨晚又打我了' })],
  signups: [],
  concerns: [],
  cosigns: [],
  feedback: [{ id: 'f1', kind: 'complaint', text: '电话没人接', contactPhone: null, status: 'open', reply: null, createdAt: '2026-11-20T02:00:00.000Z' }],
  rosters: [],
};

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(villager));
});

describe('我的资料', () => {
  it('我的 offers to export and to delete her data', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    render(<MePage />);

    fireEvent.click(await screen.findByText('导出我的资料'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/me-data/export' });
    fireEvent.click(screen.getByText('注销并删除我的资料'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/me-data/delete' });
  });

  it('shows what is kept in plain counts, keeps what she wrote folded until asked, and copies it all', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome)).on('GET', ApiPaths.myData, ok(herData));
    render(<MyDataExportPage />);

    await screen.findByText('求助 1 条');
    expect(screen.getByText('投诉建议 1 条')).toBeTruthy();
    expect(screen.queryByText(/他昨晚又打我了/)).toBeNull();
    expect(screen.getByText('快速离开')).toBeTruthy();

    fireEvent.click(screen.getByText('显示全部内容'));
    expect(await screen.findByText(/他昨晚又打我了/)).toBeTruthy();

    fireEvent.click(screen.getByText('复制全部资料'));
    await waitFor(() => expect(taro.setClipboardData).toHaveBeenCalled());
    expect(JSON.parse(taro.setClipboardData.mock.calls[0]![0].data)).toEqual(herData);
  });

  it('says what goes and what stays, asks once more, then deletes, signs her out and goes home', async () => {
    const fake = new FakeApi()
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('POST', ApiPaths.myDataDeletion, ok({ deletedAt: '2026-12-02T02:30:00.000Z', requestsAnonymised: 1, signupsCancelled: 0 }));
    render(<MyDataDeletePage />);

    await screen.findByText('注销后会删除');
    expect(screen.getByText('为了统计会保留（不再和您有关联）')).toBeTruthy();
    for (const kept of DATA_DELETION_KEEPS) expect(screen.getByText(`· ${kept}`)).toBeTruthy();

    fireEvent.click(screen.getByText('我已了解，注销并删除'));

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确定注销吗？' }));
    expect(fake.callsTo('POST', ApiPaths.myDataDeletion).map((c) => c.data)).toEqual([{ confirm: true }]);
    expect(hasSession()).toBe(false);
  });

  it('deletes nothing when she thinks again at the last question', async () => {
    const fake = new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<MyDataDeletePage />);

    fireEvent.click(await screen.findByText('我已了解，注销并删除'));

    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(fake.callsTo('POST', ApiPaths.myDataDeletion)).toHaveLength(0);
    expect(hasSession()).toBe(true);
  });

  it('while a request is open, says why not and leads her to 我的求助; she stays signed in', async () => {
    const message = ERROR_MESSAGES[ErrorCode.OpenRequestsBlockDeletion];
    new FakeApi()
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('POST', ApiPaths.myDataDeletion, fail(409, ErrorCode.OpenRequestsBlockDeletion, message));
    render(<MyDataDeletePage />);

    fireEvent.click(await screen.findByText('我已了解，注销并删除'));

    expect(await screen.findByText(message)).toBeTruthy();
    fireEvent.click(screen.getByText('去看我的求助'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/requests/mine' });
    expect(taro.reLaunch).not.toHaveBeenCalled();
    expect(hasSession()).toBe(true);
  });
});
