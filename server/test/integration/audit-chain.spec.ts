import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { runMigrations } from '../../src/database/migrate';
import { AuditRetentionSweeper } from '../../src/modules/audit/audit-retention.sweeper';
import { purgeAuditBefore, verifyAuditChain } from '../../src/modules/audit/audit-chain';
import { audit, type AuditEntry } from '../../src/modules/audit/audit';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY_MS = 24 * 3600_000;
/** The database's own clock decides what its DELETE trigger allows: the app's fixed clock is "now". */
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

const entry = (subjectId: string): AuditEntry => ({
  actorUserId: randomUUID(),
  action: 'request.read_sensitive',
  subjectType: 'service_request',
  subjectId,
  federationId: '211221',
});

async function append(dataSource: DataSource, at: Date, subjectId: string): Promise<void> {
  await dataSource.transaction((manager) => audit(manager, at, entry(subjectId)));
}

async function subjects(dataSource: DataSource): Promise<string[]> {
  return (await dataSource.query('SELECT subject_id AS s FROM audit_log ORDER BY seq')).map((r: { s: string }) => r.s);
}

describe('the audit log on MariaDB', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUDIT_RETENTION_DAYS: '180' }, { clock: { now: () => NOW } });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  it('chains rows written at once by many transactions, one after another', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => append(t.dataSource, NOW, `concurrent-${i}`)));

    const report = await verifyAuditChain(t.dataSource);
    expect(report).toMatchObject({ ok: true, rows: 12, headSeq: 12 });
    const seqs = (await t.dataSource.query('SELECT seq FROM audit_log ORDER BY seq')).map((r: { seq: string }) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('refuses every UPDATE, and any DELETE but the retention job’s of rows past six months', async () => {
    await append(t.dataSource, daysAgo(200), 'old');
    await append(t.dataSource, NOW, 'new');

    await expect(t.dataSource.query("UPDATE audit_log SET subject_id = 'forged' WHERE subject_id = 'new'")).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query("DELETE FROM audit_log WHERE subject_id = 'old'")).rejects.toThrow(/only by the retention job/);
    // Even with the retention job's session variable, a row younger than 180 days stays.
    await t.dataSource.transaction(async (manager) => {
      await manager.query('SET @wfh_audit_retention = 1');
      await expect(manager.query("DELETE FROM audit_log WHERE subject_id = 'new'")).rejects.toThrow(/180 days/);
      await manager.query('SET @wfh_audit_retention = NULL');
    });
    expect(await subjects(t.dataSource)).toEqual(['old', 'new']);
    expect(await verifyAuditChain(t.dataSource)).toMatchObject({ ok: true, rows: 2 });
  });

  it('keeps the rows within AUDIT_RETENTION_DAYS, deletes the older ones from the start, and still verifies', async () => {
    await append(t.dataSource, daysAgo(400), 'day-400');
    await append(t.dataSource, daysAgo(181), 'day-181');
    await append(t.dataSource, daysAgo(179), 'day-179');
    await append(t.dataSource, daysAgo(1), 'day-1');
    // Written late with an early time: it waits until everything before it is due, never leaving a hole.
    await append(t.dataSource, daysAgo(190), 'late-day-190');
    const [beforeHead] = await t.dataSource.query('SELECT hash FROM audit_log WHERE subject_id = ?', ['day-181']);

    expect(await t.app.get(AuditRetentionSweeper).runOnce()).toBe(2);

    expect(await subjects(t.dataSource)).toEqual(['day-179', 'day-1', 'late-day-190']);
    const [head] = await t.dataSource.query('SELECT anchor_seq AS anchorSeq, anchor_hash AS anchorHash FROM audit_chain');
    expect({ seq: Number(head.anchorSeq), hash: head.anchorHash }).toEqual({ seq: 2, hash: beforeHead.hash });
    expect(await verifyAuditChain(t.dataSource)).toMatchObject({ ok: true, rows: 3, headSeq: 5 });
    await append(t.dataSource, NOW, 'after');
    expect(await verifyAuditChain(t.dataSource)).toMatchObject({ ok: true, rows: 4, headSeq: 6 });
    expect(await t.app.get(AuditRetentionSweeper).runOnce()).toBe(0);
  });
});

describe('the audit chain shows tampering (embedded SQLite, where no trigger stands in the way)', () => {
  let ds: DataSource;
  beforeEach(async () => {
    ds = createDataSource({ kind: 'sqljs', file: null });
    await ds.initialize();
    await runMigrations(ds);
    for (let i = 1; i <= 5; i++) await append(ds, daysAgo(10 - i), `row-${i}`);
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: true, rows: 5, headSeq: 5 });
  });
  afterEach(() => ds.destroy());

  it('names the row whose content was changed', async () => {
    await ds.query("UPDATE audit_log SET actor_user_id = 'someone-else' WHERE subject_id = 'row-3'");
    expect(await verifyAuditChain(ds)).toEqual({ ok: false, rows: 2, broken: { seq: 3, id: expect.any(String), reason: 'its content was changed' } });
  });

  it('names the row after one deleted in the middle', async () => {
    await ds.query("DELETE FROM audit_log WHERE subject_id = 'row-3'");
    expect(await verifyAuditChain(ds)).toEqual({ ok: false, rows: 2, broken: { seq: 4, id: expect.any(String), reason: 'row 3 is missing' } });
  });

  it('sees the newest row gone: the head remembers it', async () => {
    await ds.query("DELETE FROM audit_log WHERE subject_id = 'row-5'");
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, broken: { seq: 5, reason: 'rows 5–5 are missing at the end' } });
  });

  it('tells the retention job’s deletions from an attacker’s: the anchor moves with them', async () => {
    expect(await purgeAuditBefore(ds, daysAgo(7))).toBe(2);
    expect(await subjects(ds)).toEqual(['row-3', 'row-4', 'row-5']);
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: true, rows: 3, headSeq: 5 });
    await ds.query("DELETE FROM audit_log WHERE subject_id = 'row-3'");
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, broken: { seq: 4, reason: 'row 3 is missing' } });
  });
});
