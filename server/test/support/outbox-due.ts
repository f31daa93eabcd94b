import type { DataSource } from 'typeorm';

/**
 * Spawned servers run on the real clock, and at night (22:00–07:00 Shanghai) most messages wait for
 * the morning. Tests that must see them sent make the held ones due now, as the morning would, so
 * they mean the same at 23:00 as at 10:00. `except` topics keep their own time (reminders for their day).
 *
 * Reads first and updates by primary key: an UPDATE by status would lock index ranges the servers'
 * workers are writing, and MariaDB would pick one side of the deadlock.
 */
export async function makeHeldMessagesDue(db: DataSource, except: string[] = []): Promise<void> {
  const now = new Date();
  const held: Array<{ id: string }> = await db.query(
    `SELECT id FROM outbox WHERE status = 'pending' AND deliver_after > ?${except.map(() => ' AND topic <> ?').join('')}`,
    [now, ...except],
  );
  if (held.length > 0) await updateByIds(db, 'deliver_after = ?', [now], held.map((r) => r.id));
}

/** The rows a killed process left claimed are aged past the sending timeout, as minutes would. */
export async function ageClaimsOf(db: DataSource, claimedBy: string, by: number): Promise<void> {
  const claimed: Array<{ id: string }> = await db.query("SELECT id FROM outbox WHERE status = 'sending' AND claimed_by = ?", [claimedBy]);
  if (claimed.length > 0) await updateByIds(db, 'claimed_at = ?', [new Date(Date.now() - by)], claimed.map((r) => r.id));
}

async function updateByIds(db: DataSource, set: string, values: unknown[], ids: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.query(`UPDATE outbox SET ${set} WHERE id IN (${ids.map(() => '?').join(', ')})`, [...values, ...ids]);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ER_LOCK_DEADLOCK' || attempt >= 5) throw error;
    }
  }
}
