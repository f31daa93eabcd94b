import {
  ApiPaths,
  ErrorCode,
  RoleKind,
  pathOf,
  type ManagedNotice,
  type NoticeReach,
  type NoticeSummary,
  type NoticeView,
  type UserProfile,
} from '@wfh/shared';
import { AuditLogEntity } from '../../src/modules/audit/audit-log.entity';
import { TREE } from '../factories/bodies';
import { expectApiError, expectFieldErrors } from '../support/api-expect';
import { useTreeApp } from '../support/tree-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');
const HOUR = 3600_000;

const screening = {
  kind: 'announcement',
  title: '关于开展冬季两癌免费筛查的通知',
  body: '# 时间地点\n12月10日上午，村委会二楼。\n\n- 带身份证\n- 空腹',
};

describe('notices over HTTP', () => {
  const { clock, app, api } = useTreeApp(START, [
    ['anna', { key: 'anna', displayName: '张桂英', home: TREE.village }],
    ['bea', { key: 'bea', displayName: '李秀兰', home: TREE.village }],
    ['dora', { key: 'dora', displayName: '赵淑珍', home: TREE.siblingVillage }],
    ['olga', { key: 'olga', displayName: '钱玉梅', home: TREE.otherTownshipVillage }],
    ['xena', { key: 'xena', displayName: '孙红霞', home: TREE.otherCounty }],
    ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['siblingChair', { key: 'siblingChair', role: { role: RoleKind.Chair, federationId: TREE.siblingVillage } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['otherStaff', { key: 'otherStaff', role: { role: RoleKind.Staff, federationId: TREE.otherTownship } }],
    ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
  ]);

  const draft = (who: string, federationId: string, body: Record<string, unknown> = screening) =>
    api<NoticeView>(who, 'POST', pathOf(ApiPaths.federationNotices, { id: federationId }), body);
  const publish = (who: string, id: string, publishAt?: string) => api<NoticeView>(who, 'POST', pathOf(ApiPaths.noticePublish, { id }), publishAt ? { publishAt } : {});
  const withdraw = (who: string, id: string) => api<NoticeView>(who, 'POST', pathOf(ApiPaths.noticeWithdraw, { id }));
  const open = (who: string | null, id: string) => api<NoticeView>(who, 'GET', pathOf(ApiPaths.notice, { id }));
  const listOf = async (who: string) => {
    const reply = await api<NoticeSummary[]>(who, 'GET', ApiPaths.myNotices);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const published = async (who: string, federationId: string, title: string) => {
    const made = await draft(who, federationId, { ...screening, title });
    expect(made.status).toBe(201);
    expect((await publish(who, made.body.id)).status).toBe(201);
    return made.body.id;
  };
  const audited = async (id: string) =>
    (await app().dataSource.getRepository(AuditLogEntity).find({ where: { subjectId: id }, order: { seq: 'ASC' } })).map((a) => a.action);

  it('keeps a draft to the chair, shows a scheduled notice only from its time, and takes a withdrawn one out of her list', async () => {
    const made = await draft('chair', TREE.village);
    expect(made.status).toBe(201);
    const id = made.body.id;
    expect(made.body).toMatchObject({ state: 'draft', publishedAt: null, canManage: true, bodyHtml: '<h3>时间地点</h3><p>12月10日上午，村委会二楼。</p><ul><li>带身份证</li><li>空腹</li></ul>' });
    expect(await listOf('anna')).toEqual([]);
    expectApiError(await open('anna', id), 404, ErrorCode.NoticeNotFound);
    expectApiError(await open(null, id), 404, ErrorCode.NoticeNotFound);

    const edited = await api<NoticeView>('chair', 'PATCH', pathOf(ApiPaths.notice, { id }), { title: '冬季两癌免费筛查通知', body: '12月10日上午，村委会二楼。' });
    expect(edited.body).toMatchObject({ title: '冬季两癌免费筛查通知', bodyHtml: '<p>12月10日上午，村委会二楼。</p>', source: { body: '12月10日上午，村委会二楼。', bodyFormat: 'text' } });

    // A time already past is refused in words; so is one more than a year away.
    expectFieldErrors(await publish('chair', id, new Date(START.getTime() - HOUR).toISOString()), 400, ErrorCode.ValidationFailed, ['publishAt']);
    expectFieldErrors(await publish('chair', id, '2028-12-01T02:00:00.000Z'), 400, ErrorCode.ValidationFailed, ['publishAt']);
    const at = new Date(START.getTime() + 2 * HOUR).toISOString();
    const scheduled = await publish('chair', id, at);
    expect(scheduled.body).toMatchObject({ state: 'scheduled', publishedAt: at });
    expect(await listOf('anna')).toEqual([]);
    expectApiError(await open('anna', id), 404, ErrorCode.NoticeNotFound);

    clock.at = new Date(START.getTime() + 2 * HOUR);
    expect(await listOf('anna')).toEqual([expect.objectContaining({ id, title: '冬季两癌免费筛查通知', federationName: '懿路村妇联', unread: true, publishedAt: at })]);
    const read = await open('anna', id);
    expect(read.body).toMatchObject({ state: 'published', canManage: false, source: null });
    expect((await listOf('anna'))[0]!.unread).toBe(false);
    expect((await listOf('bea'))[0]!.unread).toBe(true);
    // Out now: it can no longer be changed in place, nor published again.
    expectApiError(await api('chair', 'PATCH', pathOf(ApiPaths.notice, { id }), { title: '改一下' }), 409, ErrorCode.NoticeNotEditable);
    const again = await publish('chair', id);
    // A refusal, not a NoticeView: its own words say why, beyond the code's general message.
    const refusal = again.body as unknown as { code: ErrorCode; message: string };
    expect({ status: again.status, code: refusal.code, message: refusal.message }).toEqual({ status: 409, code: ErrorCode.NoticeStateConflict, message: '这条通知已经发布了，不用再发' });

    expect((await withdraw('chair', id)).body).toMatchObject({ state: 'withdrawn' });
    expect(await listOf('anna')).toEqual([]);
    expectApiError(await open('anna', id), 404, ErrorCode.NoticeNotFound);
    const twice = await withdraw('chair', id);
    expect({ status: twice.status, message: (twice.body as any).message }).toEqual({ status: 409, message: '这条通知已经撤回了' });
    expect((await publish('chair', id)).status).toBe(409);
    expect((await api<ManagedNotice[]>('chair', 'GET', pathOf(ApiPaths.federationNotices, { id: TREE.village }))).body).toEqual([
      expect.objectContaining({ id, state: 'withdrawn', opened: 1 }),
    ]);

    expect(await audited(id)).toEqual(['notice.create', 'notice.edit', 'notice.schedule', 'notice.withdraw']);
  });

  it('publishes at once, refuses a second publish and a withdrawal of a draft, and withdraws a scheduled one before it goes out', async () => {
    const id = await published('staff', TREE.township, '镇妇联冬季安全提示');
    expect((await listOf('anna')).map((n) => n.title)).toEqual(['镇妇联冬季安全提示']);
    expect((await publish('staff', id)).status).toBe(409);
    expect(await audited(id)).toEqual(['notice.create', 'notice.publish']);

    const fresh = await draft('chair', TREE.village);
    const refused = await withdraw('chair', fresh.body.id);
    expect({ status: refused.status, message: (refused.body as any).message }).toEqual({ status: 409, message: '草稿还没有发布，不用撤回' });

    const later = await draft('chair', TREE.village, { ...screening, title: '下周的通知' });
    await publish('chair', later.body.id, new Date(START.getTime() + HOUR).toISOString());
    expect((await withdraw('chair', later.body.id)).body.state).toBe('withdrawn');
    clock.at = new Date(START.getTime() + 2 * HOUR);
    expect((await listOf('anna')).map((n) => n.title)).toEqual(['镇妇联冬季安全提示']);
  });

  it('keeps headings, lists, https links and images, and strips script, handlers and javascript: links', async () => {
    const html = [
      '<h2 style="color:red">政策要点</h2><script>steal()</script>',
      '<p onclick="steal()">详见<a href="https://www.women.org.cn/policy" target="_blank">全文</a>和<a href="javascript:alert(1)">这里</a>',
      '，报名<a href="/packages/activities/detail?id=act-1">点这里</a>，<a href="/packages/workbench/index">工作台</a></p>',
      '<ul><li><strong>一</strong></li><li><em>二</em></li></ul><img src="x" onerror="steal()"><img src="https://img.example.cn/a.png" onload="steal()">',
      '<iframe src="https://evil.example"></iframe><a href="data:text/html,hi">数据</a><style>p{}</style>',
    ].join('');
    const made = await draft('chair', TREE.village, { kind: 'policy', title: '新修订妇女权益保障法要点', body: html, bodyFormat: 'html' });
    expect(made.status).toBe(201);
    expect(made.body.bodyHtml).toBe(
      '<h2>政策要点</h2><p>详见<a href="https://www.women.org.cn/policy">全文</a>和<a>这里</a>，报名<a href="/packages/activities/detail?id=act-1">点这里</a>，<a>工作台</a></p>' +
        '<ul><li><strong>一</strong></li><li><em>二</em></li></ul><img src="https://img.example.cn/a.png" /><a>数据</a>',
    );
    expect(made.body.links).toEqual([
      { label: '全文', href: 'https://www.women.org.cn/policy', internal: false },
      { label: '点这里', href: '/packages/activities/detail?id=act-1', internal: true },
    ]);
    // Typed text stays text; a body that says nothing once cleaned is refused in words.
    const typed = await draft('chair', TREE.village, { ...screening, body: '<img src=x onerror=alert(1)>' });
    expect(typed.body.bodyHtml).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expectFieldErrors(await draft('chair', TREE.village, { ...screening, body: '<script>x()</script>', bodyFormat: 'html' }), 400, ErrorCode.ValidationFailed, ['body']);
    expectFieldErrors(await draft('chair', TREE.village, { kind: 'news', title: '', body: '' }), 400, ErrorCode.ValidationFailed, ['kind', 'title', 'body']);
    expectFieldErrors(await draft('chair', TREE.village, { ...screening, title: '长'.repeat(61) }), 400, ErrorCode.ValidationFailed, ['title']);
  });

  it("shows a woman her village's notices and those of the bodies above it, newest first, and nobody else's", async () => {
    await published('admin', TREE.county, '县妇联：寒假儿童安全');
    clock.at = new Date(START.getTime() + HOUR);
    await published('staff', TREE.township, '新台子镇：技能培训报名');
    clock.at = new Date(START.getTime() + 2 * HOUR);
    const village = await published('chair', TREE.village, '懿路村：妇女议事会');

    expect((await listOf('anna')).map((n) => n.title)).toEqual(['懿路村：妇女议事会', '新台子镇：技能培训报名', '县妇联：寒假儿童安全']);
    expect((await listOf('dora')).map((n) => n.title)).toEqual(['新台子镇：技能培训报名', '县妇联：寒假儿童安全']);
    expect((await listOf('olga')).map((n) => n.title)).toEqual(['县妇联：寒假儿童安全']);
    expect(await listOf('xena')).toEqual([]);
    expect(await listOf('chair')).toEqual([]);

    // Out is public: a card shared in a chat opens for anyone, without what only managers see.
    expect((await open(null, village)).body).toMatchObject({ title: '懿路村：妇女议事会', source: null, canManage: false });
    expect((await open('dora', village)).status).toBe(200);
    // Managing stays with the body and those above it.
    expectApiError(await withdraw('siblingChair', village), 403, ErrorCode.Forbidden);
    expectApiError(await withdraw('anna', village), 403, ErrorCode.Forbidden);
    const hidden = await draft('chair', TREE.village);
    expectApiError(await api('siblingChair', 'PATCH', pathOf(ApiPaths.notice, { id: hidden.body.id }), { title: '改' }), 404, ErrorCode.NoticeNotFound);
    expect((await open('staff', hidden.body.id)).body.canManage).toBe(true);
    expectApiError(await draft('siblingChair', TREE.village), 403, ErrorCode.Forbidden);
    expectApiError(await api('anna', 'GET', pathOf(ApiPaths.federationNotices, { id: TREE.village })), 403, ErrorCode.Forbidden);
  });

  it('counts who opened a notice per body against registered women, and never says who', async () => {
    for (const [id, n] of [[TREE.village, 200], [TREE.siblingVillage, 100], [TREE.otherTownshipVillage, 50]] as const) {
      expect((await api('admin', 'PUT', pathOf(ApiPaths.federationRegisteredWomen, { id }), { registeredWomen: n })).status).toBe(204);
    }
    const id = await published('admin', TREE.county, '县妇联：寒假儿童安全');
    for (const who of ['anna', 'anna', 'bea', 'dora', 'xena', null]) expect((await open(who, id)).status).toBe(200);

    const reach = await api<NoticeReach>('admin', 'GET', pathOf(ApiPaths.noticeReach, { id }));
    expect(reach.body).toEqual({
      noticeId: id,
      total: { federationId: TREE.county, name: '铁岭县妇联', opened: 3, registered: 350, rate: 3 / 350 },
      bodies: [
        { federationId: TREE.township, name: '新台子镇妇联', opened: 3, registered: 300, rate: 0.01 },
        { federationId: TREE.otherTownship, name: '阿吉镇妇联', opened: 0, registered: 50, rate: 0 },
      ],
    });
    expect((await api<ManagedNotice[]>('admin', 'GET', pathOf(ApiPaths.federationNotices, { id: TREE.county }))).body[0]).toMatchObject({ id, opened: 3 });

    const anna = (await api<UserProfile>('anna', 'GET', ApiPaths.me)).body;
    for (const reply of [reach, await api('admin', 'GET', pathOf(ApiPaths.federationNotices, { id: TREE.county })), await open('admin', id)]) {
      expect(JSON.stringify(reply.body)).not.toMatch(new RegExp(`${anna.id}|张桂英|李秀兰|userId|readAt`));
    }
    expectApiError(await api('otherStaff', 'GET', pathOf(ApiPaths.noticeReach, { id })), 403, ErrorCode.Forbidden);
    expectApiError(await api('anna', 'GET', pathOf(ApiPaths.noticeReach, { id })), 403, ErrorCode.Forbidden);

    // A village's own notice: the village itself, with no bodies under it.
    const own = await published('chair', TREE.village, '懿路村：妇女议事会');
    await open('bea', own);
    expect((await api<NoticeReach>('chair', 'GET', pathOf(ApiPaths.noticeReach, { id: own }))).body).toEqual({
      noticeId: own,
      total: { federationId: TREE.village, name: '懿路村妇联', opened: 1, registered: 200, rate: 0.005 },
      bodies: [],
    });
  });
});
