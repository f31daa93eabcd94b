import './support/as-weapp';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf, RegionLevel, RoleKind, type MeResponse, type SubtreeStats } from '@wfh/shared';
import DashboardPage from '../src/packages/dashboard/index';
import { startSession } from '../src/api/session';
import { DEFAULT_PRESET, presetRange } from '../src/packages/dashboard/range';
import { FakeApi, ok } from './support/fake-api';
import { tokensFor } from './support/fixtures';
import taro, { taroStorage, writtenFiles } from './support/taro-mock';

const TOWNSHIP = '211221100';
const me: MeResponse = {
  user: { id: 'u-staff', displayName: '张秀梅', nameListed: false, homeFederationId: null, isDemo: false },
  roles: [{ role: RoleKind.Staff, federationId: TOWNSHIP, federationName: '新台子镇妇联' }],
  home: null,
};
// 近30天, the range the dashboard opens on.
const range = presetRange(DEFAULT_PRESET);
const stats = {
  range,
  total: { federationId: TOWNSHIP, name: '新台子镇妇联', level: RegionLevel.Township, received: 0, overdueNow: 0 },
  children: [],
  weeks: [],
  categories: [],
  generatedAt: new Date().toISOString(),
} as unknown as SubtreeStats;

beforeEach(() => {
  taroStorage.clear();
  writtenFiles.clear();
  startSession(tokensFor(me.user));
});

it('sends the spreadsheet to a chat she picks in WeChat, with the byte-order mark written once', async () => {
  new FakeApi('http://127.0.0.1:3000')
    .on('GET', ApiPaths.me, ok(me))
    .on('GET', pathOf(ApiPaths.federationStats, { id: TOWNSHIP }), ok(stats))
    .on('GET', pathOf(ApiPaths.federationStatsCsv, { id: TOWNSHIP }), ok('\uFEFF单位\n新台子镇妇联\n'));
  render(<DashboardPage />);

  fireEvent.click(await screen.findByText('把表格发到微信'));
  const fileName = `新台子镇妇联-工作看板-${range.from}至${range.to}.csv`;
  await waitFor(() => expect(taro.shareFileMessage).toHaveBeenCalledWith({ filePath: `wxfile://usr/${fileName}`, fileName }));
  expect(writtenFiles.get(`wxfile://usr/${fileName}`)).toBe('\uFEFF单位\n新台子镇妇联\n');
});
