import { randomUUID } from 'node:crypto';
import { ApiPaths, IDEMPOTENCY_HEADER, ServiceCategoryKey, SubscriptionKind, type AuthTokens, type RequestDetail } from '@wfh/shared';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { seedCatalogue } from '../../src/database/seed/catalogue';
import { SENDING_TIMEOUT_MS } from '../../src/modules/notifications/outbox.worker';
import { createTree } from '../factories/bodies';
import { createVillagesWithChairs, type Village } from '../factories/villages';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { assertBuildIsCurrent, startServerProcess, stopAllServerProcesses, waitUntil, warnings, type ServerProcess } from '../support/server-process';
import { ageClaimsOf, makeHeldMessagesDue } from '../support/outbox-due';
import { TEST_DATABASE_URL } from '../support/services';
import { grantRemindersInBulk } from '../support/subscriptions';
import { call, resetData, TEST_WECHAT } from '../support/test-app';

/**
 * Two built server processes on one MariaDB and Redis take request submissions from women on their
 * phones. Whichever of them is caught handing a message to WeChat is killed with SIGKILL, mid-load
 * and mid-send. Every submission that was answered 201 must be in the database with its event and
 * its message; phones that got no answer retry on the other process with the same Idempotency-Key and
 * must end with exactly one request; the survivor answers no 5xx; and after it has drained the
 * outbox, WeChat has received each message at most once, the one cut off mid-send included.
 */
const WOMEN = 240;
const PHONES = 6;
/** Once the kill has happened, this many more submissions through the survivor end the load. */
const AFTER_KILL = 30;
/** WeChat answers this late until the kill, so that the kill lands between a claim and its answer. */
const SLOW_WECHAT_MS = 1500;

interface Outcome {
  village: Village;
  via: string;
  firstStatus: number | 'no answer';
  retried: boolean;
  finalStatus: number | 'no answer';
  requestId: string | null;
}

describe('kill -9 of a server process under load', () => {
  let db: DataSource;
  let wechat: FakeWechat;
  let servers: ServerProcess[];
  let villages: Village[];

  beforeAll(async () => {
    assertBuildIsCurrent();
    db = createDataSource({ kind: 'mysql', url: TEST_DATABASE_URL });
    await db.initialize();
    await resetData(db);
    await seedCatalogue(db);
    await createTree(db);
    wechat = await startFakeWechat(TEST_WECHAT);
    // Villages and people are read from the database per request, so they can be written while the servers boot.
    [villages, ...servers] = await Promise.all([
      createVillagesWithChairs(db, WOMEN, 'k9'),
      startServerProcess('A', { wechatUrl: wechat.url }),
      startServerProcess('B', { wechatUrl: wechat.url }),
    ]);
    // Every chair allowed one new-request reminder on her workbench: each gets the one message due to her.
    await grantRemindersInBulk(db, wechat, villages.map((v) => ({ userId: v.chairUserId, openid: v.chairOpenid })), [SubscriptionKind.NewRequest]);
  });
  afterAll(async () => {
    await stopAllServerProcesses();
    await wechat?.close();
    await db?.destroy();
  });

  it('loses no accepted request and sends no message twice', async () => {
    wechat.replyDelayMs = SLOW_WECHAT_MS;
    let victim: ServerProcess | null = null;
    let acceptedAfterKill = 0;
    const alive = () => servers.filter((s) => s !== victim);
    const outcomes: Outcome[] = [];

    // A woman on her phone: signs in, files one request; if the process she reached gives no answer,
    // her phone tries again through the other one (as a load balancer would) with the same key.
    const file = async (village: Village, first: ServerProcess): Promise<Outcome> => {
      const key = randomUUID();
      const body = {
        categoryKey: ServiceCategoryKey.Hardship,
        description: `${village.id}家里困难，想请妇联帮一把`,
        answers: { difficulty: '生活困难' },
        contact: { method: 'visit' },
        federationId: village.id,
      };
      // Each phone has its own address, as behind the real proxy: per-address limits see many people.
      const phoneAddress = { 'x-forwarded-for': `10.9.${Math.floor(Number(village.id.slice(-3)) / 250)}.${Number(village.id.slice(-3)) % 250}` };
      const attempt = async (server: ServerProcess) => {
        try {
          const signedIn = await call<AuthTokens>(server.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: village.womanKey }, headers: phoneAddress });
          if (signedIn.status !== 200) return { status: signedIn.status, id: null };
          const reply = await call<RequestDetail>(server.baseUrl, 'POST', ApiPaths.requests, {
            token: signedIn.body.accessToken,
            body,
            headers: { ...phoneAddress, [IDEMPOTENCY_HEADER]: key },
          });
          return { status: reply.status, id: reply.status === 201 ? reply.body.id : null };
        } catch {
          return { status: 'no answer' as const, id: null };
        }
      };
      const firstTry = await attempt(first);
      let last = firstTry;
      if (firstTry.status === 'no answer') last = await attempt(alive().find((s) => s !== first) ?? alive()[0]!);
      if (victim !== null && last.status === 201) acceptedAfterKill++;
      return { village, via: first.name, firstStatus: firstTry.status, retried: last !== firstTry, finalStatus: last.status, requestId: last.id };
    };

    let next = 0;
    const phone = async (n: number) => {
      while (next < WOMEN && !(victim && acceptedAfterKill >= AFTER_KILL)) {
        // The last villages are kept for after the kill, however late it comes, so that the
        // survivor is seen taking load (a fast machine can file the rest before the kill).
        if (!victim && next >= WOMEN - AFTER_KILL - PHONES) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        const village = villages[next]!;
        // Half the phones keep reaching the victim after the kill, until a load balancer would notice.
        const server = servers[next++ % 2]!;
        outcomes.push(await file(village, server));
        // A person takes a moment between screens: the load spans the outbox's ticks (every 5 s).
        await new Promise((resolve) => setTimeout(resolve, 50 + 20 * n));
      }
    };

    // The killer: as soon as one process has handed a message to WeChat and waits for the answer.
    const killer = (async () => {
      const claim = await waitUntil('a process waiting for WeChat to answer a send', 25_000, async () => {
        await makeHeldMessagesDue(db);
        const claimed: Array<{ claimedBy: string; openid: string }> = await db.query(
          "SELECT o.claimed_by AS claimedBy, u.openid FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id WHERE o.status = 'sending'",
        );
        const atWechat = new Set(wechat.sent.map((m) => m.touser));
        return outcomes.length >= 20 ? claimed.find((c) => atWechat.has(c.openid))?.claimedBy : null;
      }, 20);
      victim = servers.find((s) => claim.endsWith(`#${s.pid}`)) ?? null;
      if (!victim) throw new Error(`claim by ${claim} matches neither server (${servers.map((s) => s.pid)})`);
      await victim.kill();
      wechat.replyDelayMs = 0;
      const cutOff: Array<{ id: string }> = await db.query("SELECT id FROM outbox WHERE status = 'sending' AND claimed_by = ?", [claim]);
      return { claim, cutOff: cutOff.map((r) => r.id), acceptedBeforeKill: outcomes.filter((o) => o.finalStatus === 201).length };
    })();
    const [kill] = await Promise.all([killer, ...Array.from({ length: PHONES }, (_, n) => phone(n))]);
    const survivor = alive()[0]!;
    expect(await victim!.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // Every phone ended with a 201: directly, or through the survivor after no answer from the victim.
    expect(outcomes.filter((o) => o.finalStatus !== 201).map((o) => `${o.village.id} via ${o.via}: ${o.firstStatus} → ${o.finalStatus}`)).toEqual([]);
    expect(acceptedAfterKill).toBeGreaterThanOrEqual(AFTER_KILL);
    // The survivor never answered with an error; the victim only ever went silent.
    expect(outcomes.filter((o) => o.via === survivor.name && o.firstStatus !== 201)).toEqual([]);
    expect(outcomes.filter((o) => o.firstStatus !== 201 && o.firstStatus !== 'no answer')).toEqual([]);

    // In the database: one request per woman who filed, each with its submit event and its one message.
    const requests: Array<{ id: string; woman: string; events: number; messages: number }> = await db.query(
      `SELECT r.id, r.woman_user_id AS woman,
              (SELECT COUNT(*) FROM request_event e WHERE e.request_id = r.id AND e.action = 'submit') AS events,
              (SELECT COUNT(*) FROM outbox o WHERE o.topic = 'request.new' AND o.payload LIKE CONCAT('%', r.id, '%')) AS messages
         FROM service_request r`,
    );
    expect(requests.map((r) => r.id).sort()).toEqual(outcomes.map((o) => o.requestId).sort());
    expect(new Set(requests.map((r) => r.woman)).size).toBe(outcomes.length);
    expect(requests.filter((r) => Number(r.events) !== 1 || Number(r.messages) !== 1)).toEqual([]);

    // The survivor drains the outbox. The victim's cut-off claims are aged past the sending timeout
    // (as minutes would), and the survivor gives up on them instead of sending them again.
    const final = await waitUntil('the outbox drained by the survivor', 40_000, async () => {
      await makeHeldMessagesDue(db);
      await ageClaimsOf(db, kill.claim, SENDING_TIMEOUT_MS + 60_000);
      const rows: Array<{ id: string; status: string; openid: string }> = await db.query(
        'SELECT o.id, o.status, u.openid FROM outbox o JOIN app_user u ON u.id = o.recipient_user_id',
      );
      return rows.every((r) => r.status === 'sent' || r.status === 'unknown') ? rows : null;
    }, 250);
    const sent = final.filter((r) => r.status === 'sent');
    const unknown = final.filter((r) => r.status === 'unknown');
    expect(final).toHaveLength(outcomes.length);
    expect(sent.length + unknown.length).toBe(final.length);

    // WeChat's side: each chair has exactly one message row, so each message is one openid.
    const received = new Map<string, number>();
    for (const m of wechat.sent) received.set(m.touser, (received.get(m.touser) ?? 0) + 1);
    expect([...received].filter(([, n]) => n > 1)).toEqual([]);
    expect(sent.filter((r) => received.get(r.openid) !== 1)).toEqual([]);
    // The message WeChat had taken when its sender died ends unknown and was not sent again.
    expect(kill.cutOff.length).toBeGreaterThanOrEqual(1);
    for (const id of kill.cutOff) {
      const row = final.find((r) => r.id === id)!;
      expect(row.status).toBe('unknown');
      expect(received.get(row.openid)).toBe(1);
    }
    const named = warnings(survivor).map((w) => String(w.msg));
    for (const r of unknown) expect(named.some((msg) => msg.includes(r.id) && msg.includes('not sent again'))).toBe(true);

    console.log(
      `kill -9: ${outcomes.length} submissions, ${kill.acceptedBeforeKill} accepted before the kill of ${victim!.name}, ` +
        `${outcomes.filter((o) => o.retried).length} retried on ${survivor.name}, ${final.length} messages: ${sent.length} sent, ${unknown.length} unknown; ` +
        `WeChat received ${wechat.sent.length}`,
    );
  });
});
