import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import ExcelJS from 'exceljs';
import { ApiPaths, ImportKind, RoleKind, pathOf, placeNameOf, type ImportReport } from '@wfh/shared';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { importRegions } from '../src/database/regions/region-importer';
import { seedCatalogue } from '../src/database/seed/catalogue';
import { devServerEnv, waitFor, writeResult } from './support';

/**
 * `pnpm bench:onboarding`: a whole city onboarded through the real server on MariaDB. 铁岭市's real
 * divisions (7 counties, 106 townships, 1,471 villages) and, per county, the three sheets its admin
 * would bring as .xlsx: every body's office (address, phone, hours, location, registered women),
 * 2,000 sites in all, 5,000 people in all. Each sheet is checked (dry run) and then committed;
 * `seconds` is the whole city, target < 30. Then every sheet once more, as a county would by mistake:
 * each row must come back "leave" (rerun_seconds).
 */
const ADMIN_URL = process.env.BENCH_DB_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306/mysql';
const DB_NAME = process.env.BENCH_DB_NAME ?? 'wfh_bench_onboarding';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/12';
const PORT = 3986;
const CITY = '2112';
const SITES = 2_000;
const PEOPLE = 5_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Body {
  id: string;
  regionName: string;
  level: string;
}

/** Opening hours as the counties' own sheets write them, a few the reader must keep as text. */
const HOURS = ['周一至周五 8:30-17:30', '每周六上午', '工作日 8:30-11:30 13:30-17:00', '周一至周五上午8:30-11:30，下午2:00-5:30', '周二、周四 14:00-17:00', '每天 8:00-20:00', '电话预约', '周一至周五 9:00-16:00（节假日除外）'];
const SERVICES = ['法律帮助与维权、心理疏导', '家庭教育指导', '婚姻家庭纠纷调解、家庭暴力求助', '就业创业帮扶、困难帮扶与救助', '两癌检查与救助'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '桂兰', '春梅', '玉珍', '淑珍', '丽', '敏', '静', '红', '艳', '芳', '霞', '凤兰', '秀兰', '玉兰', '丽娟'];

/** A point near the city, spread by code so that villages of one township sit together. */
function pointOf(code: string, jitter: number): [number, number] {
  const n = Number(code.slice(4));
  return [Number((41.9 + ((n * 7919) % 9000) / 10000 + jitter * 0.0007).toFixed(6)), Number((123.3 + ((n * 104729) % 15000) / 10000 + jitter * 0.0009).toFixed(6))];
}

async function workbook(header: string[], rows: Array<Array<string | number>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface CountyFiles {
  county: string;
  bodies: Buffer;
  sites: Buffer;
  people: Buffer;
  rows: Record<ImportKind, number>;
}

/** The city's three sheets per county: sites spread over villages and townships, people in every body. */
async function cityFiles(bodies: Body[]): Promise<CountyFiles[]> {
  const counties = bodies.filter((b) => b.level === 'county');
  const villages = bodies.filter((b) => b.level === 'village');
  const townships = bodies.filter((b) => b.level === 'township');
  const place = (b: Body) => placeNameOf(b.regionName);
  const townshipOf = (b: Body) => bodies.find((t) => t.id === b.id.slice(0, 9))!;
  let phone = 0;
  const nextPhone = () => {
    phone += 1;
    const digits = `139${String(phone).padStart(8, '0')}`;
    return phone % 3 === 0 ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : phone % 3 === 1 ? digits : `+86 ${digits}`;
  };
  const person = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;

  // Sites: a 妇女之家 in every village, a 维权站 in every township, the rest 妇女微家 in the first villages.
  const sites: Array<{ body: Body; kind: string; name: string }> = [
    ...villages.map((v) => ({ body: v, kind: '妇女之家', name: `${place(v)}妇女之家` })),
    ...townships.map((t) => ({ body: t, kind: '维权站', name: `${place(t)}妇女维权站` })),
  ];
  for (let i = 0; sites.length < SITES; i++) sites.push({ body: villages[i % villages.length]!, kind: '妇女微家', name: `${place(villages[i % villages.length]!)}第${Math.floor(i / villages.length) + 2}妇女微家` });
  // People: chair, deputy and 执委 of each village, two staff per township, two admins per county, more 执委 to 5,000.
  const people: Array<{ body: Body; role: string }> = [
    ...villages.flatMap((v) => ['主席', '副主席', '执委'].map((role) => ({ body: v, role }))),
    ...townships.flatMap((t) => ['专干', '工作人员'].map((role) => ({ body: t, role }))),
    ...counties.flatMap((c) => ['管理员', '管理员'].map((role) => ({ body: c, role }))),
  ];
  for (let i = 0; people.length < PEOPLE; i++) people.push({ body: villages[i % villages.length]!, role: '妇女代表' });

  const files: CountyFiles[] = [];
  for (const county of counties) {
    const mine = <T extends { body: Body }>(items: T[]) => items.filter((item) => item.body.id.startsWith(county.id));
    const ownBodies = bodies.filter((b) => b.id.startsWith(county.id));
    const bodyRows = ownBodies.map((b, i) => {
      const [lat, lng] = pointOf(b.id, 0);
      const township = b.level === 'village' ? place(townshipOf(b)) : b.level === 'township' ? place(b) : '';
      return [township, place(b), b.id, `${place(b)}${b.level === 'village' ? '村委会二楼' : '妇联办公室'}`, `0410-${String(7000000 + i).slice(0, 7)}`, '周一至周五 8:30-17:00', lat, lng, b.level === 'village' ? 300 + (i % 900) : ''];
    });
    const siteRows = mine(sites).map((s, i) => {
      const township = s.body.level === 'village' ? place(townshipOf(s.body)) : place(s.body);
      // One site in ten without coordinates: it takes its body's office location.
      const [lat, lng] = i % 10 === 0 ? ['', ''] : pointOf(s.body.id, (i % 5) + 1);
      return [s.name, s.kind, township, place(s.body), s.body.id, `${township}${place(s.body)}`, lat, lng, HOURS[i % HOURS.length]!, nextPhone(), SERVICES[i % SERVICES.length]!];
    });
    const peopleRows = mine(people).map((p, i) => {
      const township = p.body.level === 'village' ? place(townshipOf(p.body)) : p.body.level === 'township' ? place(p.body) : '';
      return [person(i), nextPhone(), township, place(p.body), p.body.id, p.role];
    });
    files.push({
      county: county.id,
      bodies: await workbook(['乡镇（街道）', '组织名称', '区划代码', '办公地址', '办公电话', '办公时间', '纬度', '经度', '登记妇女人数'], bodyRows),
      sites: await workbook(['名称', '类型', '乡镇', '村（社区）', '区划代码', '地址', '纬度', '经度', '开放时间', '联系电话', '服务内容'], siteRows),
      people: await workbook(['姓名', '手机号码', '乡镇', '所属组织', '区划代码', '职务'], peopleRows),
      rows: { [ImportKind.Bodies]: bodyRows.length, [ImportKind.Sites]: siteRows.length, [ImportKind.People]: peopleRows.length },
    });
  }
  return files;
}

async function prepare(url: string): Promise<Body[]> {
  const ds = createDataSource({ kind: 'mysql', url });
  await ds.initialize();
  try {
    await runMigrations(ds);
    await seedCatalogue(ds);
    await importRegions(ds, { kind: 'city', code: CITY });
    const bodies: Body[] = await ds.query(`SELECT id, region_name AS regionName, level FROM federation WHERE id LIKE '${CITY}%' AND level IN ('county', 'township', 'village') ORDER BY id`);
    for (const county of bodies.filter((b) => b.level === 'county')) {
      const user = randomUUID();
      await ds.query('INSERT INTO app_user (id, display_name, demo_key) VALUES (?, ?, ?)', [user, `${county.regionName}管理员`, `bench-admin-${county.id}`]);
      await ds.query('INSERT INTO role_assignment (id, user_id, federation_id, role) VALUES (?, ?, ?, ?)', [randomUUID(), user, county.id, RoleKind.Admin]);
    }
    return bodies;
  } finally {
    await ds.destroy();
  }
}

async function tokenOf(personKey: string): Promise<string> {
  const reply = await fetch(`http://127.0.0.1:${PORT}${ApiPaths.authDev}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personKey }) });
  return ((await reply.json()) as { accessToken: string }).accessToken;
}

async function upload(token: string, county: string, kind: ImportKind, dryRun: boolean, file: Buffer): Promise<{ report: ImportReport; seconds: number }> {
  const started = process.hrtime.bigint();
  const reply = await fetch(`http://127.0.0.1:${PORT}${pathOf(ApiPaths.countyImport, { countyId: county, kind })}?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': XLSX },
    body: file,
  });
  const report = (await reply.json()) as ImportReport;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!reply.ok) throw new Error(`${kind} of ${county} (dryRun=${dryRun}) answered ${reply.status}: ${JSON.stringify(report).slice(0, 600)}`);
  if (report.problems.length > 0) throw new Error(`${kind} of ${county} has problems: ${JSON.stringify(report.problems.slice(0, 5))}`);
  return { report, seconds };
}

const KINDS = [ImportKind.Bodies, ImportKind.Sites, ImportKind.People] as const;

async function main(): Promise<void> {
  const admin = await createConnection({ uri: ADMIN_URL });
  await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.protocol = 'mariadb:';
  url.pathname = `/${DB_NAME}`;
  const bodies = await prepare(url.toString());
  const files = await cityFiles(bodies);

  const server = spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
    env: { ...process.env, ...devServerEnv('onboarding', PORT, REDIS_URL), DATABASE_URL: url.toString() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/health/ready`, 120_000);
    const tokens = new Map<string, string>();
    for (const f of files) tokens.set(f.county, await tokenOf(`bench-admin-${f.county}`));

    const perKind: Record<string, number> = {};
    let dry = 0;
    let commit = 0;
    let created = 0;
    // Bodies first: their office locations are where a site without coordinates goes.
    for (const kind of KINDS) {
      for (const f of files) {
        const token = tokens.get(f.county)!;
        const checked = await upload(token, f.county, kind, true, f[kind]);
        const done = await upload(token, f.county, kind, false, f[kind]);
        if (done.report.counts.rows !== f.rows[kind]) throw new Error(`${kind} of ${f.county}: ${done.report.counts.rows} rows read of ${f.rows[kind]}`);
        dry += checked.seconds;
        commit += done.seconds;
        perKind[`${kind}_seconds`] = (perKind[`${kind}_seconds`] ?? 0) + checked.seconds + done.seconds;
        created += done.report.counts.create;
      }
    }
    let rerun = 0;
    let changedOnRerun = 0;
    for (const kind of KINDS) {
      for (const f of files) {
        const again = await upload(tokens.get(f.county)!, f.county, kind, false, f[kind]);
        rerun += again.seconds;
        changedOnRerun += again.report.counts.create + again.report.counts.change;
      }
    }
    if (changedOnRerun !== 0) throw new Error(`the same files a second time changed ${changedOnRerun} rows`);
    const total = (kind: ImportKind) => files.reduce((n, f) => n + f.rows[kind], 0);
    writeResult('onboarding', {
      rows: total(ImportKind.Bodies) + total(ImportKind.Sites) + total(ImportKind.People),
      seconds: Number((dry + commit).toFixed(2)),
      counties: files.length,
      bodies: total(ImportKind.Bodies),
      sites: total(ImportKind.Sites),
      people: total(ImportKind.People),
      created,
      dry_run_seconds: Number(dry.toFixed(2)),
      commit_seconds: Number(commit.toFixed(2)),
      ...Object.fromEntries(Object.entries(perKind).map(([k, v]) => [k, Number(v.toFixed(2))])),
      rerun_seconds: Number(rerun.toFixed(2)),
      rerun_changed: changedOnRerun,
      format: 'xlsx',
      upload_bytes: files.reduce((n, f) => n + f.bodies.length + f.sites.length + f.people.length, 0),
    });
  } finally {
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
