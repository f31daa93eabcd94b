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
  type RequestDetail,
  type RequestSummary,
  type SubtreeStats,
} from '@wfh/shared';
import { EscalationSweeper } from '../../src/modules/requests/escalation.sweeper';
import { TREE } from '../factories/bodies';
import { expectApiError } from '../support/api-expect';
import { call } from '../support/test-app';
import { useTreeApp } from '../support/tree-app';

/**
 * Deadlines running out, on a clock the test moves by hand: village → township → county, the stop at
 * the county, the resolution deadline, and the auto-close of a resolved request she never rates.
 * Office hours are the default 08:30–12:00 and 13:30–17:30; December 2026 has no public holidays.
 */

/** A wall-clock moment in Asia/Shanghai ("2026-12-02 10:00") as an instant. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

/** Tuesday 1 December 2026, 09:00. */
const START = shanghai('2026-12-01 09:00');

const mediation = {
  categoryKey: ServiceCategoryKey.MarriageMediation, // 8 working hours to a first answer, 80 to resolve
  description: '婆婆总是和我吵架，想请妇联帮忙说和',
  answers: { with_whom: '公婆' },
  contact: { method: 'phone', phone: '13800000001', safeTimes: '工作日上午' },
  federationId: TREE.village,
};

describe('escalation and auto-close, on a fixed clock', () => {
  const { clock, token, app } = useTreeApp(START, [
    ['woman', { key: 'woman', home: TREE.village }],
    ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
  ]);

  const sweep = () => app().app.get(EscalationSweeper).runOnce();
  const submit = async () => (await call<RequestDetail>(app().baseUrl, 'POST', ApiPaths.requests, { token: token.woman, body: mediation })).body;
  const act = (who: string, id: string, action: RequestAction, body: unknown = {}) =>
    call<RequestDetail>(app().baseUrl, 'POST', pathOf(requestActionPath(action), { id }), { token: token[who], body });
  const read = async (who: string, id: string) => (await call<RequestDetail>(app().baseUrl, 'GET', pathOf(ApiPaths.request, { id }), { token: token[who] })).body;
  const inbox = async (who: string, federationId: string) =>
    (await call<RequestSummary[]>(app().baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: federationId }), { token: token[who] })).body;
  /** Every message queued so far, as "topic → person", in the order written. */
  const outbox = async (): Promise<string[]> => {
    const rows: Array<{ topic: string; who: string }> = await app().dataSource.query(
      'SELECT o.topic, u.demo_key AS who FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id ORDER BY o.created_at, o.topic, u.demo_key',
    );
    return rows.map((row) => `${row.topic} → ${row.who}`);
  };
  const nextDueAt = async (id: string): Promise<string | null> => {
    const [row] = await app().dataSource.query('SELECT next_due_at AS due FROM service_request WHERE id = ?', [id]);
    return row.due === null ? null : new Date(row.due).toISOString();
  };

  it('climbs village → township → county, each body told and given its own 8 working hours, and stops at the county', async () => {
    const request = await submit();
    expect(request.firstResponseDueAt).toBe(shanghai('2026-12-02 09:30').toISOString());

    // Wednesday 10:00: the village let its 8 hours pass.
    clock.at = shanghai('2026-12-02 10:00');
    expect(await sweep()).toEqual({ escalated: 1, closed: 0 });
    const atTownship = await read('woman', request.id);
    expect(atTownship).toMatchObject({
      state: RequestState.Escalated,
      federationId: TREE.township,
      federationName: '新台子镇妇联',
      // From the escalation, Wednesday 10:00: 6 hours that day, 2 on Thursday.
      firstResponseDueAt: shanghai('2026-12-03 10:30').toISOString(),
      overdue: false,
    });
    expect(atTownship.timeline.at(-1)).toMatchObject({
      action: 'escalate',
      actor: 'system',
      toFederationName: '新台子镇妇联',
      toState: RequestState.Escalated,
      note: '超过首次答复时限，转至新台子镇妇联',
    });
    expect((await inbox('staff', TREE.township)).map((r) => [r.id, r.overdue])).toEqual([[request.id, false]]);
    // The village no longer holds it: it may read it still, but not act on it.
    expect(await inbox('chair', TREE.village)).toEqual([]);
    expectApiError(await act('chair', request.id, RequestAction.Accept), 403, ErrorCode.Forbidden);

    // Thursday 10:29 the township still has a minute; at 11:00 it has not answered either.
    clock.at = shanghai('2026-12-03 10:29');
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    clock.at = shanghai('2026-12-03 11:00');
    expect(await sweep()).toEqual({ escalated: 1, closed: 0 });
    const atCounty = await read('woman', request.id);
    expect(atCounty).toMatchObject({
      state: RequestState.Escalated,
      federationId: TREE.county,
      federationName: '铁岭县妇联',
      firstResponseDueAt: shanghai('2026-12-04 11:30').toISOString(),
      resolutionDueAt: shanghai('2026-12-17 17:30').toISOString(),
    });
    expect(atCounty.timeline.map((e) => [e.action, e.note])).toEqual([
      ['submit', null],
      ['escalate', '超过首次答复时限，转至新台子镇妇联'],
      ['escalate', '超过首次答复时限，转至铁岭县妇联'],
    ]);
    expect(await inbox('staff', TREE.township)).toEqual([]);
    // Each body above was asked to act, and she was told each time, in her own words.
    expect(await outbox()).toEqual([
      'request.new → chair',
      'request.escalated → staff',
      'request.moved_up → woman',
      'request.escalated → admin',
      'request.moved_up → woman',
    ]);

    // Friday 12:00: the county let its hours pass too. Nowhere higher to go: nothing moves, nobody
    // is told again, the clock stops …
    clock.at = shanghai('2026-12-04 12:00');
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    expect(await nextDueAt(request.id)).toBeNull();
    clock.at = shanghai('2026-12-07 12:00');
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    expect((await read('woman', request.id)).timeline).toHaveLength(3);
    expect(await outbox()).toHaveLength(5);

    // … and it stays at the top of the county's inbox, overdue, for the county to take up.
    const countyInbox = await inbox('admin', TREE.county);
    expect(countyInbox.map((r) => [r.id, r.state, r.overdue, r.federationName, r.homeFederationName])).toEqual([
      [request.id, RequestState.Escalated, true, '铁岭县妇联', '懿路村妇联'],
    ]);
    expect((await read('woman', request.id)).overdue).toBe(true);
    const accepted = await act('admin', request.id, RequestAction.Accept, { note: '县妇联已受理' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: RequestState.Accepted, federationId: TREE.county, resolutionDueAt: shanghai('2026-12-17 17:30').toISOString() });
    // Answered late and after two escalations: the village's record is not counted on time.
    const [kept] = await app().dataSource.query('SELECT first_response_on_time AS onTime, escalations FROM service_request WHERE id = ?', [request.id]);
    expect([Number(kept.onTime), Number(kept.escalations)]).toEqual([0, 2]);
  });

  /** Up to the county and past the county's own deadline: the request where the climb stops. */
  const stoppedAtCounty = async () => {
    const request = await submit();
    clock.at = shanghai('2026-12-02 10:00');
    await sweep();
    clock.at = shanghai('2026-12-03 11:00');
    await sweep();
    clock.at = shanghai('2026-12-04 12:00');
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    return request;
  };

  it("after the stop, the county's dashboard counts it overdue now, as its inbox does", async () => {
    const request = await stoppedAtCounty();
    expect((await inbox('admin', TREE.county)).map((r) => [r.id, r.overdue])).toEqual([[request.id, true]]);
    const stats = await call<SubtreeStats>(app().baseUrl, 'GET', `${pathOf(ApiPaths.federationStats, { id: TREE.county })}?from=2026-12-01&to=2026-12-04`, {
      token: token.admin,
    });
    expect(stats.status).toBe(200);
    expect(stats.body.total).toMatchObject({ received: 1, escalations: 2, overdueNow: 1 });
  });

  it('skips a township nobody staffs: the village’s request goes straight to the county', async () => {
    await app().dataSource.query("DELETE FROM role_assignment WHERE role = 'staff'");
    const request = await submit();
    clock.at = shanghai('2026-12-02 10:00');
    expect(await sweep()).toEqual({ escalated: 1, closed: 0 });
    const moved = await read('woman', request.id);
    expect(moved).toMatchObject({ state: RequestState.Escalated, federationId: TREE.county, federationName: '铁岭县妇联' });
    expect(moved.timeline.at(-1)).toMatchObject({ action: 'escalate', note: '超过首次答复时限，转至铁岭县妇联' });
    expect(await outbox()).toEqual(['request.new → chair', 'request.escalated → admin', 'request.moved_up → woman']);
  });

  it('a domestic-violence request handled by the county from the start never climbs: the clock stops and it stays overdue there', async () => {
    const dv = await call<RequestDetail>(app().baseUrl, 'POST', ApiPaths.requests, {
      token: token.woman,
      body: { ...mediation, categoryKey: ServiceCategoryKey.DomesticViolence, description: '他昨晚又打我了', answers: { safe_now: true }, sensitiveConsent: true },
    });
    expect(dv.body).toMatchObject({ federationId: TREE.county, firstResponseDueAt: shanghai('2026-12-01 11:00').toISOString() });
    clock.at = shanghai('2026-12-01 11:30');
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    expect(await nextDueAt(dv.body.id)).toBeNull();
    expect((await inbox('admin', TREE.county)).map((r) => [r.id, r.state, r.overdue])).toEqual([[dv.body.id, RequestState.Submitted, true]]);
    expect(await outbox()).toEqual(['request.new → admin']);
  });

  it('a request accepted in time but never resolved escalates when the resolution deadline passes', async () => {
    const request = await submit();
    clock.at = shanghai('2026-12-01 10:00');
    const accepted = await act('chair', request.id, RequestAction.Accept, { note: '已受理' });
    // 80 working hours from Tuesday 09:00: Tuesday 15 December, 15:30.
    expect(accepted.body).toMatchObject({ state: RequestState.Accepted, resolutionDueAt: shanghai('2026-12-15 15:30').toISOString(), overdue: false });

    // The first-answer deadline (Wednesday 09:30) no longer counts: she was answered.
    clock.at = shanghai('2026-12-02 10:00');
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    clock.at = shanghai('2026-12-15 15:29');
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    expect((await inbox('chair', TREE.village)).map((r) => r.overdue)).toEqual([false]);

    clock.at = shanghai('2026-12-15 16:00');
    expect((await inbox('chair', TREE.village)).map((r) => r.overdue)).toEqual([true]);
    expect(await sweep()).toEqual({ escalated: 1, closed: 0 });
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });

    const escalated = await read('woman', request.id);
    expect(escalated).toMatchObject({
      state: RequestState.Escalated,
      federationId: TREE.township,
      // The township answers first, in 8 working hours from the escalation; then it has 80 to resolve.
      firstResponseDueAt: shanghai('2026-12-16 16:30').toISOString(),
      resolutionDueAt: shanghai('2026-12-30 12:00').toISOString(),
      overdue: false,
    });
    expect(escalated.timeline.at(-1)).toMatchObject({
      action: 'escalate',
      actor: 'system',
      toFederationName: '新台子镇妇联',
      note: '超过办结时限，转至新台子镇妇联',
    });
    expect(await outbox()).toEqual(['request.new → chair', 'request.escalated → staff', 'request.moved_up → woman']);
    expect((await inbox('staff', TREE.township)).map((r) => r.id)).toEqual([request.id]);
    // Her first answer came in time and stays counted so; the resolution is the village's miss.
    const [kept] = await app().dataSource.query('SELECT first_response_on_time AS onTime FROM service_request WHERE id = ?', [request.id]);
    expect(Number(kept.onTime)).toBe(1);
  });

  it('a resolved request she never rates closes by itself after 7 days, and nobody is told', async () => {
    const request = await submit();
    clock.at = shanghai('2026-12-01 10:00');
    await act('chair', request.id, RequestAction.Accept);
    clock.at = shanghai('2026-12-01 11:00');
    expect((await act('chair', request.id, RequestAction.Resolve, { resolution: '双方已和好' })).body.state).toBe(RequestState.Resolved);
    // Seven calendar days, not working days: she has the weekend to rate it too.
    expect(await nextDueAt(request.id)).toBe(shanghai('2026-12-08 11:00').toISOString());

    clock.at = shanghai('2026-12-08 10:59');
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    expect((await read('woman', request.id)).state).toBe(RequestState.Resolved);

    clock.at = shanghai('2026-12-08 11:00');
    expect(await sweep()).toEqual({ escalated: 0, closed: 1 });
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    const closed = await read('woman', request.id);
    expect(closed).toMatchObject({ state: RequestState.Closed, rating: null, federationId: TREE.village, overdue: false });
    expect(closed.timeline.at(-1)).toMatchObject({ action: 'auto_close', actor: 'system', toState: RequestState.Closed, note: '居民未评价，系统自动结束' });
    expect(await nextDueAt(request.id)).toBeNull();
    // Once closed she can no longer rate it; nor is it anyone's work any more.
    expectApiError(await act('woman', request.id, RequestAction.Rate, { rating: Rating.Satisfied, helped: true }), 409, ErrorCode.TransitionNotAllowed);
    expect(await inbox('chair', TREE.village)).toEqual([]);
    expect(await outbox()).toEqual(['request.new → chair', 'request.resolved → woman']);
  });

  it('a request rated before the 7 days are up is never auto-closed', async () => {
    const request = await submit();
    await act('chair', request.id, RequestAction.Accept);
    await act('chair', request.id, RequestAction.Resolve, { resolution: '双方已和好' });
    clock.at = shanghai('2026-12-03 09:00');
    expect((await act('woman', request.id, RequestAction.Rate, { rating: Rating.Satisfied, helped: true })).body.state).toBe(RequestState.Closed);
    clock.at = shanghai('2026-12-20 09:00');
    expect(await sweep()).toEqual({ escalated: 0, closed: 0 });
    expect((await read('woman', request.id)).timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'resolve', 'rate']);
  });
});
