import {
  ApiPaths,
  ErrorCode,
  IDEMPOTENCY_HEADER,
  Rating,
  RequestAction,
  RequestState,
  RoleKind,
  ServiceCategoryKey,
  formatRatingCode,
  pathOf,
  requestActionPath,
  type InboxCounts,
  type OnBehalfCreated,
  type RatingCodeView,
  type ReferredOutSummary,
  type RequestDetail,
  type RequestSummary,
  type ServiceCategory,
} from '@wfh/shared';
import { sha256Hex } from '../../src/infra/crypto/field-cipher';
import { EscalationSweeper } from '../../src/modules/requests/escalation.sweeper';
import { RequestsRepository } from '../../src/modules/requests/requests.repository';
import { TREE } from '../factories/bodies';
import { expectApiError, expectFieldErrors } from '../support/api-expect';
import { call, type ApiReply } from '../support/test-app';
import { useTreeApp } from '../support/tree-app';

/** Tuesday 1 December 2026, 09:00 in Asia/Shanghai; tests move the clock forward. */
const START = new Date('2026-12-01T01:00:00Z');
const hours = (h: number) => new Date(START.getTime() + h * 3600 * 1000);

const mediation = (overrides: Record<string, unknown> = {}) => ({
  categoryKey: ServiceCategoryKey.MarriageMediation,
  description: '婆婆总是和我吵架，想请妇联帮忙说和',
  answers: { with_whom: '公婆' },
  contact: { method: 'phone', phone: '13800000001', safeTimes: '工作日上午' },
  federationId: TREE.village,
  ...overrides,
});

describe('service requests over HTTP', () => {
  const { clock, token, app } = useTreeApp(START, [
    ['woman', { key: 'woman', home: TREE.village }],
    ['neighbour', { key: 'neighbour', home: TREE.village }],
    ['homeless', { key: 'homeless', home: null }],
    ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['siblingChair', { key: 'siblingChair', role: { role: RoleKind.Chair, federationId: TREE.siblingVillage } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
    ['deputy', { key: 'deputy', role: { role: RoleKind.Deputy, federationId: TREE.village } }],
  ]);

  const submit = (who: string, body: unknown, key?: string) =>
    call<RequestDetail>(app().baseUrl, 'POST', ApiPaths.requests, { token: token[who], body, headers: key ? { [IDEMPOTENCY_HEADER]: key } : {} });
  const act = (who: string, id: string, action: RequestAction, body: unknown = {}) =>
    call<RequestDetail>(app().baseUrl, 'POST', pathOf(requestActionPath(action), { id }), { token: token[who], body });
  const read = (who: string, id: string) => call<RequestDetail>(app().baseUrl, 'GET', pathOf(ApiPaths.request, { id }), { token: token[who] });
  const refused = (reply: ApiReply, fields: string[], code = ErrorCode.ValidationFailed) => expectFieldErrors(reply, 400, code, fields);

  it('lists the catalogue the federation names, domestic violence marked sensitive', async () => {
    const reply = await call<ServiceCategory[]>(app().baseUrl, 'GET', ApiPaths.categories);
    expect(reply.body.map((c) => c.name)).toEqual([
      '法律帮助与维权', '家庭暴力求助', '婚姻家庭纠纷调解', '心理疏导', '家庭教育指导', '就业创业帮扶', '困难帮扶与救助', '两癌检查与救助', '其他',
    ]);
    expect(reply.body.find((c) => c.key === ServiceCategoryKey.DomesticViolence)).toMatchObject({ sensitive: true, handlingLevel: 'county' });
  });

  it('routes a request to her village with the reason and deadlines in working time, stores her words encrypted', async () => {
    const reply = await submit('woman', mediation());
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      state: RequestState.Submitted,
      federationId: TREE.village,
      federationName: '懿路村妇联',
      routingReason: '懿路村妇联：由本村（社区）妇联受理',
      description: '婆婆总是和我吵架，想请妇联帮忙说和',
      // 8 working hours from Tuesday 09:00 with a lunch break: Wednesday morning.
      firstResponseDueAt: '2026-12-02T01:30:00.000Z',
      overdue: false,
      answers: [{ key: 'with_whom', label: '和谁有矛盾', value: '公婆' }],
    });
    expect(reply.body.timeline).toEqual([expect.objectContaining({ action: 'submit', actor: 'woman', toState: RequestState.Submitted })]);
    const [row] = await app().dataSource.query('SELECT * FROM service_request WHERE id = ?', [reply.body.id]);
    expect(JSON.stringify(row)).not.toMatch(/婆婆|13800000001|公婆/);
    // Told: the village's chair and its deputy, in the same transaction.
    const outbox = await app().dataSource.query(
      'SELECT u.demo_key AS who, o.topic FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id ORDER BY u.demo_key',
    );
    expect(outbox).toEqual([
      { who: 'chair', topic: 'request.new' },
      { who: 'deputy', topic: 'request.new' },
    ]);
  });

  it('shows a request to her and the handling chair only: another village chair and another woman get 404', async () => {
    const { body } = await submit('woman', mediation());
    expect((await read('woman', body.id)).status).toBe(200);
    expect((await read('chair', body.id)).status).toBe(200);
    expect((await read('staff', body.id)).status).toBe(200);
    expectApiError(await read('siblingChair', body.id), 404, ErrorCode.RequestNotFound);
    expectApiError(await read('neighbour', body.id), 404, ErrorCode.RequestNotFound);
    expectApiError(await act('siblingChair', body.id, RequestAction.Accept), 404, ErrorCode.RequestNotFound);
    // The township sees its villages' ordinary requests but acts only once one reaches it.
    expectApiError(await act('staff', body.id, RequestAction.Accept), 403, ErrorCode.Forbidden);
    const mine = await call<RequestSummary[]>(app().baseUrl, 'GET', ApiPaths.myRequests, { token: token.neighbour });
    expect(mine.body).toEqual([]);
  });

  it('walks the whole life: accept, reply, resolve, not satisfied reopens once, the second rating counts', async () => {
    const { body } = await submit('woman', mediation());
    expectApiError(await act('chair', body.id, RequestAction.Resolve, { resolution: '已调解' }), 409, ErrorCode.TransitionNotAllowed);
    expect((await act('chair', body.id, RequestAction.Accept, { note: '已受理' })).body.state).toBe(RequestState.Accepted);
    expect((await act('chair', body.id, RequestAction.Reply, { message: '明天上午我去您家' })).body.state).toBe(RequestState.InProgress);
    expect((await act('chair', body.id, RequestAction.Resolve, { resolution: '双方已和好' })).body.state).toBe(RequestState.Resolved);
    expectApiError(await act('chair', body.id, RequestAction.Rate, { rating: Rating.Satisfied, helped: true }), 404, ErrorCode.RequestNotFound);
    const reopened = await act('woman', body.id, RequestAction.Rate, { rating: Rating.Unsatisfied, helped: false, comment: '又吵了' });
    expect(reopened.body.state).toBe(RequestState.Reopened);
    await act('chair', body.id, RequestAction.Accept);
    await act('chair', body.id, RequestAction.Resolve, { resolution: '再次调解' });
    const closed = await act('woman', body.id, RequestAction.Rate, { rating: Rating.Unsatisfied, helped: false });
    expect(closed.body.state).toBe(RequestState.Closed);
    expect(closed.body.rating).toEqual({ rating: Rating.Unsatisfied, helped: false, comment: null });
    expect(closed.body.timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'reply', 'resolve', 'rate', 'accept', 'resolve', 'rate']);
    expect(closed.body.timeline[2]).toMatchObject({ actor: 'handler', federationName: '懿路村妇联', note: '明天上午我去您家' });
  });

  describe('long conversations', () => {
    it('the chair replies again and again: every reply is kept, in order, and she sees each one', async () => {
      const { body } = await submit('woman', mediation());
      expect((await act('chair', body.id, RequestAction.Accept, { note: '已受理' })).status).toBe(200);
      const messages = Array.from({ length: 6 }, (_, i) => `第${i + 1}次答复：我们再了解一下情况`);
      for (const message of messages) {
        const reply = await act('chair', body.id, RequestAction.Reply, { message });
        expect(reply.status).toBe(200);
        expect(reply.body.state).toBe(RequestState.InProgress);
      }
      const seen = (await read('woman', body.id)).body;
      expect(seen.timeline.map((e) => e.action)).toEqual(['submit', 'accept', ...messages.map(() => 'reply')]);
      expect(seen.timeline.filter((e) => e.action === 'reply').map((e) => e.note)).toEqual(messages);
      // She is told of each reply.
      const [{ n }] = await app().dataSource.query("SELECT COUNT(*) AS n FROM outbox WHERE topic = 'request.replied'");
      expect(Number(n)).toBe(messages.length);
    });

    it('a referral goes back and forth between the village and the township, and each hand-over is kept', async () => {
      const { body } = await submit('woman', mediation());
      for (let round = 1; round <= 3; round++) {
        const referred = await act('chair', body.id, RequestAction.Refer, { toFederationId: TREE.township, reason: `第${round}次转介` });
        expect(referred.status).toBe(200);
        expect(referred.body).toMatchObject({ state: RequestState.Referred, federationId: TREE.township });
        const returned = await act('staff', body.id, RequestAction.ReturnReferral, { reason: `第${round}次退回` });
        expect(returned.status).toBe(200);
        expect(returned.body).toMatchObject({ state: RequestState.Accepted, federationId: TREE.village });
        expect((await act('chair', body.id, RequestAction.Reply, { message: `第${round}轮答复` })).status).toBe(200);
      }
      expect((await act('chair', body.id, RequestAction.Resolve, { resolution: '已调解' })).body.state).toBe(RequestState.Resolved);
      const { timeline } = (await read('woman', body.id)).body;
      expect(timeline.map((e) => e.action)).toEqual(['submit', ...[1, 2, 3].flatMap(() => ['refer', 'return_referral', 'reply']), 'resolve']);
      const seqs = await app().dataSource.query('SELECT seq FROM request_event WHERE request_id = ? ORDER BY seq', [body.id]);
      expect(seqs.map((row: { seq: number }) => Number(row.seq))).toEqual(timeline.map((_, i) => i + 1));
    });

    it('the chair and her deputy reply at the same moment: both are kept, numbered one after the other', async () => {
      const { body } = await submit('woman', mediation());
      await act('chair', body.id, RequestAction.Accept);
      const replies = await Promise.all(
        Array.from({ length: 8 }, (_, i) => act(i % 2 ? 'deputy' : 'chair', body.id, RequestAction.Reply, { message: `同时答复${i}` })),
      );
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
      const rows = await app().dataSource.query('SELECT seq, action FROM request_event WHERE request_id = ? ORDER BY seq', [body.id]);
      expect(rows.map((row: { seq: number }) => Number(row.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(rows.filter((row: { action: string }) => row.action === 'reply')).toHaveLength(8);
    });
  });

  it('she can withdraw an open request; a withdrawn one cannot be accepted', async () => {
    const { body } = await submit('woman', mediation());
    expect((await act('woman', body.id, RequestAction.Withdraw, { reason: '已经解决了' })).body.state).toBe(RequestState.Withdrawn);
    expectApiError(await act('chair', body.id, RequestAction.Accept), 409, ErrorCode.TransitionNotAllowed);
  });

  it('a referral moves it to another body, which may return it; the sender keeps seeing it', async () => {
    const { body } = await submit('woman', mediation());
    const referred = await act('chair', body.id, RequestAction.Refer, { toFederationId: TREE.township, reason: '涉及宅基地，请镇里协调' });
    expect(referred.body).toMatchObject({ state: RequestState.Referred, federationId: TREE.township, homeFederationName: '懿路村妇联' });
    expect(referred.body.timeline.at(-1)).toMatchObject({ action: 'refer', federationName: '懿路村妇联', toFederationName: '新台子镇妇联' });
    expect((await read('chair', body.id)).status).toBe(200);
    const returned = await act('staff', body.id, RequestAction.ReturnReferral, { reason: '请村里先调解' });
    expect(returned.body).toMatchObject({ state: RequestState.Accepted, federationId: TREE.village });
  });

  it('a retry with the same Idempotency-Key returns the first request; other content under it is refused', async () => {
    const first = await submit('woman', mediation(), 'key-1');
    const again = await submit('woman', mediation(), 'key-1');
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await app().dataSource.query('SELECT COUNT(*) AS n FROM service_request');
    expect(Number(n)).toBe(1);
    expectApiError(await submit('woman', mediation({ description: '另一件事' }), 'key-1'), 422, ErrorCode.IdempotencyKeyReused);
  });

  it('refuses bad requests with the field named, and stores nothing', async () => {
    refused(await submit('homeless', mediation()), ['federationId'], ErrorCode.HomeNotConfirmed);
    refused(await submit('woman', mediation({ federationId: TREE.siblingVillage })), ['federationId'], ErrorCode.HomeNotConfirmed);
    refused(await submit('woman', mediation({ answers: {} })), ['answers.with_whom']);
    refused(await submit('woman', mediation({ answers: { with_whom: '邻居', extra: 1 } })), ['answers.with_whom', 'answers.extra']);
    refused(await submit('woman', mediation({ categoryKey: 'astrology' })), ['categoryKey']);
    refused(await submit('woman', mediation({ description: '字'.repeat(2001) })), ['description']);
    refused(await submit('woman', mediation({ contact: { method: 'phone' } })), ['contact.phone']);
    const [{ n }] = await app().dataSource.query('SELECT COUNT(*) AS n FROM service_request');
    expect(Number(n)).toBe(0);
  });

  describe('domestic violence', () => {
    const dv = (overrides: Record<string, unknown> = {}) =>
      mediation({ categoryKey: ServiceCategoryKey.DomesticViolence, description: '他昨晚又打我了', answers: { safe_now: false }, sensitiveConsent: true, ...overrides });

    it('needs her separate consent, goes to the county, and every staff read is audited', async () => {
      refused(await submit('woman', dv({ sensitiveConsent: false })), ['sensitiveConsent'], ErrorCode.ConsentRequired);
      const { body } = await submit('woman', dv());
      expect(body).toMatchObject({ federationId: TREE.county, sensitive: true, urgent: false, routingReason: '铁岭县妇联：家庭暴力求助按县级受理' });
      // The township and the village never see it unless it reaches them.
      expectApiError(await read('staff', body.id), 404, ErrorCode.RequestNotFound);
      expectApiError(await read('chair', body.id), 404, ErrorCode.RequestNotFound);
      const seen = (await read('admin', body.id)).body;
      expect(seen.description).toBe('他昨晚又打我了');
      expect(seen.answers).toEqual([{ key: 'safe_now', label: '您现在安全吗', value: '否' }]);
      const audits = await app().dataSource.query('SELECT action, subject_id AS subjectId FROM audit_log');
      expect(audits).toEqual([{ action: 'request.read_sensitive', subjectId: body.id }]);
      // In danger now: the flag reaches the handlers' lists.
      expect((await submit('neighbour', dv({ urgent: true }))).body.urgent).toBe(true);
    });
  });

  describe('escalation', () => {
    it('a request nobody answers in time goes to the township exactly once, which is told', async () => {
      const { body } = await submit('woman', mediation());
      clock.at = hours(23); // Wednesday 08:00: not due until 09:30
      const sweeper = app().app.get(EscalationSweeper);
      expect(await sweeper.runOnce()).toEqual({ escalated: 0, closed: 0 });
      clock.at = hours(25); // Wednesday 10:00: overdue
      expect(await sweeper.runOnce()).toEqual({ escalated: 1, closed: 0 });
      expect(await sweeper.runOnce()).toEqual({ escalated: 0, closed: 0 });
      const escalated = await read('woman', body.id);
      expect(escalated.body).toMatchObject({ state: RequestState.Escalated, federationId: TREE.township, federationName: '新台子镇妇联' });
      expect(escalated.body.timeline.at(-1)).toMatchObject({
        action: 'escalate',
        actor: 'system',
        toFederationName: '新台子镇妇联',
        note: '超过首次答复时限，转至新台子镇妇联',
      });
      const inbox = await call<RequestSummary[]>(app().baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: TREE.township }), { token: token.staff });
      expect(inbox.body.map((r) => r.id)).toEqual([body.id]);
      expect((await act('staff', body.id, RequestAction.Accept)).body.state).toBe(RequestState.Accepted);
      // The township's staff are asked to act; she is told, in her own words, that it moved up.
      const topics = await app().dataSource.query("SELECT topic FROM outbox WHERE topic IN ('request.escalated', 'request.moved_up') ORDER BY topic");
      expect(topics.map((t: { topic: string }) => t.topic)).toEqual(['request.escalated', 'request.moved_up']);
    });

    it('the inbox puts overdue requests first, shows it to the bodies above and refuses everyone else', async () => {
      const older = await submit('woman', mediation());
      clock.at = hours(2);
      const newer = await submit('neighbour', mediation());
      clock.at = hours(25);
      const inbox = await call<RequestSummary[]>(app().baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: TREE.village }), { token: token.chair });
      expect(inbox.body.map((r) => [r.id, r.overdue])).toEqual([
        [older.body.id, true],
        [newer.body.id, false],
      ]);
      expectApiError(await call(app().baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: TREE.village }), { token: token.siblingChair }), 403, ErrorCode.Forbidden);
      expectApiError(await call(app().baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: TREE.village }), { token: token.woman }), 403, ErrorCode.Forbidden);
      // The township and the county watch the village's list from their dashboards; acting stays the village's.
      for (const watcher of ['staff', 'admin']) {
        const watched = await call<RequestSummary[]>(app().baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: TREE.village }), { token: token[watcher] });
        expect(watched.body.map((r) => r.id)).toEqual([older.body.id, newer.body.id]);
        expectApiError(await act(watcher, older.body.id, RequestAction.Accept), 403, ErrorCode.Forbidden);
      }
    });
  });

  describe('a chair away', () => {
    const cover = (who: string, body: unknown, method = 'PUT') =>
      call(app().baseUrl, method, pathOf(ApiPaths.federationCover, { id: TREE.village }), { token: token[who], body });
    const away = { awayFrom: hours(-1).toISOString(), awayUntil: hours(24 * 7).toISOString() };
    const userId = async (key: string) => (await app().dataSource.query('SELECT id FROM app_user WHERE demo_key = ?', [key]))[0].id as string;

    it('with a deputy standing in: requests still go to the village, and the deputy is told, not the chair', async () => {
      const set = await cover('chair', { ...away, deputyUserId: await userId('deputy') });
      expect(set.status).toBe(200);
      expect(set.body).toEqual([expect.objectContaining({ chairName: 'chair', deputyName: 'deputy', current: true })]);
      const { body } = await submit('woman', mediation());
      expect(body.federationId).toBe(TREE.village);
      const recipients = await app().dataSource.query("SELECT recipient_user_id AS r FROM outbox WHERE topic = 'request.new'");
      expect(recipients).toEqual([{ r: await userId('deputy') }]);
      expect((await call(app().baseUrl, 'GET', pathOf(ApiPaths.federationCover, { id: TREE.village }), { token: token.deputy })).body).toHaveLength(1);
    });

    it('with nobody standing in: requests go to the township, and the reason says why', async () => {
      await app().dataSource.query("DELETE FROM role_assignment WHERE role = 'deputy'");
      expect((await cover('chair', { ...away, deputyUserId: null })).status).toBe(200);
      const { body } = await submit('woman', mediation());
      expect(body).toMatchObject({ federationId: TREE.township, routingReason: expect.stringContaining('本村（社区）暂无在岗主席，转至新台子镇妇联') });
      expect((await cover('chair', {}, 'DELETE')).body).toEqual([]);
      expect((await submit('neighbour', mediation())).body.federationId).toBe(TREE.village);
    });

    it('only the chair sets it, only with a deputy of her body, and coming back must follow leaving', async () => {
      expectApiError(await cover('siblingChair', { ...away, deputyUserId: null }), 403, ErrorCode.Forbidden);
      expectApiError(await cover('woman', { ...away, deputyUserId: null }), 403, ErrorCode.Forbidden);
      refused(await cover('chair', { ...away, deputyUserId: await userId('staff') }), ['deputyUserId'], ErrorCode.DeputyNotFound);
      refused(await cover('chair', { awayFrom: away.awayUntil, awayUntil: away.awayFrom, deputyUserId: null }), ['awayUntil']);
    });
  });

  describe('recorded on her behalf', () => {
    const record = (who: string, body: Record<string, unknown>, key?: string) =>
      call<OnBehalfCreated>(app().baseUrl, 'POST', pathOf(ApiPaths.federationRequests, { id: TREE.village }), {
        token: token[who],
        body,
        headers: key ? { [IDEMPOTENCY_HEADER]: key } : {},
      });
    const count = async (sql: string, params: unknown[] = []) => Number((await app().dataSource.query(sql, params))[0].n);
    const requestRows = () => count('SELECT COUNT(*) AS n FROM service_request');
    const recordedWomen = () => count('SELECT COUNT(*) AS n FROM app_user WHERE demo_key IS NULL AND openid IS NULL');
    const byPhone = (overrides: Record<string, unknown> = {}) => {
      const { federationId: _, ...rest } = mediation();
      return { ...rest, womanName: '赵大姐', womanPhone: '13800000009', source: 'phone', consentRecorded: true, ...overrides };
    };
    const rateWithCode = (code: string, body: unknown) => call(app().baseUrl, 'POST', pathOf(ApiPaths.rateByCode, { code }), { body });

    it('the chair records it and gets a code; only the code rates it, never the handler', async () => {
      const recorded = await record('chair', byPhone());
      expect(recorded.status).toBe(201);
      // Sixteen digits to read out and type on a number keypad (the last a check digit).
      expect(recorded.body.ratingCode).toMatch(/^\d{16}$/);
      const { request } = recorded.body;
      expect(request).toMatchObject({ onBehalf: true, federationId: TREE.village, contact: { method: 'phone', phone: '13800000009' } });
      expect(request.timeline[0]).toMatchObject({ actor: 'handler', federationName: '懿路村妇联', note: '由妇联代为登记（电话来访）' });

      expectApiError(await rateWithCode(recorded.body.ratingCode, { rating: Rating.Satisfied, helped: true }), 409, ErrorCode.TransitionNotAllowed);
      await act('chair', request.id, RequestAction.Accept);
      await act('chair', request.id, RequestAction.Resolve, { resolution: '已调解' });
      expectApiError(await act('chair', request.id, RequestAction.Rate, { rating: Rating.Satisfied, helped: true }), 404, ErrorCode.RequestNotFound);
      expectApiError(await rateWithCode('ABCDEFGHJK', { rating: Rating.Satisfied, helped: true }), 404, ErrorCode.RatingCodeInvalid);
      // As she may type it: in groups, with dashes.
      expect((await rateWithCode(formatRatingCode(recorded.body.ratingCode).replace(/ /g, '-'), { rating: Rating.Partly, helped: true })).status).toBe(204);
      expect((await read('chair', request.id)).body).toMatchObject({ state: RequestState.Closed, rating: { rating: Rating.Partly, helped: true } });
    });

    const lookUp = (code: string) => call<RatingCodeView>(app().baseUrl, 'GET', pathOf(ApiPaths.rateByCode, { code }));

    it('her rating page reads where it stands with the code, and nothing she said; a code with one wrong digit is nobody’s', async () => {
      const { ratingCode: code, request } = (await record('chair', byPhone())).body;
      const waiting = await lookUp(code);
      expect(waiting.status).toBe(200);
      expect(waiting.body).toEqual({ federationName: '懿路村妇联', stage: 'waiting', rating: null, unsatisfiedReopens: true });
      expect(JSON.stringify(waiting.body)).not.toMatch(/赵大姐|13800000009|婆婆|婚姻/);
      const wrongDigit = code.slice(0, 15) + String((Number(code[15]) + 1) % 10);
      expectApiError(await lookUp(wrongDigit), 404, ErrorCode.RatingCodeInvalid);
      expectApiError(await rateWithCode(wrongDigit, { rating: Rating.Satisfied, helped: true }), 404, ErrorCode.RatingCodeInvalid);

      await act('chair', request.id, RequestAction.Accept);
      await act('chair', request.id, RequestAction.Resolve, { resolution: '已调解' });
      expect((await lookUp(code)).body).toMatchObject({ stage: 'ready', unsatisfiedReopens: true });
      // 不满意 in the first round: handled again, and the page says so.
      expect((await rateWithCode(code, { rating: Rating.Unsatisfied, helped: false })).status).toBe(204);
      expect((await lookUp(code)).body).toEqual({ federationName: '懿路村妇联', stage: 'waiting', rating: Rating.Unsatisfied, unsatisfiedReopens: false });
      await act('chair', request.id, RequestAction.Accept);
      await act('chair', request.id, RequestAction.Resolve, { resolution: '再次调解' });
      expect((await lookUp(code)).body).toMatchObject({ stage: 'ready', unsatisfiedReopens: false });
      expect((await rateWithCode(code, { rating: Rating.Satisfied, helped: true })).status).toBe(204);
      expect((await lookUp(code)).body).toMatchObject({ stage: 'rated', rating: Rating.Satisfied });
      expectApiError(await rateWithCode(code, { rating: Rating.Partly, helped: true }), 409, ErrorCode.TransitionNotAllowed);
    });

    it('a ten-letter code given out before keeps working, in any case', async () => {
      const { request } = (await record('chair', byPhone())).body;
      // What the service stored for a code of the old kind: the digest of its upper-case letters.
      await app().dataSource.query('UPDATE service_request SET rating_code_hash = ? WHERE id = ?', [sha256Hex('E2JD372WF4'), request.id]);
      await act('chair', request.id, RequestAction.Accept);
      await act('chair', request.id, RequestAction.Resolve, { resolution: '已调解' });
      expect((await lookUp('e2jd372wf4')).body).toMatchObject({ stage: 'ready' });
      expect((await rateWithCode('E2JD372WF4', { rating: Rating.Satisfied, helped: true })).status).toBe(204);
      expect((await read('chair', request.id)).body).toMatchObject({ state: RequestState.Closed, rating: { rating: Rating.Satisfied } });
    });

    it('her inbox card names her: the name the chair recorded, and never the code', async () => {
      const { request } = (await record('chair', byPhone())).body;
      const inbox = await call<RequestSummary[]>(app().baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: TREE.village }), { token: token.chair });
      expect(inbox.body.map((r) => [r.id, r.requester])).toEqual([[request.id, '赵大姐']]);
      expect((await read('chair', request.id)).body.requester).toBe('赵大姐');
    });

    it('a retry with the same Idempotency-Key gives back the same request and rating code: one request, one woman', async () => {
      const first = await record('chair', byPhone(), 'call-1');
      expect(first.status).toBe(201);
      const again = await record('chair', byPhone(), 'call-1');
      expect(again.status).toBe(201);
      expect(again.body.request.id).toBe(first.body.request.id);
      expect(again.body.ratingCode).toBe(first.body.ratingCode);
      expect(await requestRows()).toBe(1);
      expect(await recordedWomen()).toBe(1);
      // The code is kept for the replay, but never in the clear.
      const [row] = await app().dataSource.query('SELECT * FROM service_request');
      expect(JSON.stringify(row)).not.toContain(first.body.ratingCode);
    });

    it('other content under the same key is refused, and nothing more is stored', async () => {
      await record('chair', byPhone(), 'call-1');
      expectApiError(await record('chair', byPhone({ description: '另一件事' }), 'call-1'), 422, ErrorCode.IdempotencyKeyReused);
      expectApiError(await record('chair', byPhone({ womanName: '钱大姐' }), 'call-1'), 422, ErrorCode.IdempotencyKeyReused);
      expect(await requestRows()).toBe(1);
      expect(await recordedWomen()).toBe(1);
    });

    it('the key is the recording chair’s own: her deputy, or a woman asking herself, may use the same key', async () => {
      const byChair = await record('chair', byPhone(), 'same-key');
      const byDeputy = await record('deputy', byPhone(), 'same-key');
      expect(byDeputy.status).toBe(201);
      expect(byDeputy.body.request.id).not.toBe(byChair.body.request.id);
      expect(byDeputy.body.ratingCode).not.toBe(byChair.body.ratingCode);
      expect((await submit('woman', mediation(), 'same-key')).status).toBe(201);
      expect(await requestRows()).toBe(3);
      expect(await recordedWomen()).toBe(2);
      // And each one's retry still finds her own.
      expect((await record('deputy', byPhone(), 'same-key')).body.request.id).toBe(byDeputy.body.request.id);
    });

    it('two retries racing with one key: the loser gets the winner’s request and code, and leaves no woman behind', async () => {
      const winner = await record('chair', byPhone(), 'call-1');
      // The loser looked before the winner had committed, so it goes on to write, and meets the unique index.
      const lookup = jest.spyOn(app().app.get(RequestsRepository), 'findRecordedByIdempotencyKey').mockResolvedValueOnce(null);
      try {
        const loser = await record('chair', byPhone(), 'call-1');
        expect(loser.status).toBe(201);
        expect(loser.body).toMatchObject({ request: { id: winner.body.request.id }, ratingCode: winner.body.ratingCode });
        expect(lookup).toHaveBeenCalledTimes(2);
      } finally {
        lookup.mockRestore();
      }
      expect(await requestRows()).toBe(1);
      expect(await recordedWomen()).toBe(1);
      // Truly at once, too.
      const together = await Promise.all([1, 2, 3].map(() => record('chair', byPhone(), 'call-2')));
      expect(new Set(together.map((reply) => `${reply.status} ${reply.body.request.id} ${reply.body.ratingCode}`)).size).toBe(1);
      expect(await requestRows()).toBe(2);
      expect(await recordedWomen()).toBe(2);
    });

    it('limits tries of rating codes from one address, so codes cannot be guessed', async () => {
      const replies = [];
      for (let i = 0; i < 11; i++) replies.push(await rateWithCode(`WRONGCODE${i}`, { rating: Rating.Satisfied, helped: true }));
      expect(replies.slice(0, 10).map((r) => r.status)).toEqual(new Array(10).fill(404));
      // The one limiter's refusal (abuse-limits.spec.ts checks the minutes against Retry-After).
      expect({ status: replies[10].status, code: replies[10].body.code }).toEqual({ status: 429, code: ErrorCode.RateLimited });
      expect(Number(replies[10].headers.get('retry-after'))).toBeGreaterThan(0);
      expect(replies[10].body.message).toMatch(/^操作太频繁，请 \d+ 分钟后再试$/);
    });

    it('needs her consent and a role at the body', async () => {
      refused(await record('chair', byPhone({ consentRecorded: false })), ['consentRecorded'], ErrorCode.ConsentRequired);
      expectApiError(await record('siblingChair', byPhone()), 403, ErrorCode.Forbidden);
      expectApiError(await record('woman', byPhone()), 403, ErrorCode.Forbidden);
      const [{ n }] = await app().dataSource.query('SELECT COUNT(*) AS n FROM service_request');
      expect(Number(n)).toBe(0);
    });
  });

  describe("the chair's day", () => {
    const inbox = (who: string, body: string) => call<RequestSummary[]>(app().baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: body }), { token: token[who] });
    const counts = (who: string) => call<InboxCounts>(app().baseUrl, 'GET', ApiPaths.myInboxCounts, { token: token[who] });
    const referredOut = (who: string, body: string) =>
      call<ReferredOutSummary[]>(app().baseUrl, 'GET', pathOf(ApiPaths.referredOut, { id: body }), { token: token[who] });
    const dv = () =>
      mediation({ categoryKey: ServiceCategoryKey.DomesticViolence, description: '他昨晚又打我了', answers: { safe_now: false }, sensitiveConsent: true });

    it('her home page counts what waits for a first answer and what is overdue, in each inbox she answers', async () => {
      const first = await submit('woman', mediation());
      await submit('neighbour', mediation());
      expect((await counts('chair')).body).toEqual({
        bodies: [{ federationId: TREE.village, federationName: '懿路村妇联', open: 2, waiting: 2, overdue: 0 }],
        waiting: 2,
        overdue: 0,
      });
      await act('chair', first.body.id, RequestAction.Accept);
      clock.at = hours(25); // Wednesday 10:00: the other one's first answer is overdue
      expect((await counts('deputy')).body).toMatchObject({ bodies: [{ open: 2, waiting: 1, overdue: 1 }], waiting: 1, overdue: 1 });
      // The township's own inbox is empty: it watches the village's, it does not answer it.
      expect((await counts('staff')).body).toEqual({
        bodies: [{ federationId: TREE.township, federationName: '新台子镇妇联', open: 0, waiting: 0, overdue: 0 }],
        waiting: 0,
        overdue: 0,
      });
      expect((await counts('woman')).body).toEqual({ bodies: [], waiting: 0, overdue: 0 });
      expectApiError(await call(app().baseUrl, 'GET', ApiPaths.myInboxCounts), 401, ErrorCode.Unauthenticated);
    });

    it('each card names who asked; beside a sensitive request the list names nobody, the request itself does', async () => {
      await app().dataSource.query("UPDATE app_user SET display_name = '王秀英' WHERE demo_key = 'woman'");
      const ordinary = await submit('woman', mediation());
      const sensitive = await submit('woman', dv());
      expect((await inbox('chair', TREE.village)).body.map((r) => r.requester)).toEqual(['王秀英']);
      expect((await inbox('admin', TREE.county)).body.map((r) => [r.id, r.requester])).toEqual([[sensitive.body.id, null]]);
      expect((await read('admin', sensitive.body.id)).body.requester).toBe('王秀英');
      // Her own views need no name.
      expect((await read('woman', ordinary.body.id)).body.requester).toBeNull();
      const mine = await call<RequestSummary[]>(app().baseUrl, 'GET', ApiPaths.myRequests, { token: token.woman });
      expect(mine.body.map((r) => r.requester)).toEqual([null, null]);
    });

    it('a referral keeps its reason among colleagues and tells her only the words meant for her', async () => {
      const { body } = await submit('woman', mediation());
      const reason = '她婆婆住在镇上，镇里出面更好说话';
      const referred = await act('chair', body.id, RequestAction.Refer, { toFederationId: TREE.township, reason, messageToHer: '您的事已请镇妇联一起办理' });
      expect(referred.status).toBe(200);

      const hers = (await read('woman', body.id)).body;
      expect(hers.timeline.at(-1)).toMatchObject({ action: 'refer', note: '您的事已请镇妇联一起办理', staffNote: null });
      expect(hers.routingReason).toBe('由懿路村妇联转来办理');
      expect(JSON.stringify(hers)).not.toContain(reason);
      for (const colleague of ['chair', 'staff', 'admin']) {
        const seen = (await read(colleague, body.id)).body;
        expect(seen.timeline.at(-1)).toMatchObject({ note: '您的事已请镇妇联一起办理', staffNote: reason });
        // 「为什么由这里办理」 is the referral now, not the routing of the first day.
        expect(seen.routingReason).toBe(`懿路村妇联转介过来：${reason}`);
      }
      // Her export reads as she does.
      const exported = await call(app().baseUrl, 'GET', ApiPaths.myData, { token: token.woman });
      expect(JSON.stringify(exported.body)).not.toContain(reason);
      // She is told it moved (in words without the reason); the township is asked to take it on.
      const outbox = await app().dataSource.query(
        "SELECT u.demo_key AS who, o.topic FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id WHERE o.topic IN ('request.moved', 'request.referred') ORDER BY o.topic",
      );
      expect(outbox).toEqual([{ who: 'woman', topic: 'request.moved' }, { who: 'staff', topic: 'request.referred' }]);
      const [row] = await app().dataSource.query("SELECT note_enc AS noteEnc, staff_note_enc AS staffNoteEnc FROM request_event WHERE action = 'refer'");
      expect(JSON.stringify(row)).not.toMatch(/婆婆|镇妇联/);

      // Without words to her she reads only that it moved; a return's reason stays among colleagues too.
      const returned = await act('staff', body.id, RequestAction.ReturnReferral, { reason: '宅基地的事请村里先调解' });
      expect(returned.body.routingReason).toBe('新台子镇妇联退回转介：宅基地的事请村里先调解');
      const again = (await read('woman', body.id)).body;
      expect(again.timeline.at(-1)).toMatchObject({ action: 'return_referral', note: null, staffNote: null });
      expect(again.routingReason).toBe('由新台子镇妇联交回办理');
      await act('chair', body.id, RequestAction.Refer, { toFederationId: TREE.township, reason: '还是请镇里办' });
      expect((await read('woman', body.id)).body.timeline.at(-1)).toMatchObject({ action: 'refer', note: null, staffNote: null });
    });

    it('what she referred leaves her inbox for 「我转出的」, with where it stands, until it comes back', async () => {
      const { body } = await submit('woman', mediation());
      await app().dataSource.query("UPDATE app_user SET display_name = '王秀英' WHERE demo_key = 'woman'");
      clock.at = hours(1);
      await act('chair', body.id, RequestAction.Refer, { toFederationId: TREE.township, reason: '请镇里协调' });
      expect((await inbox('chair', TREE.village)).body).toEqual([]);
      const sent = await referredOut('chair', TREE.village);
      expect(sent.body).toEqual([
        expect.objectContaining({
          id: body.id,
          state: RequestState.Referred,
          federationName: '新台子镇妇联',
          requester: '王秀英',
          referredAt: hours(1).toISOString(),
        }),
      ]);
      // The township takes it on: her list follows its progress.
      await act('staff', body.id, RequestAction.Accept);
      await act('staff', body.id, RequestAction.Resolve, { resolution: '已协调' });
      expect((await referredOut('deputy', TREE.village)).body.map((r) => r.state)).toEqual([RequestState.Resolved]);
      expect((await referredOut('staff', TREE.township)).body).toEqual([]);
      // Only those who answer at the body see what it sent.
      expectApiError(await referredOut('siblingChair', TREE.village), 403, ErrorCode.Forbidden);
      expectApiError(await referredOut('staff', TREE.village), 403, ErrorCode.Forbidden);
      expectApiError(await referredOut('woman', TREE.village), 403, ErrorCode.Forbidden);
    });

    it('a returned referral is back in her inbox and off her 「我转出的」', async () => {
      const { body } = await submit('woman', mediation());
      await act('chair', body.id, RequestAction.Refer, { toFederationId: TREE.township, reason: '请镇里协调' });
      await act('staff', body.id, RequestAction.ReturnReferral, { reason: '请村里先调解' });
      expect((await referredOut('chair', TREE.village)).body).toEqual([]);
      expect((await inbox('chair', TREE.village)).body.map((r) => r.id)).toEqual([body.id]);
    });
  });

  describe("a county's own catalogue", () => {
    const setting = (who: string, county: string, key: string, body: unknown) =>
      call<ServiceCategory[]>(app().baseUrl, 'PATCH', pathOf(ApiPaths.countyCategory, { id: county, key }), { token: token[who], body });
    const legal = (overrides: Record<string, unknown> = {}) =>
      mediation({ categoryKey: ServiceCategoryKey.LegalAid, answers: { topic: '土地房产' }, ...overrides });

    it('her county admin moves legal help to the villages with a 4-hour first answer; requests follow, and it is audited', async () => {
      expect((await submit('woman', legal())).body.federationId).toBe(TREE.township);
      const changed = await setting('admin', TREE.county, ServiceCategoryKey.LegalAid, { handlingLevel: 'village', firstResponseHours: 4 });
      expect(changed.status).toBe(200);
      expect(changed.body.find((c) => c.key === ServiceCategoryKey.LegalAid)).toMatchObject({ handlingLevel: 'village', firstResponseHours: 4, resolutionHours: 80 });
      const routed = await submit('neighbour', legal());
      // 4 working hours from Tuesday 09:00, with the lunch break: 14:30.
      expect(routed.body).toMatchObject({ federationId: TREE.village, firstResponseDueAt: '2026-12-01T06:30:00.000Z' });
      const audits = await app().dataSource.query("SELECT subject_id AS subjectId, federation_id AS countyId FROM audit_log WHERE action = 'catalogue.update'");
      expect(audits).toEqual([{ subjectId: ServiceCategoryKey.LegalAid, countyId: TREE.county }]);
      // The national catalogue women read is unchanged.
      const national = await call<ServiceCategory[]>(app().baseUrl, 'GET', ApiPaths.categories);
      expect(national.body.find((c) => c.key === ServiceCategoryKey.LegalAid)?.handlingLevel).toBe('township');
    });

    it('only that county’s admins change it, with sensible values', async () => {
      expectApiError(await setting('chair', TREE.county, ServiceCategoryKey.LegalAid, { firstResponseHours: 4 }), 403, ErrorCode.Forbidden);
      expectApiError(await setting('staff', TREE.county, ServiceCategoryKey.LegalAid, { firstResponseHours: 4 }), 403, ErrorCode.Forbidden);
      expectApiError(await setting('admin', TREE.otherCounty, ServiceCategoryKey.LegalAid, { firstResponseHours: 4 }), 403, ErrorCode.Forbidden);
      refused(await setting('admin', TREE.township, ServiceCategoryKey.LegalAid, { firstResponseHours: 4 }), ['id']);
      refused(await setting('admin', TREE.county, ServiceCategoryKey.LegalAid, { handlingLevel: 'city', firstResponseHours: 0 }), ['handlingLevel', 'firstResponseHours']);
      refused(await setting('admin', TREE.county, ServiceCategoryKey.LegalAid, { firstResponseHours: 100, resolutionHours: 50 }), ['resolutionHours']);
      expect((await setting('admin', TREE.county, 'astrology', { firstResponseHours: 4 })).status).toBe(400);
      const [{ n }] = await app().dataSource.query('SELECT COUNT(*) AS n FROM category_setting');
      expect(Number(n)).toBe(0);
    });
  });
});
