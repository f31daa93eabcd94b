import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import {
  API_PREFIX,
  ActivityCategory,
  ApiPaths,
  CareTag,
  RoleKind,
  ServiceCategoryKey,
  pathOf,
  type ActivityDetail,
  type ConcernDetail,
  type OnBehalfCreated,
  type RequestDetail,
} from '@wfh/shared';
import { TREE } from '../factories/bodies';
import {
  FORMULA_PAYLOADS,
  HTML_PAYLOADS,
  SQL_PAYLOADS,
  UNICODE_PAYLOADS,
  argumentsOf,
  brokenBody,
  brokenQuery,
  encodeLoosely,
  fieldBreaks,
  fieldsOf,
  garbageId,
  pipeRefuses,
  rawGarbage,
  toJsonText,
  type FieldBreak,
  type RawBody,
} from '../support/fuzz-arbitraries';
import { CHINESE } from '../support/api-expect';
import { routeTable, type RouteEntry } from '../support/route-table';
import { useTreeApp } from '../support/tree-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');
/** Requests per route: with every write route and every GET taking a query string, well over 10,000 in all. */
const RUNS_PER_ROUTE = 180;
const MIN_TOTAL = 10_000;
/** The run's numbers and findings, for whoever reruns it (ignored by git). */
const RESULTS_DIR = resolve(__dirname, '..', '.tmp');

// Fastify's own query-string parser, so the oracle sees a query exactly as the app does.
const parseQuery = createRequire(require.resolve('fastify'))('fast-querystring').parse as (q: string) => Record<string, unknown>;

const PEOPLE: Parameters<typeof useTreeApp>[1] = [
  ['woman', { key: 'woman', displayName: '王秀英', home: TREE.village }],
  ['neighbour', { key: 'neighbour', displayName: '李桂兰', home: TREE.village }],
  ['chair', { key: 'chair', displayName: '张春梅', role: { role: RoleKind.Chair, federationId: TREE.village } }],
  ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
  ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
];

const screening = (overrides: Record<string, unknown> = {}) => ({
  title: '免费两癌筛查',
  description: '县妇幼保健院医生到村里，为35至64岁妇女免费检查。',
  category: ActivityCategory.Screening,
  address: '懿路村村委会二楼',
  latitude: 42.2,
  longitude: 123.5,
  startsAt: '2026-12-05T01:00:00.000Z',
  endsAt: '2026-12-05T03:00:00.000Z',
  signupOpensAt: '2026-12-01T02:00:00.000Z',
  signupClosesAt: '2026-12-04T10:00:00.000Z',
  capacity: 20,
  reservedSeats: 10,
  relativesAllowed: true,
  ...overrides,
});
const mediation = (overrides: Record<string, unknown> = {}) => ({
  categoryKey: ServiceCategoryKey.MarriageMediation,
  description: '婆婆总是和我吵架，想请妇联帮忙说和',
  answers: { with_whom: '公婆' },
  contact: { method: 'phone', phone: '13800000001', safeTimes: '工作日上午' },
  federationId: TREE.village,
  ...overrides,
});
const site = {
  kind: 'womens_home',
  name: '懿路村妇女之家',
  address: '懿路村村委会一楼',
  latitude: 42.21,
  longitude: 123.51,
  phone: '024-12345678',
  openingHours: [{ weekday: 1, opens: '08:30', closes: '17:00' }],
  openingExceptions: [{ date: '2026-12-25', closed: true }],
  services: [ServiceCategoryKey.LegalAid, ServiceCategoryKey.Counselling],
  chairPublicName: '张主席',
};

/** Real rows for the path parameters, made through the API as the people themselves would. */
interface Fixtures {
  activity: string;
  draft: string;
  signup: string;
  request: string;
  ratingCode: string;
  concern: string;
  otherConcern: string;
  roster: string;
  rosterCode: string;
  feedback: string;
  rule: string;
  roleCode: string;
  site: string;
  notice: string;
  onBehalfRequest: string;
}

/** Who sends each route (so a request reaches the pipe and the service as it would in real use) and its valid body. */
interface Plan {
  as: string;
  body?: (f: Fixtures) => Record<string, unknown>;
  query?: (f: Fixtures) => Record<string, string>;
  params?: (f: Fixtures) => Record<string, string>;
}

const PLANS: Record<string, Plan> = {
  'POST /auth/dev': { as: 'woman', body: () => ({ personKey: 'woman' }) },
  'POST /auth/refresh': { as: 'woman', body: () => ({ refreshToken: 'r'.repeat(40) }) },
  'POST /auth/wechat': { as: 'woman', body: () => ({ code: 'wx-code' }) },
  'POST /auth/sign-out': { as: 'woman', body: () => ({ refreshToken: 'r'.repeat(40) }) },
  'POST /console/sessions/:id/poll': { as: 'woman', params: () => ({ id: '00000000-0000-4000-8000-000000000000' }), body: () => ({ pollToken: 'p'.repeat(40) }) },
  'PUT /holiday-calendar/:year': { as: 'admin', params: () => ({ year: '2027' }), body: () => ({ entries: [{ date: '2027-02-06', kind: 'holiday', name: '春节' }] }) },
  'POST /me/deletion': { as: 'neighbour', body: () => ({ confirm: true }) },
  'POST /me/phone': { as: 'woman', body: () => ({ code: 'phone-code' }) },
  'PUT /me/home': { as: 'woman', body: () => ({ federationId: TREE.village }) },
  'PUT /me/name': { as: 'woman', body: () => ({ name: '王秀英' }) },
  'PATCH /federations/:id': { as: 'chair', body: () => ({ address: '懿路村村委会', phone: '024-00000000', officeHours: '周一至周五' }) },
  'PUT /federations/:id/active': { as: 'admin', body: () => ({ active: true }) },
  'PUT /federations/:id/registered-women': { as: 'admin', body: () => ({ registeredWomen: 300 }) },
  'POST /federations/:id/activities': { as: 'chair', body: () => screening() },
  'PATCH /activities/:id': { as: 'chair', params: (f) => ({ id: f.draft }), body: () => screening({ title: '改期后的筛查' }) },
  'POST /activities/:id/cancel': { as: 'chair', body: () => ({ reason: '天气原因，改期另行通知' }) },
  'POST /activities/:id/publish': { as: 'chair', params: (f) => ({ id: f.draft }) },
  'POST /activities/:id/signups': { as: 'neighbour', body: () => ({ attendee: { name: '李母', phone: '13800000009' } }) },
  'POST /activities/:id/attendees': { as: 'chair', body: () => ({ name: '赵大娘', phone: '13800000010', consentRecorded: true }) },
  'POST /activities/:id/check-ins': { as: 'chair', body: () => ({ code: '123456' }) },
  'PUT /activities/:id/agenda': { as: 'chair', body: (f) => ({ concernIds: [f.concern] }) },
  'PUT /activities/:id/minutes': { as: 'chair', body: () => ({ minutes: '会议记录' }) },
  'POST /signups/:id/cancel': { as: 'woman' },
  'PATCH /federations/:id/categories/:key': { as: 'admin', params: () => ({ id: TREE.county, key: ServiceCategoryKey.LegalAid }), body: () => ({ handlingLevel: 'township', firstResponseHours: 8, resolutionHours: 40 }) },
  'POST /federations/:id/concerns': { as: 'woman', body: () => ({ title: '上学路上的路灯坏了', description: '村东头到小学那段路三盏路灯不亮。', photoUrl: 'https://example.com/a.jpg', showMyName: false, notPersonal: true }) },
  'POST /concerns/:id/cosign': { as: 'neighbour' },
  'POST /federations/:id/notices': { as: 'chair', body: () => ({ kind: 'announcement', title: '两癌筛查通知', body: '# 时间\n- 周六上午' }) },
  'PATCH /notices/:id': { as: 'chair', body: () => ({ title: '两癌筛查通知（改）' }) },
  'POST /notices/:id/publish': { as: 'chair', body: () => ({ publishAt: null }) },
  'PUT /me/sms': { as: 'woman', body: () => ({ enabled: false }) },
  'POST /me/subscriptions': { as: 'woman', body: () => ({ answers: {} }) },
  'PUT /requests/:id/sms': { as: 'chair', params: (f) => ({ id: f.onBehalfRequest }), body: () => ({ enabled: false }) },
  'DELETE /concerns/:id/cosign': { as: 'neighbour' },
  'POST /concerns/:id/publish': { as: 'chair' },
  'POST /concerns/:id/decline': { as: 'chair', body: () => ({ reason: '与另一条重复' }) },
  'POST /concerns/:id/merge': { as: 'chair', body: (f) => ({ intoConcernId: f.otherConcern }) },
  'POST /concerns/:id/updates': { as: 'chair', body: (f) => ({ status: 'accepted', text: '已列入议程', meetingId: f.activity }) },
  'PUT /federations/:id/cover': { as: 'chair', body: () => ({ deputyUserId: null, awayFrom: '2026-12-02T00:00:00.000Z', awayUntil: '2026-12-09T00:00:00.000Z' }) },
  'DELETE /federations/:id/cover': { as: 'chair' },
  'POST /federations/:id/requests': {
    as: 'chair',
    body: () => ({ ...mediation(), federationId: undefined, womanName: '王秀英', womanPhone: '13800000002', source: 'phone', consentRecorded: true }),
  },
  'POST /federations/:id/role-invitations': { as: 'admin', body: () => ({ role: RoleKind.Deputy, inviteeName: '孙执委' }) },
  'POST /federations/:id/role-revocations': { as: 'admin', body: () => ({ userId: '00000000-0000-4000-8000-000000000000', role: RoleKind.Chair }) },
  'POST /role-invitations/:code/accept': { as: 'neighbour' },
  'POST /federations/:id/roster': { as: 'chair', body: () => ({ name: '刘奶奶', phone: '13800000011', tags: [CareTag.Elderly], consentRecorded: true, careEveryWeeks: 4 }) },
  'POST /federations/:id/roster-invitations': { as: 'chair' },
  'POST /roster-invitations/:code/accept': { as: 'neighbour' },
  'PATCH /roster/:id': { as: 'chair', body: () => ({ tags: [CareTag.Hardship], careEveryWeeks: 2 }) },
  'DELETE /roster/:id': { as: 'chair' },
  'POST /roster/:id/contacts': { as: 'chair', body: () => ({ date: '2026-12-01', method: 'visit', note: '上门看望', requestFiled: false }) },
  'POST /federations/:id/routing-preview': { as: 'admin', params: () => ({ id: TREE.county }), body: () => ({ categoryKey: ServiceCategoryKey.LegalAid, homeFederationId: TREE.village }) },
  'POST /federations/:id/routing-rules': { as: 'admin', params: () => ({ id: TREE.county }), body: () => ({ regionPrefix: TREE.township, categoryKey: ServiceCategoryKey.LegalAid, targetFederationId: TREE.township, label: '镇里统一受理' }) },
  'DELETE /federations/:id/routing-rules/:ruleId': { as: 'admin', params: (f) => ({ id: TREE.county, ruleId: f.rule }) },
  'POST /federations/:id/sites': { as: 'chair', body: () => site },
  'PATCH /sites/:id': { as: 'chair', body: () => ({ ...site, active: true }) },
  'POST /feedback': { as: 'woman', body: () => ({ kind: 'suggestion', federationId: TREE.village, text: '希望多办讲座', contactPhone: '13800000003' }) },
  'POST /feedback/:id/reply': { as: 'admin', body: () => ({ reply: '已收到，谢谢' }) },
  'POST /ratings/:code': { as: 'woman', body: () => ({ rating: 'satisfied', helped: true, comment: '很好' }) },
  'POST /requests': { as: 'woman', body: () => mediation() },
  'POST /requests/:id/accept': { as: 'chair', body: () => ({ note: '马上联系您' }) },
  'POST /requests/:id/reply': { as: 'chair', body: () => ({ message: '明天上午到您家' }) },
  'POST /requests/:id/refer': { as: 'chair', body: () => ({ toFederationId: TREE.township, reason: '需要镇里协调' }) },
  'POST /requests/:id/return_referral': { as: 'staff', body: () => ({ reason: '请村里继续跟进' }) },
  'POST /requests/:id/resolve': { as: 'chair', body: () => ({ resolution: '已调解' }) },
  'POST /requests/:id/withdraw': { as: 'woman', body: () => ({ reason: '已经解决了' }) },
  'POST /requests/:id/rate': { as: 'woman', body: () => ({ rating: 'satisfied', helped: true, comment: '谢谢' }) },
  // GET routes that take a query string.
  'GET /activities': { as: 'woman', query: () => ({ latitude: '42.2', longitude: '123.5', radiusMetres: '5000', federationId: TREE.village, category: 'screening', limit: '10' }) },
  'GET /activities/:id/attendees.csv': { as: 'chair', query: () => ({ phones: 'masked' }) },
  'GET /nearest': { as: 'woman', query: () => ({ latitude: '42.2', longitude: '123.5', k: '5', type: 'site', kind: 'womens_home', service: 'legal_aid', openNow: 'true', radiusMetres: '5000' }) },
  'GET /search': { as: 'woman', query: () => ({ q: '懿路', limit: '5' }) },
  'GET /federations/:id/stats': { as: 'staff', params: () => ({ id: TREE.township }), query: () => ({ from: '2026-01-01', to: '2026-12-31' }) },
  'GET /federations/:id/stats.csv': { as: 'staff', params: () => ({ id: TREE.township }), query: () => ({ from: '2026-01-01', to: '2026-12-31' }) },
};

/** A path parameter's real value by the collection it names: /activities/:id is an activity. */
function defaultParam(path: string, name: string, f: Fixtures): string {
  const segment = path.split('/')[path.split('/').indexOf(`:${name}`) - 1];
  const byCollection: Record<string, string> = {
    activities: f.activity,
    concerns: f.concern,
    federations: TREE.village,
    feedback: f.feedback,
    notices: f.notice,
    ratings: f.ratingCode,
    requests: f.request,
    roster: f.roster,
    'roster-invitations': f.rosterCode,
    'role-invitations': f.roleCode,
    signups: f.signup,
    sites: f.site,
    categories: ServiceCategoryKey.LegalAid,
    'routing-rules': f.rule,
  };
  return byCollection[segment] ?? TREE.village;
}

/** The route's path parameters as real rows: the plan's own, else by the collection each names. */
function realParamsOf(route: RouteEntry, plan: Plan, f: Fixtures): Record<string, string> {
  const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
  return { ...Object.fromEntries(names.map((name) => [name, defaultParam(route.path, name, f)])), ...plan.params?.(f) };
}

/**
 * Where '' is an answer rather than a mistake: the form takes it and the service decides. Any other
 * text field must refuse '' and blank text itself.
 */
const EMPTY_IS_AN_ANSWER = new Set([
  // A chair may publish an activity with its title alone (its form sends '').
  'ActivityInputDto.description',
  'UpdateActivityDto.description',
  // The calendar checks each line itself and answers naming the line (holidayEntriesProblems).
  'HolidayEntryDto.date',
  'HolidayEntryDto.name',
]);

/** What a refusal of one broken field must be, beyond problemWith: a 400 naming that field (or the JSON refused). */
function namingProblem(reply: Reply, broken: FieldBreak): string | null {
  const body = JSON.parse(reply.body) as { code: string; fields?: Array<{ field: string; message: string }> };
  if (broken.kind === 'invalid UTF-8') return reply.statusCode === 400 && body.code === 'MALFORMED_JSON' ? null : `answered ${reply.statusCode} ${body.code}, not 400 MALFORMED_JSON`;
  if (reply.statusCode !== 400 || body.code !== 'VALIDATION_FAILED') return `answered ${reply.statusCode} ${body.code}, not 400 VALIDATION_FAILED`;
  const named = (body.fields ?? []).map((field) => field.field);
  const isIt = (field: string) => field === broken.path || field.startsWith(`${broken.path}.`);
  if (!named.some(isIt)) return `named ${JSON.stringify(named)}, not ${broken.path}`;
  if (broken.alone && !named.every(isIt)) return `named ${JSON.stringify(named)} besides ${broken.path}`;
  const english = (body.fields ?? []).find((field) => !CHINESE.test(field.message));
  return english ? `explained ${english.field} as "${english.message}"` : null;
}

const keyOf = (route: RouteEntry) => `${route.method} ${route.path.slice(API_PREFIX.length)}`;
const isWrite = (route: RouteEntry) => route.method !== 'GET';

interface Reply {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Everything a refusal must be; returns what is wrong, or null. */
function problemWith(reply: Reply): string | null {
  if (({} as Record<string, unknown>).polluted !== undefined || Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTO_NAMES) {
    return 'Object.prototype was polluted';
  }
  if (reply.statusCode >= 500) return `answered ${reply.statusCode}: ${reply.body.slice(0, 200)}`;
  if (reply.statusCode < 400) return `accepted a broken request with ${reply.statusCode}: ${reply.body.slice(0, 200)}`;
  if (!String(reply.headers['content-type']).startsWith('application/json')) return `content-type ${String(reply.headers['content-type'])}`;
  let body: { code?: unknown; message?: unknown };
  try {
    body = JSON.parse(reply.body) as typeof body;
  } catch {
    return `not JSON: ${reply.body.slice(0, 100)}`;
  }
  if (typeof body.code !== 'string' || typeof body.message !== 'string') return `not the error shape: ${reply.body.slice(0, 200)}`;
  if (!CHINESE.test(body.message)) return `message not in Chinese: ${body.message}`;
  if (/Error:|\bat |node_modules|\.ts:\d+|QueryFailedError|\bER_[A-Z_]+|FST_/.test(reply.body)) return `internals leaked: ${reply.body.slice(0, 200)}`;
  return null;
}

/** Row counts of every table (and content checksums of all but the outbox, whose worker runs on its own). */
async function snapshot(dataSource: DataSource): Promise<Record<string, string>> {
  const tables = dataSource.entityMetadatas.map((meta) => meta.tableName);
  const counts = (await dataSource.query(tables.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM ${t}`).join(' UNION ALL '))) as Array<{ t: string; n: string }>;
  const sums = (await dataSource.query(`CHECKSUM TABLE ${tables.filter((t) => t !== 'outbox').join(', ')}`)) as Array<{ Table: string; Checksum: string }>;
  return {
    ...Object.fromEntries(counts.map((row) => [`${row.t} rows`, String(row.n)])),
    ...Object.fromEntries(sums.map((row) => [`${row.Table.split('.').pop()} checksum`, String(row.Checksum)])),
  };
}

/** fast-check's counterexample, cut to a readable length (a 100 KB body would drown the report), with the seed to replay it. */
function reportOf(details: fc.RunDetails<[{ raw?: RawBody; json?: { why: string; body: unknown }; query?: { why: string; query: string }; params: Record<string, string> }]>): string {
  const [c] = details.counterexample ?? [{ params: {} }];
  const sent = c.raw ? `${c.raw.why}: ${String(c.raw.payload).slice(0, 160)}` : c.json ? `${c.json.why}: ${toJsonText(c.json.body).slice(0, 160)}` : `${c.query?.why}: ?${c.query?.query.slice(0, 160)}`;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return `${error.slice(0, 300)}\n    sent ${sent}\n    params ${JSON.stringify(c.params)}\n    replay with { seed: ${details.seed}, path: "${details.counterexamplePath}" }`;
}

function changes(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((key) => before[key] !== after[key]).map((key) => `${key}: ${before[key]} → ${after[key]}`);
}

describe('fuzzing every write route and every query string', () => {
  const { app, api, token } = useTreeApp(START, PEOPLE);
  let f: Fixtures;

  beforeEach(async () => {
    const ok = <T>(reply: { status: number; body: T }, what: string): T => {
      if (reply.status >= 300) throw new Error(`fixture ${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    };
    const village = (path: string) => pathOf(path, { id: TREE.village });
    const siteId = ok(await api<{ id: string }>('chair', 'POST', village(ApiPaths.federationSites), site), 'site').id;
    const draft = ok(await api<ActivityDetail>('chair', 'POST', village(ApiPaths.federationActivities), screening({ title: '草稿' })), 'draft').id;
    const activity = ok(await api<ActivityDetail>('chair', 'POST', village(ApiPaths.federationActivities), screening()), 'activity').id;
    ok(await api('chair', 'POST', pathOf(ApiPaths.activityPublish, { id: activity })), 'publish');
    const signup = ok(await api<{ id: string }>('woman', 'POST', pathOf(ApiPaths.activitySignups, { id: activity }), {}), 'signup').id;
    const request = ok(await api<RequestDetail>('woman', 'POST', ApiPaths.requests, mediation()), 'request').id;
    const onBehalf = ok(
      await api<OnBehalfCreated>('chair', 'POST', village(ApiPaths.federationRequests), { ...mediation(), federationId: undefined, womanName: '赵大娘', source: 'phone', consentRecorded: true }),
      'on behalf',
    );
    const concern = ok(await api<ConcernDetail>('woman', 'POST', village(ApiPaths.federationConcerns), { title: '路灯坏了', description: '村东头的路灯不亮。' }), 'concern').id;
    const otherConcern = ok(await api<ConcernDetail>('neighbour', 'POST', village(ApiPaths.federationConcerns), { title: '想要集市', description: '希望村里每月有一次集市。' }), 'concern 2').id;
    const roster = ok(await api<{ id: string }>('chair', 'POST', village(ApiPaths.federationRoster), { name: '刘奶奶', phone: '13800000011', consentRecorded: true }), 'roster').id;
    const rosterCode = ok(await api<{ code: string }>('chair', 'POST', village(ApiPaths.federationRosterInvitations)), 'roster invitation').code;
    const feedback = ok(await api<{ id: string }>('woman', 'POST', ApiPaths.feedback, { kind: 'suggestion', federationId: TREE.village, text: '希望多办讲座' }), 'feedback').id;
    const rule = ok(
      await api<{ id: string }>('admin', 'POST', pathOf(ApiPaths.countyRoutingRules, { id: TREE.county }), { regionPrefix: TREE.township, categoryKey: ServiceCategoryKey.Employment, targetFederationId: TREE.township }),
      'rule',
    ).id;
    const roleCode = ok(await api<{ code: string }>('admin', 'POST', village(ApiPaths.federationRoleInvitations), { role: RoleKind.Deputy, inviteeName: '孙执委' }), 'role invitation').code;
    const notice = ok(await api<{ id: string }>('chair', 'POST', village(ApiPaths.federationNotices), { kind: 'announcement', title: '草稿通知', body: '正文' }), 'notice').id;
    f = { activity, draft, signup, request, ratingCode: onBehalf.ratingCode, concern, otherConcern, roster, rosterCode, feedback, rule, roleCode, site: siteId, notice, onBehalfRequest: onBehalf.request.id };
  });

  const inject = async (method: string, url: string, who: string | null, raw?: { payload: string | Buffer; contentType: string | null }, remoteAddress?: string): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (who) headers.authorization = `Bearer ${token[who]}`;
    if (raw?.contentType) headers['content-type'] = raw.contentType;
    const reply = await app().app.inject({ method: method as 'GET', url, headers, payload: raw?.payload, ...(remoteAddress ? { remoteAddress } : {}) });
    return { statusCode: reply.statusCode, headers: reply.headers, body: reply.body };
  };

  it(`refuses ${MIN_TOTAL.toLocaleString('en')}+ broken bodies and query strings on every route without a 5xx, a stored row or a polluted prototype`, async () => {
    const routes = routeTable(app().app).filter((route) => isWrite(route) || argumentsOf(app().app, route).query !== null);
    const findings: string[] = [];
    let sent = 0;
    let skipped = 0;
    for (const route of routes) {
      const plan = PLANS[keyOf(route)] ?? { as: 'admin' };
      const { body: bodyDto, query: queryDto } = argumentsOf(app().app, route);
      if (bodyDto === Object) findings.push(`${keyOf(route)}: its @Body() is no class, so nothing validates it`);
      const base = plan.body?.(f) ?? {};
      const baseQuery = plan.query?.(f) ?? {};
      if (bodyDto && bodyDto !== Object && plan.body && (await pipeRefuses(bodyDto, JSON.parse(JSON.stringify(base)), 'body'))) {
        findings.push(`${keyOf(route)}: the fuzz plan's valid body is refused by the pipe; update PLANS`);
      }
      const paramNames = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const realParams = realParamsOf(route, plan, f);
      const params = fc.record(Object.fromEntries(paramNames.map((name) => [name, fc.oneof({ weight: 5, arbitrary: fc.constant(realParams[name]) }, { weight: 1, arbitrary: garbageId() })])));

      type Case = { params: Record<string, string>; raw?: RawBody; json?: { body: unknown; why: string }; query?: { query: string; why: string } };
      const cases: fc.Arbitrary<Case>[] = [];
      if (isWrite(route) && paramNames.length > 0) {
        // A well-formed request for a row that does not exist: it passes the pipe and the service must refuse it.
        const missing = fc.record(Object.fromEntries(paramNames.map((name) => [name, garbageId()])));
        const valid = plan.body ? { raw: { payload: JSON.stringify(base), contentType: 'application/json', why: 'the valid body, no such id' } } : {};
        cases.push(missing.map((p) => ({ params: p, ...valid })));
      }
      if (isWrite(route)) {
        const raw = rawGarbage(base);
        cases.push(fc.record({ params, raw: bodyDto ? raw : raw.filter((r) => r.parses !== true) }));
        if (bodyDto && bodyDto !== Object) cases.push(fc.record({ params, json: brokenBody(bodyDto, base) }), fc.record({ params, json: brokenBody(bodyDto, base) }));
      }
      if (queryDto) cases.push(fc.record({ params, query: brokenQuery(queryDto, baseQuery) }), fc.record({ params, query: brokenQuery(queryDto, baseQuery) }));

      const before = await snapshot(app().dataSource);
      const details = await fc.check(
        fc.asyncProperty(fc.oneof(...cases), async (c) => {
          if (c.json) {
            const refused = await pipeRefuses(bodyDto!, JSON.parse(toJsonText(c.json.body)), 'body');
            if (!refused) skipped++;
            fc.pre(refused);
          }
          if (c.query) {
            const refused = await pipeRefuses(queryDto!, parseQuery(c.query.query), 'query');
            if (!refused) skipped++;
            fc.pre(refused);
          }
          const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeLoosely(c.params[name]));
          const url = c.query ? `${path}?${c.query.query}` : isWrite(route) ? path : `${path}?${new URLSearchParams(baseQuery).toString()}`;
          const raw = c.raw ?? (c.json ? { payload: toJsonText(c.json.body), contentType: 'application/json' } : undefined);
          sent++;
          const problem = problemWith(await inject(route.method, url, plan.as, raw));
          if (problem) throw new Error(problem);
        }),
        { numRuns: RUNS_PER_ROUTE, maxSkipsPerRun: 10 },
      );
      if (details.failed) findings.push(`${keyOf(route)} as ${plan.as}: ${reportOf(details)}`);
      const stored = changes(before, await snapshot(app().dataSource));
      if (stored.length > 0) findings.push(`${keyOf(route)}: refused requests changed stored data: ${stored.join('; ')}`);
    }

    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'fuzz-summary.json'), `${JSON.stringify({ routes: routes.length, sent, skippedAsValid: skipped, findings }, null, 2)}\n`);
    expect(findings).toEqual([]);
    expect(routes.filter(isWrite).length).toBeGreaterThanOrEqual(50);
    expect(sent).toBeGreaterThanOrEqual(MIN_TOTAL);
    // The pipe oracle rarely calls a generated value valid; far more would mean the generators broke nothing.
    expect(skipped).toBeLessThan(sent / 10);
  }, 240_000);

  it('refuses null, wrong types, empty or over-long text and invalid UTF-8 in every field of every form with a 400 naming the field, storing nothing', async () => {
    const findings: string[] = [];
    const sent: Record<string, number> = {};
    /** Fields where null or '' reached the service (allowed by the form) and what it answered. */
    const leftToService: string[] = [];
    let clients = 0;
    // Each request from an address of its own, so a per-address rate limit never answers before the form is read.
    const send = (route: RouteEntry, url: string, who: string, broken: FieldBreak) => {
      clients++;
      sent[broken.kind] = (sent[broken.kind] ?? 0) + 1;
      return inject(route.method, url, who, { payload: broken.payload, contentType: 'application/json' }, `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`);
    };

    for (const route of routeTable(app().app).filter(isWrite)) {
      const { body: dto } = argumentsOf(app().app, route);
      if (!dto || dto === Object || fieldsOf(dto).length === 0) continue;
      const plan = PLANS[keyOf(route)];
      if (!plan?.body) {
        findings.push(`${keyOf(route)}: add a valid body to PLANS, so that its fields can be broken one at a time`);
        continue;
      }
      const base = plan.body(f);
      const baseValid = !(await pipeRefuses(dto, JSON.parse(JSON.stringify(base)), 'body'));
      if (!baseValid) findings.push(`${keyOf(route)}: the fuzz plan's valid body is refused by the pipe; update PLANS`);
      const params = realParamsOf(route, plan, f);
      const url = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name]));
      const breaks = fieldBreaks(dto, base, baseValid);
      const byService = (broken: FieldBreak) => !broken.ruled || (broken.kind === 'empty' && EMPTY_IS_AN_ANSWER.has(broken.field));

      const before = await snapshot(app().dataSource);
      for (const broken of breaks.filter((b) => !byService(b))) {
        const reply = await send(route, url, plan.as, broken);
        const problem = problemWith(reply) ?? namingProblem(reply, broken);
        if (problem) findings.push(`${keyOf(route)} as ${plan.as}, ${broken.kind} ${broken.why}: ${problem}`);
      }
      const stored = changes(before, await snapshot(app().dataSource));
      if (stored.length > 0) findings.push(`${keyOf(route)}: refused fields changed stored data: ${stored.join('; ')}`);

      // Allowed by the form, so they may be taken and stored: after the check above, and held only to "no 5xx".
      for (const broken of breaks.filter(byService)) {
        const reply = await send(route, url, plan.as, broken);
        leftToService.push(`${keyOf(route)} ${broken.why}: ${reply.statusCode}`);
        const problem = reply.statusCode < 400 ? null : problemWith(reply);
        if (problem) findings.push(`${keyOf(route)} as ${plan.as}, ${broken.kind} ${broken.why} (the service decides): ${problem}`);
      }
    }

    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'fuzz-fields-summary.json'), `${JSON.stringify({ sent, leftToService, findings }, null, 2)}\n`);
    expect(findings).toEqual([]);
    // Every kind of break was sent, often: far fewer would mean the DTO metadata was not read.
    for (const kind of ['null', 'missing', 'wrong type', 'empty', 'over-long', 'invalid UTF-8']) expect(sent[kind]).toBeGreaterThan(40);
  }, 240_000);

  it('refuses a body nested thousands deep with 400 MALFORMED_JSON instead of overflowing the stack', async () => {
    for (const payload of [`${'['.repeat(5000)}${']'.repeat(5000)}`, `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`]) {
      const reply = await inject('POST', ApiPaths.requests, 'woman', { payload, contentType: 'application/json' });
      expect({ status: reply.statusCode, code: JSON.parse(reply.body).code }).toEqual({ status: 400, code: 'MALFORMED_JSON' });
    }
  });

  describe('stored text where it is rendered', () => {
    /** What a spreadsheet must show for a stored value: a formula-like start defused with a quote, all else as is. */
    const defused = (stored: string) => (/^[=+\-@\t\r]/.test(stored) ? `'${stored}` : stored);
    const csvRows = (text: string) => parseCsv(text, { bom: true, relax_column_count: true }) as string[][];

    it('the attendee CSV defuses formulas in stored names and quotes quotes, commas and line breaks', async () => {
      const names = [...FORMULA_PAYLOADS, '王"大"娘,住村东\n二组', `${HTML_PAYLOADS[1]}`];
      for (const [i, name] of names.entries()) {
        const reply = await api('chair', 'POST', pathOf(ApiPaths.activityAttendees, { id: f.activity }), { name, phone: `1380000${String(i).padStart(4, '0')}`, consentRecorded: true });
        expect(reply.status).toBe(201);
      }
      const stored = (await api<{ confirmed: Array<{ name: string }> }>('chair', 'GET', pathOf(ApiPaths.activityAttendees, { id: f.activity }))).body.confirmed.map((a) => a.name);
      // Her own seat from the fixtures, then the reserved places just added.
      expect(stored).toHaveLength(names.length + 1);

      const reply = await inject('GET', pathOf(ApiPaths.activityAttendeesCsv, { id: f.activity }), 'chair');

      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
      const shown = csvRows(reply.body).slice(1).map((row) => row[1]);
      expect(shown).toEqual(stored.map(defused));
      for (const cell of shown) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(reply.body).toContain('"王""大""娘,住村东\n二组"');
    });

    it('the stats CSV defuses formulas in stored body names', async () => {
      await app().dataSource.query('UPDATE federation SET name = ? WHERE id = ?', ['=HYPERLINK("http://evil.example","点我")', TREE.village]);
      await app().dataSource.query('UPDATE federation SET name = ? WHERE id = ?', ['@SUM(1+1)*cmd|"/C calc"!A0', TREE.siblingVillage]);

      const reply = await inject('GET', `${pathOf(ApiPaths.federationStatsCsv, { id: TREE.township })}?from=2026-01-01&to=2026-12-31`, 'staff');

      expect(reply.statusCode).toBe(200);
      const names = csvRows(reply.body).slice(1).map((row) => row[0]);
      expect(names).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://evil.example\",\"点我\")", "'@SUM(1+1)*cmd|\"/C calc\"!A0"]));
      for (const name of names) expect(name).not.toMatch(/^[=+\-@\t\r]/);
    });

    it('JSON gives stored HTML, SQL and unusual Unicode back as the very same string', async () => {
      const text = [...HTML_PAYLOADS, ...SQL_PAYLOADS.slice(0, 3), UNICODE_PAYLOADS[3], UNICODE_PAYLOADS[4], UNICODE_PAYLOADS[5], UNICODE_PAYLOADS[10], '&lt;b&gt; &amp;amp;'].join(' ');
      const short = `${HTML_PAYLOADS[0]}&amp;`;
      const request = await api<RequestDetail>('woman', 'POST', ApiPaths.requests, mediation({ description: text }));
      const concern = await api<ConcernDetail>('woman', 'POST', pathOf(ApiPaths.federationConcerns, { id: TREE.village }), { title: short, description: text, notPersonal: true });
      const activity = await api<ActivityDetail>('chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), screening({ title: short, description: text }));
      await api('chair', 'PATCH', pathOf(ApiPaths.federation, { id: TREE.village }), { address: short, officeHours: HTML_PAYLOADS[1] });
      expect([request.status, concern.status, activity.status]).toEqual([201, 201, 201]);

      const reads: Array<[string, string, (body: any) => unknown[]]> = [
        [pathOf(ApiPaths.request, { id: request.body.id }), 'woman', (b) => [b.description]],
        [pathOf(ApiPaths.concern, { id: concern.body.id }), 'woman', (b) => [b.title, b.description]],
        [pathOf(ApiPaths.activity, { id: activity.body.id }), 'chair', (b) => [b.title, b.description]],
        [pathOf(ApiPaths.federation, { id: TREE.village }), 'chair', (b) => [b.address, b.officeHours]],
      ];
      const expected = [[text], [short, text], [short, text], [short, HTML_PAYLOADS[1]]];
      for (const [i, [url, who, pick]] of reads.entries()) {
        const reply = await inject('GET', url, who);
        expect(reply.statusCode).toBe(200);
        expect(reply.headers['content-type']).toMatch(/^application\/json/);
        expect(pick(JSON.parse(reply.body))).toEqual(expected[i]);
      }
    });
  });
});
