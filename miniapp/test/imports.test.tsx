import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ApiPaths,
  ERROR_MESSAGES,
  ErrorCode,
  ImportKind,
  pathOf,
  RoleKind,
  type ImportProgress,
  type ImportReport,
  type MeResponse,
} from '@wfh/shared';
import ImportsPage from '../src/packages/admin/imports';
import AdminPage from '../src/packages/admin/index';
import { startSession } from '../src/api/session';
import { progressWords, sheetFileOf } from '../src/utils/imports';
import { option, texts } from './support/dom';
import { fail, FakeApi, ok, queryOf } from './support/fake-api';
import { installFakeXhr } from './support/fake-xhr';
import { tokensFor } from './support/fixtures';
import taro, { setRouterParams, taroStorage, type Reply } from './support/taro-mock';

const COUNTY = '211221';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const meAsAdmin: MeResponse = {
  user: { id: 'u-admin', displayName: '周红', nameListed: false, homeFederationId: null, isDemo: true },
  roles: [{ role: RoleKind.Admin, federationId: COUNTY, federationName: '铁岭县妇联' }],
  home: null,
};

const importOf = (kind: ImportKind) => pathOf(ApiPaths.countyImport, { countyId: COUNTY, kind });
const progressOf = (progressId: string) => pathOf(ApiPaths.countyImportProgress, { countyId: COUNTY, progressId });

function report(overrides: Partial<Omit<ImportReport, 'counts'>> & { counts?: Partial<ImportReport['counts']> } = {}): ImportReport {
  const { counts, ...rest } = overrides;
  return {
    kind: ImportKind.Sites,
    format: 'csv',
    encoding: 'utf-8',
    sheet: null,
    dryRun: true,
    committed: false,
    rows: [],
    problems: [],
    warnings: [],
    ...rest,
    counts: { rows: 0, create: 0, change: 0, leave: 0, badRows: 0, problems: 0, warnings: 0, ...counts },
  };
}

const badCheck = report({
  rows: [{ row: 2, action: 'create', summary: '新建妇女之家“懿路村妇女之家”（懿路村（新台子镇，211221101200））' }],
  problems: [
    { row: 3, column: '纬度', message: '纬度 142.1 不在中国境内：请在地图上重新取点' },
    { row: 4, column: null, message: '这是模板里的示例行：请删除这一行，或改成真实的内容' },
  ],
  warnings: [{ row: 2, column: '开放时间', message: '“上午”按 8:30-11:30 计算；如果不对，请写上具体时间' }],
  counts: { rows: 3, create: 1, badRows: 2, problems: 2, warnings: 1 },
});
const goodCheck = report({
  rows: [
    { row: 2, action: 'create', summary: '新建妇女之家“懿路村妇女之家”' },
    { row: 3, action: 'change', summary: '修改“新华村妇女微家”：电话 138 1234 5678 → 13900001111' },
    { row: 4, action: 'leave', summary: '不变：“铁岭县妇女儿童维权站”' },
  ],
  counts: { rows: 3, create: 1, change: 1, leave: 1 },
});
const committed = { ...goodCheck, dryRun: false, committed: true };

/** A server that answers when the test says so: what the page shows meanwhile is the waiting. */
function deferred() {
  let answer!: (reply: Reply) => void;
  const reply = new Promise<Reply>((resolve) => {
    answer = resolve;
  });
  return { reply, answer };
}

/** The progress id the page sent with its n-th import. */
const progressIdOf = (fake: FakeApi, n: number) =>
  queryOf(fake.calls.filter((call) => call.method === 'POST' && call.url.startsWith(importOf(ImportKind.Sites)))[n]!).progressId!;

function api() {
  return new FakeApi().on('GET', ApiPaths.me, ok(meAsAdmin));
}

/** Picks a file with the page's own file input, as the browser hands it over. */
async function chooseFile(name: string, content = '名称,类型\r\n懿路村妇女之家,妇女之家\n', type = 'text/csv') {
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>('input.import-file-input');
    if (!found) throw new Error('no file input yet');
    return found;
  });
  const file = new File([content], name, { type });
  fireEvent.change(input, { target: { files: [file] } });
  return file;
}

beforeAll(() => installFakeXhr());

beforeEach(() => {
  taroStorage.clear();
  setRouterParams({});
  startSession(tokensFor(meAsAdmin.user));
});

describe('导入导出', () => {
  it('checks a file, shows each bad row with its row, column and message, and imports only the corrected one', async () => {
    const firstCheck = deferred();
    const fake = api();
    fake.on('POST', importOf(ImportKind.Sites), () => firstCheck.reply, ok(goodCheck), ok(committed));
    render(<ImportsPage />);
    expect((await option('import-kind', '阵地')).className).toContain('choice-selected');

    const file = await chooseFile('阵地.csv');
    expect(file.size).toBe(50);
    // Half the file has gone; the server has not begun on it (its poll answers 404).
    await screen.findByText('正在上传表格：50%');
    await waitFor(() => expect(fake.callsTo('GET', progressOf(progressIdOf(fake, 0))).length).toBeGreaterThan(0));
    // Now it is checking: the page's next poll says how far.
    const progress: ImportProgress = { phase: 'checking', done: 200, total: 450 };
    fake.on('GET', progressOf(progressIdOf(fake, 0)), ok(progress));
    await screen.findByText('正在检查：第 200 行，共 450 行');
    expect(document.querySelector('.import-progress-bar')!.getAttribute('aria-valuenow')).toBe('44');
    firstCheck.answer(ok(badCheck));

    await screen.findByText('检查结果');
    expect(texts('.import-count-number')).toEqual(['1', '0', '0', '2']);
    expect(texts('.import-problem-line')).toEqual(['第 3 行', '第 4 行']);
    expect(texts('.import-problem-column')).toEqual(['纬度', '整行']);
    expect(texts('.import-problem-message')).toEqual([badCheck.problems[0]!.message, badCheck.problems[1]!.message]);
    expect(texts('.import-warning-column')).toEqual(['开放时间']);
    expect(texts('.import-row-create .import-row-summary')).toEqual([badCheck.rows[0]!.summary]);
    expect(screen.queryByText('确认导入')).toBeNull();

    fireEvent.click(screen.getByText('重新选择文件'));
    await chooseFile('阵地（改好的）.csv');
    await screen.findByText('没有发现问题。', { exact: false });
    expect(texts('.import-count-number')).toEqual(['1', '1', '1', '0']);
    expect(texts('.import-row-line')).toEqual(['第 2 行', '第 3 行', '第 4 行']);
    fireEvent.click(screen.getByText('确认导入'));

    await screen.findByText('导入完成');
    expect(screen.getByText('已新增 1 行，修改 1 行，1 行不变。', { exact: false })).toBeTruthy();
    expect(screen.queryByText('确认导入')).toBeNull();

    const posts = fake.callsTo('POST', importOf(ImportKind.Sites));
    expect(posts.map((call) => queryOf(call).dryRun)).toEqual(['true', 'true', 'false']);
    // Each run its own progress id; the file itself as the body, with its type and her token.
    expect(new Set(posts.map((call) => queryOf(call).progressId)).size).toBe(3);
    expect(posts[0]!.data).toBe(file);
    expect(posts[2]!.data).toBe(posts[1]!.data);
    expect(posts[0]!.header).toMatchObject({ 'Content-Type': 'text/csv', Authorization: 'Bearer access-1' });
  });

  it('says why a commit was refused when the county’s data changed after the check', async () => {
    const refusal: Reply = {
      statusCode: 400,
      data: {
        code: ErrorCode.ImportHasProblems,
        message: ERROR_MESSAGES[ErrorCode.ImportHasProblems],
        ...report({ dryRun: false, problems: [{ row: 2, column: '名称', message: '懿路村已经有一个叫“懿路村妇女之家”的阵地了：请换个名字' }], counts: { rows: 1, badRows: 1, problems: 1 } }),
      },
    };
    api().on('POST', importOf(ImportKind.Sites), ok(report({ rows: [goodCheck.rows[0]!], counts: { rows: 1, create: 1 } })), refusal);
    render(<ImportsPage />);
    await chooseFile('阵地.xlsx', 'PK', XLSX);
    fireEvent.click(await screen.findByText('确认导入'));

    await screen.findByText('没有导入');
    expect(texts('.import-problem-message')).toEqual(['懿路村已经有一个叫“懿路村妇女之家”的阵地了：请换个名字']);
    expect(screen.queryByText('确认导入')).toBeNull();
    expect(screen.getByText('重新选择文件')).toBeTruthy();
  });

  it('tells her about a file it cannot take before sending anything, and what the server could not read after', async () => {
    const fake = api().on(
      'POST',
      importOf(ImportKind.People),
      fail(400, ErrorCode.ImportFileUnreadable, '读不出这个 CSV 文件：可能有没配对的引号。请在 Excel 里打开，另存为 .xlsx 后再上传'),
    );
    render(<ImportsPage />);
    fireEvent.click(await option('import-kind', '人员名单'));
    await screen.findByText('导出的名单里有手机号，请妥善保管；每次导出都会留下记录。');

    await chooseFile('名单.xls', 'old', 'application/vnd.ms-excel');
    await screen.findByText('这是旧格式的表格：请在 Excel 或 WPS 里“另存为” .xlsx 文件后再选');
    expect(fake.callsTo('POST', importOf(ImportKind.People))).toHaveLength(0);

    await chooseFile('名单.csv', '"姓名,手机号');
    await screen.findByText('读不出这个 CSV 文件：可能有没配对的引号。请在 Excel 里打开，另存为 .xlsx 后再上传');
    expect(fake.callsTo('POST', importOf(ImportKind.People))).toHaveLength(1);
    expect(screen.getByText('再试一次')).toBeTruthy();
  });

  it('downloads a template and an export under the names the server gives them', async () => {
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        saved.push(blob);
        return `blob:file-${saved.length}`;
      }),
      revokeObjectURL: jest.fn(),
    });
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const named = (name: string) => ({ 'content-disposition': `attachment; filename="wfh-export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}` });
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]).buffer;
    const templatePath = pathOf(ApiPaths.countyImportTemplate, { countyId: COUNTY, kind: ImportKind.Bodies });
    const exportPath = pathOf(ApiPaths.countyExport, { countyId: COUNTY, kind: ImportKind.Bodies });
    const fake = api()
      .on('GET', templatePath, { statusCode: 200, data: bytes, header: named('妇联组织导入模板.xlsx') } as Reply)
      .on('GET', exportPath, { statusCode: 200, data: bytes, header: named('铁岭县妇联组织.csv') } as Reply);
    render(<ImportsPage />);
    fireEvent.click(await option('import-kind', '妇联组织'));

    fireEvent.click(document.querySelector('.download-template-xlsx')!);
    await screen.findByText('已下载：妇联组织导入模板.xlsx');
    fireEvent.click(document.querySelector('.export-csv')!);
    await screen.findByText('已下载：铁岭县妇联组织.csv');

    expect(names).toEqual(['妇联组织导入模板.xlsx', '铁岭县妇联组织.csv']);
    expect(saved.map((blob) => blob.size)).toEqual([4, 4]);
    expect(fake.callsTo('GET', templatePath).map((call) => [queryOf(call).format, (call as { responseType?: string }).responseType])).toEqual([['xlsx', 'arraybuffer']]);
    expect(fake.callsTo('GET', exportPath).map(queryOf)).toEqual([{ format: 'csv' }]);
    click.mockRestore();
  });

  it('shows the server’s reason when a download is refused', async () => {
    // The UTF-8 bytes of the server's JSON, as the download receives them.
    const json = JSON.stringify({ code: ErrorCode.Forbidden, message: '您没有这项操作的权限' });
    const refusal = new Uint8Array(Array.from(unescape(encodeURIComponent(json)), (char) => char.charCodeAt(0))).buffer;
    api().on('GET', pathOf(ApiPaths.countyExport, { countyId: COUNTY, kind: ImportKind.Sites }), { statusCode: 403, data: refusal });
    render(<ImportsPage />);
    await waitFor(() => expect(document.querySelector('.export-xlsx')).not.toBeNull());
    fireEvent.click(document.querySelector('.export-xlsx')!);
    await screen.findByText('您没有这项操作的权限');
  });

  it('is for county admins only, and opened from 县妇联管理', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok({ ...meAsAdmin, roles: [{ role: RoleKind.Chair, federationId: '211221101200', federationName: '懿路村妇联' }] }));
    const { unmount } = render(<ImportsPage />);
    await screen.findByText('导入导出给县妇联管理员用。您现在没有这个职务。');
    unmount();

    api().on('GET', pathOf(ApiPaths.regionChildren, { code: COUNTY }), ok([]));
    render(<AdminPage />);
    fireEvent.click(await screen.findByText('导入导出表格'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/admin/imports?countyId=${COUNTY}` });
  });
});

describe('the words of an import', () => {
  it('says the upload, then each phase of the server’s work', () => {
    expect(progressWords(null, null)).toEqual({ text: '正在上传表格…', share: null });
    expect(progressWords(0.256, null)).toEqual({ text: '正在上传表格：25%', share: 0.256 });
    expect(progressWords(1, null)).toEqual({ text: '已经上传，正在读取表格…', share: null });
    expect(progressWords(1, { phase: 'reading', done: 0, total: 0 })).toEqual({ text: '正在读取表格…', share: null });
    expect(progressWords(1, { phase: 'checking', done: 400, total: 800 })).toEqual({ text: '正在检查：第 400 行，共 800 行', share: 0.5 });
    expect(progressWords(1, { phase: 'writing', done: 0, total: 0 })).toEqual({ text: '正在导入：已写入 0 条，共 0 条', share: null });
    expect(progressWords(1, { phase: 'done', done: 800, total: 800 })).toEqual({ text: '马上就好…', share: 1 });
  });

  it('takes .xlsx and .csv files up to the server’s limit', () => {
    const data = new Blob(['x']);
    expect(sheetFileOf({ name: '阵地.XLSX', size: 10, data })).toEqual({ name: '阵地.XLSX', size: 10, format: 'xlsx', data });
    expect(sheetFileOf({ name: '阵地.csv', size: 8 * 1024 * 1024, data })).toMatchObject({ format: 'csv' });
    expect(sheetFileOf({ name: '阵地.csv', size: 8 * 1024 * 1024 + 1, data })).toEqual({ problem: '文件太大了（最大 8 MB）：请只保留要导入的那一张表，或分成几个文件' });
    expect(sheetFileOf({ name: '阵地.csv', size: 0, data })).toEqual({ problem: '这个文件是空的，请检查后重新选择' });
    expect(sheetFileOf({ name: '阵地.docx', size: 10, data })).toEqual({ problem: '请选择 Excel 表格（.xlsx）或 CSV 文件（.csv）' });
  });
});
