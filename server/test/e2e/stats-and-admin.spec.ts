import { randomUUID } from 'node:crypto';
import {
  ApiPaths,
  ErrorCode,
  Rating,
  RequestAction,
  RequestState,
  RoleKind,
  ServiceCategoryKey,
  pathOf,
  requestActionPath,
  type AuthTokens,
  type FeedbackView,
  type MeResponse,
  type NearestResponse,
  type PublicBodyStats,
  type RequestDetail,
  type RoleInvitationView,
  type RoutingPreview,
  type RoutingRuleView,
  type SubtreeStats,
} from '@wfh/shared';
import { AuditLogEntity } from '../../src/modules/audit/audit-log.entity';
import { FederationEntity } from '../../src/modules/federations/federation.entity';
import { PlacesIndex } from '../../src/modules/places/places-index';
import { ServiceRequestEntity } from '../../src/modules/requests/service-request.entity';
import { createPerson, TREE } from '../factories/bodies';
import { expectApiError, expectFieldErrors, signInAs } from '../support/api-expect';
import { call } from '../support/test-app';
import { useTreeApp } from '../support/tree-app';

/** Wednesday 30 September 2026, 16:30 Shanghai: the last working afternoon before National Day. */
const START = new Date('2026-09-30T08:30:00Z');
const SECRET_WORDS = '他喝醉了就摔东西';

/** A stored request as the dashboards read it; only the columns they use matter. */
function requestRow(overrides: Partial<ServiceRequestEntity>): ServiceRequestEntity {
  return Object.assign(new ServiceRequestEntity(), {
    id: randomUUID(),
    womanUserId: randomUUID(),
    categoryKey: ServiceCategoryKey.MarriageMediation,
    sensitive: false,
    urgent: false,
    onBehalf: false,
    homeFederationId: TREE.village,
    federationId: TREE.village,
    routedFederationId: TREE.village,
    involvedFederationIds: TREE.village,
    siteId: null,
    state: RequestState.Closed,
    descriptionEnc: 'v1.x.y.z',
    answersEnc: 'v1.x.y.z',
    contactEnc: 'v1.x.y.z',
    routingReason: '按村级受理',
    firstResponseDueAt: null,
    resolutionDueAt: null,
    nextDueAt: null,
    firstRespondedAt: null,
    resolvedAt: null,
    escalations: 0,
    rating: null,
    helped: null,
    ratingCommentEnc: null,
    ratingsGiven: 0,
    ratingCodeHash: null,
    idempotencyKey: null,
    idempotencyDigest: null,
    firstResponseMinutes: null,
    firstResponseOnTime: null,
    resolutionMinutes: null,
    resolvedOnTime: null,
    createdAt: new Date('2026-09-10T02:00:00Z'),
    ...overrides,
  });
}

describe('township views, county administration and 投诉建议 over HTTP', () => {
  const { clock, token, app, api } = useTreeApp(START, [
    ['woman', { key: 'woman', displayName: '王秀英', home: TREE.village }],
    ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['otherStaff', { key: 'otherStaff', role: { role: RoleKind.Staff, federationId: TREE.otherTownship } }],
    ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
    ['otherAdmin', { key: 'otherAdmin', role: { role: RoleKind.Admin, federationId: TREE.otherCounty } }],
  ]);

  const statsOf = (who: string, id: string, from = '2026-09-01', to = '2026-09-30') =>
    api<SubtreeStats>(who, 'GET', `${pathOf(ApiPaths.federationStats, { id })}?from=${from}&to=${to}`);

  it('computes medians, 90th percentiles, within-deadline shares and the rates from known fixtures', async () => {
    const rows: ServiceRequestEntity[] = [];
    // 懿路村: first answers after 10, 20 … 100 working minutes; the 3rd and 7th were late.
    for (let i = 1; i <= 10; i++) {
      rows.push(requestRow({
        firstResponseMinutes: i * 10,
        firstResponseOnTime: i !== 3 && i !== 7,
        resolutionMinutes: i <= 4 ? i * 600 : null,
        resolvedOnTime: i <= 4 ? i !== 4 : null,
        escalations: i === 7 ? 1 : 0,
        rating: i <= 4 ? [Rating.Satisfied, Rating.Partly, Rating.Unsatisfied, Rating.Satisfied][i - 1]! : null,
        helped: i <= 4 ? i !== 3 : null,
      }));
    }
    // 东孤家子村: one answered in 5 minutes; one still open and overdue now.
    rows.push(requestRow({ routedFederationId: TREE.siblingVillage, federationId: TREE.siblingVillage, firstResponseMinutes: 5, firstResponseOnTime: true }));
    rows.push(requestRow({
      routedFederationId: TREE.siblingVillage, federationId: TREE.siblingVillage, state: RequestState.Submitted,
      firstResponseDueAt: new Date('2026-09-29T02:00:00Z'), nextDueAt: new Date('2026-09-29T02:00:00Z'), categoryKey: ServiceCategoryKey.DomesticViolence, sensitive: true,
    }));
    // Outside the range and outside the township: counted nowhere here.
    rows.push(requestRow({ createdAt: new Date('2026-08-31T15:00:00Z'), firstResponseMinutes: 9999 }));
    rows.push(requestRow({ routedFederationId: TREE.otherTownshipVillage, federationId: TREE.otherTownshipVillage, firstResponseMinutes: 1 }));
    for (const row of rows) await app().dataSource.getRepository(ServiceRequestEntity).insert(row);
    await app().dataSource.getRepository(FederationEntity).update({ id: TREE.village }, { registeredWomen: 4 });

    const reply = await statsOf('staff', TREE.township);
    expect(reply.status).toBe(200);
    const { total, children } = reply.body;
    expect(total).toMatchObject({
      received: 12,
      firstResponseMedianMinutes: 50,
      firstResponseP90Minutes: 90,
      resolutionMedianMinutes: 1500,
      resolutionP90Minutes: 2400,
      overdueNow: 1,
      escalations: 1,
      satisfaction: 0.75,
      benefit: 0.75,
      womenSignedIn: 1,
      womenRegistered: 4,
      awareness: 0.25,
      participation: 0,
    });
    expect(total.answeredWithinDeadline).toBeCloseTo(9 / 11);
    expect(total.resolvedWithinDeadline).toBeCloseTo(3 / 4);
    // Listed by what is overdue, not ranked: 东孤家子村 first.
    expect(children.map((c) => [c.name, c.received, c.overdueNow, c.firstResponseMedianMinutes, c.firstResponseP90Minutes])).toEqual([
      ['东孤家子村妇联', 2, 1, 5, 5],
      ['懿路村妇联', 10, 0, 55, 90],
    ]);
    expect(reply.body.categories.find((c) => c.categoryKey === ServiceCategoryKey.DomesticViolence)).toMatchObject({ received: 1, sensitive: true });
    expect(reply.body.weeks.map((w) => w.week)).toEqual(['2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28']);
    expect(reply.body.weeks[1]).toMatchObject({ received: 12, firstResponseMedianMinutes: 50 });
  });

  it('keeps times in working minutes across National Day, and never puts what she wrote in stats or their CSV', async () => {
    const asked = await api<RequestDetail>('woman', 'POST', ApiPaths.requests, {
      categoryKey: ServiceCategoryKey.MarriageMediation,
      description: SECRET_WORDS,
      answers: { with_whom: '丈夫' },
      contact: { method: 'wechat' },
      federationId: TREE.village,
    });
    expect(asked.status).toBe(201);
    // Thursday 8 October 09:30: the first working morning after the holiday.
    clock.at = new Date('2026-10-08T01:30:00Z');
    await api('chair', 'POST', pathOf(requestActionPath(RequestAction.Accept), { id: asked.body.id }), {});
    const [row] = await app().dataSource.getRepository(ServiceRequestEntity).findBy({ id: asked.body.id });
    expect(row!.firstResponseMinutes).toBe(120);

    const stats = await statsOf('staff', TREE.township, '2026-09-01', '2026-10-31');
    expect(stats.body.total).toMatchObject({ received: 1, firstResponseMedianMinutes: 120 });
    const csv = await call<string>(app().baseUrl, 'GET', `${pathOf(ApiPaths.federationStatsCsv, { id: TREE.township })}?from=2026-09-01&to=2026-10-31`, { token: token.staff });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain('首次答复中位数（工作分钟）');
    expect(csv.body).toContain('新台子镇妇联,1,120');
    for (const body of [JSON.stringify(stats.body), csv.body]) expect(body).not.toContain(SECRET_WORDS);
  });

  it("lets staff see their own township only, and refuses reversed or year-long ranges", async () => {
    expect((await statsOf('otherStaff', TREE.township)).status).toBe(403);
    expect((await statsOf('woman', TREE.township)).status).toBe(403);
    expect((await statsOf('admin', TREE.township)).status).toBe(200);
    expect((await statsOf('chair', TREE.village)).status).toBe(200);
    expectFieldErrors(await statsOf('staff', TREE.township, '2026-09-30', '2026-09-01'), 400, ErrorCode.DateRangeInvalid, ['to']);
    expectFieldErrors(await statsOf('staff', TREE.township, '2025-01-01', '2026-06-30'), 400, ErrorCode.DateRangeInvalid, ['to']);
    expectFieldErrors(await statsOf('staff', TREE.township, '2026-02-30', '2026-03-01'), 400, ErrorCode.ValidationFailed, ['from']);
    expectApiError(await statsOf('staff', '211221109'), 404, ErrorCode.FederationNotFound);
    const open = await api<PublicBodyStats>(null, 'GET', pathOf(ApiPaths.federationPublicStats, { id: TREE.village }));
    expect(open.body).toMatchObject({ name: '懿路村妇联', requestsAnswered: 0, activitiesHeld: 0 });
  });

  it('invites a chair with a one-time code, revokes her, and writes each step to the audit log', async () => {
    const newcomer = await createPerson(app().dataSource, { key: 'newcomer', displayName: '刘新', home: TREE.siblingVillage });
    const invited = await api<RoleInvitationView>('admin', 'POST', pathOf(ApiPaths.federationRoleInvitations, { id: TREE.siblingVillage }), { role: RoleKind.Chair, inviteeName: '刘新' });
    expect(invited.body).toMatchObject({ role: 'chair', federationName: '东孤家子村妇联', inviteeName: '刘新', code: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    expectApiError(await api('otherAdmin', 'POST', pathOf(ApiPaths.federationRoleInvitations, { id: TREE.siblingVillage }), { role: RoleKind.Chair, inviteeName: 'x' }), 403, ErrorCode.Forbidden);
    expectFieldErrors(
      await api('admin', 'POST', pathOf(ApiPaths.federationRoleInvitations, { id: TREE.siblingVillage }), { role: RoleKind.Staff, inviteeName: '错级' }),
      400,
      ErrorCode.RoleLevelMismatch,
      ['role'],
    );

    const newcomerToken = (await signInAs(app().baseUrl, 'newcomer')) as AuthTokens;
    token.newcomer = newcomerToken.accessToken;
    expect((await api('newcomer', 'POST', pathOf(ApiPaths.roleInvitationAccept, { code: invited.body.code.toLowerCase() }))).status).toBe(204);
    expectApiError(await api('woman', 'POST', pathOf(ApiPaths.roleInvitationAccept, { code: invited.body.code })), 404, ErrorCode.RoleInvitationInvalid);
    const me = await api<MeResponse>('newcomer', 'GET', ApiPaths.me);
    expect(me.body.roles).toEqual([expect.objectContaining({ role: 'chair', federationId: TREE.siblingVillage })]);

    expect((await api('admin', 'POST', pathOf(ApiPaths.federationRoleRevocations, { id: TREE.siblingVillage }), { userId: newcomer.id, role: RoleKind.Chair })).status).toBe(204);
    expect((await api<MeResponse>('newcomer', 'GET', ApiPaths.me)).body.roles).toEqual([]);
    expectApiError(await api('admin', 'POST', pathOf(ApiPaths.federationRoleRevocations, { id: TREE.siblingVillage }), { userId: newcomer.id, role: RoleKind.Chair }), 404, ErrorCode.RoleNotHeld);

    // A body switched off leaves "nearest" on every instance at once.
    await app().dataSource.getRepository(FederationEntity).update({ id: TREE.siblingVillage }, { latitude: 42.2, longitude: 123.5 });
    await app().app.get(PlacesIndex).rebuild();
    const nearestBodies = async () =>
      (await api<NearestResponse>(null, "GET", `${ApiPaths.nearest}?latitude=42.2&longitude=123.5`)).body.items.map((p) => p.id);
    expect(await nearestBodies()).toContain(TREE.siblingVillage);
    expect((await api('admin', 'PUT', pathOf(ApiPaths.federationActive, { id: TREE.siblingVillage }), { active: false })).status).toBe(204);
    await app().app.get(PlacesIndex).settled();
    expect(await nearestBodies()).not.toContain(TREE.siblingVillage);
    expectFieldErrors(await api('admin', 'PUT', pathOf(ApiPaths.federationActive, { id: TREE.county }), { active: false }), 400, ErrorCode.ValidationFailed, ['id']);
    const actions = (await app().dataSource.getRepository(AuditLogEntity).find()).map((a) => a.action).sort();
    expect(actions).toEqual(['body.set_active', 'role.grant', 'role.invite', 'role.revoke']);
  });

  it('previews routing exactly as routing then does, and refuses rules outside the county or sending requests back and forth', async () => {
    const rules = pathOf(ApiPaths.countyRoutingRules, { id: TREE.county });
    const preview = (categoryKey: ServiceCategoryKey) =>
      api<RoutingPreview>('admin', 'POST', pathOf(ApiPaths.countyRoutingPreview, { id: TREE.county }), { categoryKey, homeFederationId: TREE.village });
    const before = await preview(ServiceCategoryKey.LegalAid);
    const rule = await api<RoutingRuleView>('admin', 'POST', rules, {
      regionPrefix: TREE.township, categoryKey: ServiceCategoryKey.LegalAid, targetFederationId: TREE.county, label: '铁岭县妇联维权站',
    });
    expect(rule.body).toMatchObject({ targetName: '铁岭县妇联', label: '铁岭县妇联维权站' });
    const after = await preview(ServiceCategoryKey.LegalAid);
    expect(after.body).toMatchObject({ ok: true, federationId: TREE.county });
    expect(after.body.reason).toContain('铁岭县妇联维权站');
    expect(after.body.reason).not.toBe(before.body.reason);

    // The request then goes where the preview said, with the same reason.
    await createPerson(app().dataSource, { key: 'countyAdmin2', role: { role: RoleKind.Admin, federationId: TREE.county } });
    const asked = await api<RequestDetail>('woman', 'POST', ApiPaths.requests, {
      categoryKey: ServiceCategoryKey.LegalAid, description: '想咨询离婚财产怎么分', answers: { topic: '婚姻财产' }, contact: { method: 'wechat' }, federationId: TREE.village,
    });
    expect(asked.status).toBe(201);
    const [row] = await app().dataSource.getRepository(ServiceRequestEntity).findBy({ id: asked.body.id });
    expect({ body: row!.federationId, reason: row!.routingReason }).toEqual({ body: after.body.federationId, reason: after.body.reason });

    expectApiError(await api('admin', 'POST', rules, { regionPrefix: TREE.otherCounty, categoryKey: ServiceCategoryKey.LegalAid, targetFederationId: TREE.county }), 422, ErrorCode.RoutingRuleOutsideCounty);
    expectApiError(await api('admin', 'POST', rules, { regionPrefix: TREE.village, categoryKey: ServiceCategoryKey.LegalAid, targetFederationId: TREE.otherCounty }), 422, ErrorCode.RoutingRuleOutsideCounty);
    // 懿路村 → 阿吉镇 while 阿吉镇 → 新台子镇 (which holds 懿路村): a loop.
    await api('admin', 'POST', rules, { regionPrefix: TREE.otherTownship, categoryKey: ServiceCategoryKey.Employment, targetFederationId: TREE.township });
    expectApiError(await api('admin', 'POST', rules, { regionPrefix: TREE.township, categoryKey: ServiceCategoryKey.Employment, targetFederationId: TREE.otherTownship }), 422, ErrorCode.RoutingRuleCycle);
    expect((await api<RoutingRuleView[]>('admin', 'GET', rules)).body).toHaveLength(2);
    expect((await api('staff', 'GET', rules)).status).toBe(403);
    expect((await api('admin', 'DELETE', pathOf(ApiPaths.countyRoutingRule, { id: TREE.county, ruleId: rule.body.id }))).status).toBe(204);
    expect((await preview(ServiceCategoryKey.LegalAid)).body.reason).toBe(before.body.reason);
  });

  it('takes 投诉建议 to the county admins, who answer her; other counties see nothing of it', async () => {
    const sent = await api<FeedbackView>('woman', 'POST', ApiPaths.feedback, { kind: 'complaint', federationId: TREE.village, text: '打了三次电话都没人接' });
    expect(sent.body).toMatchObject({ status: 'open', federationName: '懿路村妇联' });
    expect((await api<FeedbackView[]>('admin', 'GET', pathOf(ApiPaths.countyFeedback, { id: TREE.county }))).body.map((f) => f.text)).toEqual(['打了三次电话都没人接']);
    expect((await api('otherAdmin', 'GET', pathOf(ApiPaths.countyFeedback, { id: TREE.county }))).status).toBe(403);
    expectApiError(await api('otherAdmin', 'POST', pathOf(ApiPaths.feedbackReply, { id: sent.body.id }), { reply: '收到' }), 404, ErrorCode.FeedbackNotFound);
    const answered = await api<FeedbackView>('admin', 'POST', pathOf(ApiPaths.feedbackReply, { id: sent.body.id }), { reply: '已经提醒村里，今后专人接听' });
    expect(answered.body).toMatchObject({ status: 'answered', reply: '已经提醒村里，今后专人接听' });
    expect((await api<FeedbackView[]>('woman', 'GET', ApiPaths.myFeedback)).body[0]!.reply).toBe('已经提醒村里，今后专人接听');
    expectFieldErrors(await api('woman', 'POST', ApiPaths.feedback, { kind: 'praise', federationId: TREE.village, text: '' }), 400, ErrorCode.ValidationFailed, ['kind', 'text']);
  });
});
