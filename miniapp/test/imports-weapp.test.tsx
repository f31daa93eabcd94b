import './support/as-weapp';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, ImportKind, pathOf, RoleKind, type ImportReport, type MeResponse } from '@wfh/shared';
import ImportsPage from '../src/packages/admin/imports';
import { startSession } from '../src/api/session';
import { FakeApi, ok, queryOf } from './support/fake-api';
import { tokensFor } from './support/fixtures';
import taro, { setRouterParams, taroStorage, type Reply } from './support/taro-mock';

const COUNTY = '211221';
const OTHER_COUNTY = '211223';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const meAsAdmin: MeResponse = {
  user: { id: 'u-admin', displayName: '周红', nameListed: false, homeFederationId: null, isDemo: false },
  roles: [
    { role: RoleKind.Admin, federationId: COUNTY, federationName: '铁岭县妇联' },
    { role: RoleKind.Admin, federationId: OTHER_COUNTY, federationName: '西丰县妇联' },
  ],
  home: null,
};

const check: ImportReport = {
  kind: ImportKind.People,
  format: 'xlsx',
  encoding: null,
  sheet: '人员名单',
  dryRun: true,
  committed: false,
  rows: [{ row: 2, action: 'create', summary: '新增 张春梅：懿路村妇联主席，手机 138****5678' }],
  problems: [],
  warnings: [],
  counts: { rows: 1, create: 1, change: 0, leave: 0, badRows: 0, problems: 0, warnings: 0 },
};

/** WeChat's file APIs, as far as the page uses them: what it wrote, and the bytes of the file she picks. */
const written = new Map<string, unknown>();
const picked = new Uint8Array([0x50, 0x4b, 3, 4, 5, 6]).buffer;
const wx = taro as unknown as Record<string, jest.Mock>;

beforeEach(() => {
  taroStorage.clear();
  written.clear();
  setRouterParams({ countyId: OTHER_COUNTY });
  startSession(tokensFor(meAsAdmin.user));
  wx.chooseMessageFile = jest.fn(() => Promise.resolve({ tempFiles: [{ name: '西丰县人员名单.xlsx', size: picked.byteLength, path: 'wxfile://tmp/1.xlsx' }] }));
  wx.openDocument = jest.fn(() => Promise.resolve());
  taro.getFileSystemManager.mockReturnValue({
    readFile: ({ filePath, success }: { filePath: string; success: (result: { data: ArrayBuffer }) => void }) => {
      expect(filePath).toBe('wxfile://tmp/1.xlsx');
      success({ data: picked });
    },
    writeFile: ({ filePath, data, success }: { filePath: string; data: unknown; success: () => void }) => {
      written.set(filePath, data);
      success();
    },
  } as never);
});

it('takes the file from a WeChat chat and sends its bytes, saying it is uploading without a figure', async () => {
  let answer!: (reply: Reply) => void;
  const importPath = pathOf(ApiPaths.countyImport, { countyId: OTHER_COUNTY, kind: ImportKind.People });
  const fake = new FakeApi('http://127.0.0.1:3000')
    .on('GET', ApiPaths.me, ok(meAsAdmin))
    .on('POST', importPath, () => new Promise<Reply>((resolve) => (answer = resolve)));
  render(<ImportsPage />);
  // Opened for the county she came from, among the two she administers.
  await waitFor(() => expect(document.querySelector('.home-body-name')?.textContent).toBe('西丰县妇联'));
  fireEvent.click(Array.from(document.querySelectorAll('.import-kind-option')).find((el) => el.textContent === '人员名单')!);
  expect(document.querySelector('input.import-file-input')).toBeNull();

  fireEvent.click(await screen.findByText('从微信聊天里选择表格'));
  await screen.findByText('正在上传表格…');
  expect(wx.chooseMessageFile).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
  await waitFor(() => expect(fake.callsTo('POST', importPath)).toHaveLength(1));
  const [sent] = fake.callsTo('POST', importPath);
  expect(sent!.data).toBe(picked);
  expect(sent!.header).toMatchObject({ 'Content-Type': XLSX, Authorization: 'Bearer access-1' });
  expect(queryOf(sent!)).toMatchObject({ dryRun: 'true', progressId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  answer(ok(check));

  await screen.findByText('检查结果');
  expect(screen.getByText('确认导入')).toBeTruthy();
});

it('opens a downloaded Excel file in WeChat and sends a CSV to a chat', async () => {
  const bytes = new Uint8Array([0x50, 0x4b]).buffer;
  const named = (name: string) => ({ 'Content-Disposition': `attachment; filename="wfh-export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}` });
  new FakeApi('http://127.0.0.1:3000')
    .on('GET', ApiPaths.me, ok(meAsAdmin))
    .on('GET', pathOf(ApiPaths.countyImportTemplate, { countyId: OTHER_COUNTY, kind: ImportKind.Sites }), { statusCode: 200, data: bytes, header: named('阵地导入模板.xlsx') } as Reply)
    .on('GET', pathOf(ApiPaths.countyExport, { countyId: OTHER_COUNTY, kind: ImportKind.Sites }), { statusCode: 200, data: bytes, header: named('西丰县阵地.csv') } as Reply);
  render(<ImportsPage />);
  await screen.findByText('Excel 文件会在微信里打开，可以从右上角转发；CSV 文件会发到您选的聊天里（比如“文件传输助手”）。');

  fireEvent.click(document.querySelector('.download-template-xlsx')!);
  await screen.findByText('已下载：阵地导入模板.xlsx');
  expect(written.get('wxfile://usr/阵地导入模板.xlsx')).toBe(bytes);
  expect(wx.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/阵地导入模板.xlsx', fileType: 'xlsx', showMenu: true });

  fireEvent.click(document.querySelector('.export-csv')!);
  await screen.findByText('已下载：西丰县阵地.csv');
  expect(taro.shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://usr/西丰县阵地.csv', fileName: '西丰县阵地.csv' });
});
