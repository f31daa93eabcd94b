import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { ApiPaths, ErrorCode, ImportKind, RegionLevel, RoleKind, pathOf, type ImportReport, type NearestResponse } from '@wfh/shared';
import { FieldCipher } from '../../src/infra/crypto/field-cipher';
import { PhoneDigest } from '../../src/infra/crypto/phone-digest';
import { FederationEntity } from '../../src/modules/federations/federation.entity';
import { ListedPeopleRepository } from '../../src/modules/onboarding/listed-people.repository';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { TREE } from '../factories/bodies';
import { CHINESE, expectApiError, expectNoInternals } from '../support/api-expect';
import { call, type ApiReply } from '../support/test-app';
import { useTreeApp } from '../support/tree-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A county admin brings the spreadsheets her county already keeps: checks them, fixes what the
 * check names, commits, and finds the same data in the mini-program and in the export.
 */
describe('imports from the spreadsheets a county keeps', () => {
  const { app, token } = useTreeApp(START, [
    ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
    ['otherAdmin', { key: 'other-admin', role: { role: RoleKind.Admin, federationId: TREE.otherCounty } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['woman', { key: 'woman', home: TREE.village }],
  ]);

  /** Two villages called 新华村, one in each township, as real counties have. */
  beforeEach(async () => {
    const ds = app().dataSource;
    for (const [code, parent] of [['211221101210', TREE.township], ['211221102210', TREE.otherTownship]] as const) {
      await ds.getRepository(RegionEntity).insert({ code, name: '新华村民委员会', level: RegionLevel.Village, parentCode: parent });
      await ds.getRepository(FederationEntity).insert({ id: code, name: '新华村妇联', regionName: '新华村民委员会', level: RegionLevel.Village, parentId: parent, active: true, address: null, phone: null, officeHours: null });
    }
  });

  const importPath = (kind: ImportKind, dryRun: boolean, county: string = TREE.county) =>
    `${pathOf(ApiPaths.countyImport, { countyId: county, kind })}?dryRun=${dryRun}`;

  async function upload(who: string | null, path: string, file: Buffer | string, contentType = 'text/csv'): Promise<ApiReply> {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (who) headers.authorization = `Bearer ${token[who]}`;
    const response = await fetch(`${app().baseUrl}${path}`, { method: 'POST', headers, body: file });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  async function download(who: string, path: string): Promise<{ status: number; body: Buffer; headers: Headers }> {
    const response = await fetch(`${app().baseUrl}${path}`, { headers: { authorization: `Bearer ${token[who]}` } });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  const csv = (rows: string[][]) => Buffer.from(stringify(rows), 'utf8');

  async function xlsx(rows: Array<Array<string | number>>, title?: string): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    if (title) {
      sheet.addRow([title]);
      sheet.mergeCells(1, 1, 1, rows[0]!.length);
    }
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function checksum(table: string): Promise<string> {
    const [row] = await app().dataSource.query(`CHECKSUM TABLE ${table}`);
    return String(row.Checksum);
  }

  const SITE_HEADER = ['序号', '名称', '类型', '乡镇（街道）', '村（社区）', '详细地址', '纬度', '经度', '开放时间', '联系电话', '服务内容'];
  const goodSites = [
    ['1', '懿路村妇女之家', '妇女之家', '新台子镇', '懿路村', '新台子镇懿路村村委会一楼', '42.1012', '123.5021', '周一至周五 8:30-17:30', '0410-1234567', '法律咨询、心理疏导'],
    ['2', '新华村妇女微家', '妇女微家', '阿吉镇', '新华村', '阿吉镇新华村二组', '42.2001', '123.6002', '每周六上午', '138 1234 5678', '家庭教育'],
    ['3', '铁岭县妇女儿童维权站', '维权站', '', '铁岭县妇联', '铁岭县妇联一楼', '42.2230', '123.7280', '电话预约', '', '法律帮助与维权、家庭暴力求助'],
  ];

  it('checks a sites sheet row by row, refuses to commit it with bad rows, then commits the fixed one once', async () => {
    const bad = csv([
      SITE_HEADER,
      goodSites[0]!,
      ['2', '新华村妇女微家', '妇女微家', '', '新华村', '新华村二组', '42.2001', '123.6002', '每周六上午', '138 1234 5678', '家庭教育'],
      ['3', '东风村妇女之家', '妇女之家', '', '东风村', '东风村', '42.1', '123.5', '', '', ''],
      ['4', '阿吉堡子村妇女之家', '老年活动室', '', '阿吉堡子村', '村部', '142.1', '123.5', '', '12345', '广场舞'],
      ['5', '（示例）懿路村妇女之家', '妇女之家', '', '懿路村', '村委会', '42.1', '123.5', '', '', ''],
    ]);
    const dry = await upload('admin', importPath(ImportKind.Sites, true), bad);
    expect(dry.status).toBe(200);
    const report = dry.body as ImportReport;
    expect(report).toMatchObject({ kind: ImportKind.Sites, format: 'csv', encoding: 'utf-8', dryRun: true, committed: false });
    expect(report.rows).toEqual([{ row: 2, action: 'create', summary: expect.stringContaining('懿路村妇女之家') }]);
    const problem = (row: number, column: string | null) => report.problems.find((p) => p.row === row && p.column === column)?.message;
    // Two villages are called 新华村: both are named, with their townships and codes.
    expect(problem(3, '村（社区）')).toContain('“新华村”有2个');
    expect(problem(3, '村（社区）')).toContain('新华村（新台子镇，211221101210）');
    expect(problem(3, '村（社区）')).toContain('新华村（阿吉镇，211221102210）');
    expect(problem(4, '村（社区）')).toContain('铁岭县没有叫“东风村”的村（社区）');
    expect(problem(5, '类型')).toContain('不认识的类型“老年活动室”');
    expect(problem(5, '纬度')).toContain('不在中国境内');
    expect(problem(5, '联系电话')).toContain('手机号应当是11位');
    expect(problem(5, '服务内容')).toContain('不认识的服务“广场舞”');
    expect(problem(6, null)).toContain('示例行');
    for (const p of report.problems) expect(p.message).toMatch(CHINESE);
    expect(report.counts).toMatchObject({ rows: 5, create: 1, change: 0, leave: 0, badRows: 4 });

    const refused = await upload('admin', importPath(ImportKind.Sites, false), bad);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: ErrorCode.ImportHasProblems, committed: false, problems: report.problems, rows: report.rows });
    expect(Number((await app().dataSource.query('SELECT COUNT(*) AS n FROM site'))[0].n)).toBe(0);

    const fixed = csv([SITE_HEADER, ...goodSites]);
    const check = (await upload('admin', importPath(ImportKind.Sites, true), fixed)).body as ImportReport;
    expect(check.problems).toEqual([]);
    expect(check.rows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
    // Hours it had to guess, or could not read, are warnings: kept, never blocking.
    expect(check.warnings).toEqual([
      { row: 3, column: '开放时间', message: expect.stringContaining('“上午”按 8:30-11:30 计算') },
      { row: 4, column: '开放时间', message: expect.stringContaining('已按原文保存') },
    ]);

    const committed = await upload('admin', importPath(ImportKind.Sites, false), fixed);
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 3 } });
    const sites = await app().dataSource.query(
      'SELECT name, federation_id AS federationId, opening_hours AS hours, opening_hours_text AS hoursText, phone, services FROM site ORDER BY name',
    );
    expect(sites).toEqual([
      { name: '懿路村妇女之家', federationId: TREE.village, hours: expect.stringContaining('"weekday":1,"opens":"08:30","closes":"17:30"'), hoursText: '周一至周五 8:30-17:30', phone: '0410-1234567', services: '["legal_aid","counselling"]' },
      { name: '新华村妇女微家', federationId: '211221102210', hours: '[{"weekday":6,"opens":"08:30","closes":"11:30"}]', hoursText: '每周六上午', phone: '138 1234 5678', services: '["family_education"]' },
      { name: '铁岭县妇女儿童维权站', federationId: TREE.county, hours: '[]', hoursText: '电话预约', phone: null, services: '["legal_aid","domestic_violence"]' },
    ]);
    const [{ n: audits }] = await app().dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'onboarding.import' AND federation_id = ?", [TREE.county]);
    expect(Number(audits)).toBe(1);

    // The same file again: every row "leave", and not a byte of the table changes.
    const before = await checksum('site');
    const again = await upload('admin', importPath(ImportKind.Sites, false), fixed);
    expect(again.status).toBe(200);
    expect((again.body as ImportReport).rows.map((r) => r.action)).toEqual(['leave', 'leave', 'leave']);
    expect(await checksum('site')).toBe(before);

    // A woman nearby finds the new 妇女之家 (every instance reloaded its index after the commit).
    const near = async () => (await call<NearestResponse>(app().baseUrl, 'GET', `${ApiPaths.nearest}?latitude=42.1012&longitude=123.5021&type=site&k=3`)).body.items;
    const deadline = Date.now() + 5000;
    while (!(await near()).some((p) => p.name === '懿路村妇女之家') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await near())[0]).toMatchObject({ name: '懿路村妇女之家', federationId: TREE.village, distanceMetres: 0 });
  });

  it('exports sites in the same columns, and importing the export (csv or xlsx) changes nothing', async () => {
    expect((await upload('admin', importPath(ImportKind.Sites, false), csv([SITE_HEADER, ...goodSites]))).status).toBe(200);
    const edited = await upload('admin', importPath(ImportKind.Sites, false), csv([SITE_HEADER, [...goodSites[1]!.slice(0, 9), '13900001111', '家庭教育']]));
    expect((edited.body as ImportReport).rows).toEqual([{ row: 2, action: 'change', summary: expect.stringContaining('电话 138 1234 5678 → 13900001111') }]);
    const before = await checksum('site');
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await download('admin', `${pathOf(ApiPaths.countyExport, { countyId: TREE.county, kind: ImportKind.Sites })}?format=${format}`);
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toContain(format === 'csv' ? 'text/csv' : XLSX);
      expect(exported.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      if (format === 'csv') expect(exported.body.toString('utf8')).toContain('名称,类型,乡镇（街道）,所属组织,区划代码,地址');
      const back = await upload('admin', importPath(ImportKind.Sites, false), exported.body, format === 'csv' ? 'text/csv' : XLSX);
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ problems: [], counts: { rows: 3, leave: 3, create: 0, change: 0 } });
    }
    expect(await checksum('site')).toBe(before);
  });

  it("sets bodies' offices from an .xlsx with a title row: location, phone, hours, registered women", async () => {
    const file = await xlsx(
      [
        ['乡镇', '组织名称', '办公地址', '办公电话', '办公时间', '纬度', '经度', '登记妇女人数'],
        ['新台子镇', '懿路村', '懿路村村委会二楼', '0410-7654321', '周一至周五 8:30-17:00', 42.3011, 123.4012, 680],
        ['', '新台子镇', '新台子镇政府院内', '', '', 42.31, 123.41, ''],
        ['', '东孤家子村', '', '', '有事打电话', 123.42, 42.32, '1,020人'],
      ],
      '铁岭县各级妇联组织通讯录',
    );
    const dry = (await upload('admin', importPath(ImportKind.Bodies, true), file, XLSX)).body as ImportReport;
    expect(dry).toMatchObject({ format: 'xlsx', encoding: null, sheet: 'Sheet1', problems: [] });
    expect(dry.rows.map((r) => [r.row, r.action])).toEqual([[3, 'change'], [4, 'change'], [5, 'change']]);
    // Swapped coordinates are unmistakable inside China: taken right, with a word. Hours it cannot read stay as text.
    expect(dry.warnings.map((w) => [w.row, w.column])).toEqual([[5, '纬度'], [5, '办公时间']]);
    expect((await upload('admin', importPath(ImportKind.Bodies, false), file, XLSX)).status).toBe(200);
    const bodies = await app().dataSource.query(
      'SELECT id, address, phone, office_hours AS hours, latitude, longitude, location_is_demo AS demo, registered_women AS women FROM federation WHERE id IN (?, ?, ?) ORDER BY id',
      [TREE.township, TREE.village, TREE.siblingVillage],
    );
    expect(bodies).toEqual([
      { id: TREE.township, address: '新台子镇政府院内', phone: null, hours: null, latitude: 42.31, longitude: 123.41, demo: 0, women: null },
      { id: TREE.village, address: '懿路村村委会二楼', phone: '0410-7654321', hours: '周一至周五 8:30-17:00', latitude: 42.3011, longitude: 123.4012, demo: 0, women: 680 },
      { id: TREE.siblingVillage, address: null, phone: null, hours: '有事打电话', latitude: 42.32, longitude: 123.42, demo: 0, women: 1020 },
    ]);
    const near = async () => (await call<NearestResponse>(app().baseUrl, 'GET', `${ApiPaths.nearest}?latitude=42.3011&longitude=123.4012&type=body&k=1`)).body.items;
    const deadline = Date.now() + 5000;
    while ((await near())[0]?.id !== TREE.village && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await near())[0]).toMatchObject({ id: TREE.village, phone: '0410-7654321', isDemo: false });

    const before = await checksum('federation');
    const exported = await download('admin', `${pathOf(ApiPaths.countyExport, { countyId: TREE.county, kind: ImportKind.Bodies })}?format=xlsx`);
    const back = (await upload('admin', importPath(ImportKind.Bodies, false), exported.body, XLSX)).body as ImportReport;
    expect(back.problems).toEqual([]);
    expect(new Set(back.rows.map((r) => r.action))).toEqual(new Set(['leave']));
    expect(back.counts.rows).toBe(8);
    expect(await checksum('federation')).toBe(before);
  });

  it('lists people from a GBK csv saved by Excel on Chinese Windows: phones encrypted, found by their keyed digest', async () => {
    const rows = [
      ['姓名', '手机号码', '乡镇', '村（社区）', '职务'],
      ['张春梅', '138 1234 5678', '新台子镇', '懿路村', '主席'],
      ['李桂兰', '+86 139-0000-1111', '新台子镇', '懿路村', '妇女代表'],
      ['孙丽', '13700002222', '新台子镇', '', '专干'],
      ['吴静', '13600003333', '', '铁岭县', '管理员'],
      ['周敏', '13500004444', '', '懿路村', '妇联委员'],
      ['赵红', '13400005555', '', '新台子镇', '执委'],
      ['钱芳', '13812345678', '', '东孤家子村', '主席'],
    ];
    const file = encodeGb18030(stringify(rows));
    const dry = (await upload('admin', importPath(ImportKind.People, true), file, 'application/vnd.ms-excel')).body as ImportReport;
    expect(dry.encoding).toBe('gb18030');
    expect(dry.rows.map((r) => [r.row, r.action])).toEqual([[2, 'create'], [3, 'create'], [4, 'create'], [5, 'create']]);
    expect(dry.rows[0]!.summary).toBe('新增 张春梅：懿路村妇联主席，手机 138****5678');
    expect(dry.problems).toEqual([
      { row: 6, column: '职务', message: expect.stringContaining('不认识的职务“妇联委员”，可以填写：主席、副主席、执委、妇女代表') },
      { row: 7, column: '职务', message: expect.stringContaining('乡镇（街道）妇联的职务请写：工作人员') },
      { row: 8, column: '手机号码', message: expect.stringContaining('在第 2 行登记的是“张春梅”') },
    ]);

    const fixed = encodeGb18030(stringify(rows.slice(0, 5)));
    const committed = await upload('admin', importPath(ImportKind.People, false), fixed, 'text/csv');
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 4 } });
    const stored = await app().dataSource.query('SELECT name, phone_enc AS phoneEnc, phone_digest AS digest, federation_id AS federationId, role, imported_by AS importedBy FROM listed_person ORDER BY name');
    expect(stored).toHaveLength(4);
    const cipher = app().app.get(FieldCipher);
    const digest = app().app.get(PhoneDigest);
    const chair = stored.find((s: { name: string }) => s.name === '张春梅');
    expect(chair).toMatchObject({ federationId: TREE.village, role: RoleKind.Chair, digest: digest.of('13812345678'), importedBy: expect.any(String) });
    expect(chair.phoneEnc).not.toContain('13812345678');
    expect(cipher.decrypt(chair.phoneEnc)).toBe('13812345678');
    expect(stored.map((s: { role: string }) => s.role).sort()).toEqual([RoleKind.Admin, RoleKind.Chair, RoleKind.Executive, RoleKind.Staff]);
    // What the sign-in by phone will ask: every listing of the number WeChat gives back.
    const listings = await app().dataSource.transaction((manager) => app().app.get(ListedPeopleRepository).lockByPhoneDigest(manager, digest.of('+86 138 1234 5678')!));
    expect(listings).toEqual([expect.objectContaining({ name: '张春梅', federationId: TREE.village, role: RoleKind.Chair })]);

    const before = await checksum('listed_person');
    expect(((await upload('admin', importPath(ImportKind.People, false), fixed)).body as ImportReport).rows.map((r) => r.action)).toEqual(['leave', 'leave', 'leave', 'leave']);
    const exported = await download('admin', `${pathOf(ApiPaths.countyExport, { countyId: TREE.county, kind: ImportKind.People })}?format=csv`);
    expect(exported.body.toString('utf8')).toContain('张春梅,138 1234 5678,新台子镇,懿路村,211221101200,主席');
    const back = (await upload('admin', importPath(ImportKind.People, false), exported.body)).body as ImportReport;
    expect(back).toMatchObject({ encoding: 'utf-8-bom', problems: [], counts: { leave: 4 } });
    expect(await checksum('listed_person')).toBe(before);
    const [{ n }] = await app().dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'onboarding.export'");
    expect(Number(n)).toBe(1);

    // A later sheet may rename a listing; it may not give a listed phone to a second person.
    const renamed = (await upload('admin', importPath(ImportKind.People, true), csv([rows[0]!, ['孙丽华', '13700002222', '新台子镇', '', '专干']]))).body as ImportReport;
    expect(renamed.rows).toEqual([{ row: 2, action: 'change', summary: '修改 新台子镇妇联工作人员：姓名 孙丽 → 孙丽华' }]);
    const twice = (await upload('admin', importPath(ImportKind.People, true), csv([rows[0]!, ['张春梅', '13700002222', '新台子镇', '懿路村', '执委']]))).body as ImportReport;
    expect(twice.problems).toEqual([{ row: 2, column: '手机号码', message: expect.stringContaining('已经登记给了“孙丽”（新台子镇妇联工作人员）') }]);
    expect(twice.rows).toEqual([]);
  });

  it('gives a template with examples that would never be imported by mistake', async () => {
    for (const kind of Object.values(ImportKind)) {
      const template = await download('admin', `${pathOf(ApiPaths.countyImportTemplate, { countyId: TREE.county, kind })}?format=xlsx`);
      expect(template.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(template.body as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
      expect(workbook.worksheets.map((w) => w.name)[1]).toBe('填写说明');
      const report = (await upload('admin', importPath(kind, true), template.body, XLSX)).body as ImportReport;
      expect(report.rows).toEqual([]);
      expect(report.problems.length).toBeGreaterThan(0);
      expect(report.problems.every((p) => p.message.includes('示例行'))).toBe(true);
    }
    const csvTemplate = await download('admin', `${pathOf(ApiPaths.countyImportTemplate, { countyId: TREE.county, kind: ImportKind.People })}?format=csv`);
    expect(csvTemplate.body.toString('utf8')).toMatch(/^\uFEFF姓名,手机号,乡镇（街道）,所属组织,区划代码,职务\r\n（示例）王秀英,138 0000 0001,新台子镇,懿路村,,主席/);
  });

  it('refuses what is not a spreadsheet, in words', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const old = await upload('admin', importPath(ImportKind.Sites, true), xls, 'application/vnd.ms-excel');
    expect(old).toMatchObject({ status: 400, body: { code: ErrorCode.ImportFileUnreadable, message: expect.stringContaining('旧版 Excel 文件（.xls）') } });
    expectNoInternals(old);
    const json = await call(app().baseUrl, 'POST', importPath(ImportKind.Sites, true), { token: token.admin, body: { rows: [] } });
    expect(json.status).toBe(400);
    expect(json.body.code).toBe(ErrorCode.ImportFileUnreadable);
    // Only the import route takes a raw file; elsewhere it is refused as before.
    const elsewhere = await upload('admin', pathOf(ApiPaths.federationSites, { id: TREE.village }), csv([['a']]));
    expect(elsewhere.status).toBe(415);
  });

  it("lets only the county's own admins import, export or take a template", async () => {
    const file = csv([SITE_HEADER, goodSites[0]!]);
    for (const who of ['otherAdmin', 'staff', 'woman']) {
      expectApiError(await upload(who, importPath(ImportKind.Sites, false), file), 403, ErrorCode.Forbidden);
      expect((await download(who, pathOf(ApiPaths.countyExport, { countyId: TREE.county, kind: ImportKind.People }))).status).toBe(403);
      expect((await download(who, pathOf(ApiPaths.countyImportTemplate, { countyId: TREE.county, kind: ImportKind.Sites }))).status).toBe(403);
    }
    expect((await upload(null, importPath(ImportKind.Sites, false), file)).status).toBe(401);
    // Her own county is not this one, whatever rows the file names.
    expectApiError(await upload('admin', importPath(ImportKind.Sites, false, TREE.otherCounty), file), 403, ErrorCode.Forbidden);
    expect(Number((await app().dataSource.query('SELECT COUNT(*) AS n FROM site'))[0].n)).toBe(0);
  });
});

/** GB18030 bytes, as Excel on Chinese Windows saves a plain "CSV (逗号分隔)": Node has no encoder, so map each character through the decoder. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, Buffer>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      const char = decoder.decode(bytes);
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, bytes);
    }
  }
  return Buffer.concat([...text].map((char) => (char.charCodeAt(0) < 0x80 ? Buffer.from(char, 'latin1') : table.get(char) ?? Buffer.from('?'))));
}
