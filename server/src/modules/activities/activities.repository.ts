import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, In, IsNull, LessThanOrEqual, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import type { ActivityCategory } from '@wfh/shared';
import { forUpdate } from '../../database/locking';
import { hydrateRows, insertRows } from '../../database/raw-insert';
import { FederationEntity } from '../federations/federation.entity';
import { SiteEntity } from '../sites/site.entity';
import { UserEntity } from '../users/user.entity';
import { ActivityEntity } from './activity.entity';
import { SignupEntity } from './signup.entity';

export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** The activity's seat counters, by entity field and column. */
const COUNTERS = { publicTaken: 'public_taken', reservedTaken: 'reserved_taken' } as const;
type Counter = keyof typeof COUNTERS;

/** Seat counters change only here, each with one guarded UPDATE in the caller's transaction. */
@Injectable()
export class ActivitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Raw SQL and the driver's conversions (hydrateRows): it is the first read of every sign-up (issue #18). */
  async findById(id: string): Promise<ActivityEntity | null> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query('SELECT * FROM activity WHERE id = ?', [id]);
    return hydrateRows(this.dataSource.manager, ActivityEntity, rows)[0] ?? null;
  }

  lockById(manager: EntityManager, id: string): Promise<ActivityEntity | null> {
    return manager.getRepository(ActivityEntity).findOne({ where: { id }, ...forUpdate(manager) });
  }

  async insert(manager: EntityManager, activity: ActivityEntity): Promise<void> {
    await manager.createQueryBuilder().insert().into(ActivityEntity).values(activity).updateEntity(false).execute();
  }

  async save(manager: EntityManager, activity: ActivityEntity): Promise<void> {
    const { id, createdAt: _created, updatedAt: _updated, ...changes } = activity;
    await manager.getRepository(ActivityEntity).update({ id }, changes);
  }

  /**
   * Takes one of the seats women take themselves, if one is left, and returns the sequence number it
   * handed out (null when none was left). The UPDATE's row lock is what makes two sign-ups on two
   * servers unable to take the same last seat: the second one waits, then no longer matches
   * `public_taken < capacity - reserved_seats`.
   */
  takePublicSeat(manager: EntityManager, activityId: string): Promise<number | null> {
    return this.bumpIfPublished(manager, activityId, 'publicTaken', 'public_taken < capacity - reserved_seats');
  }

  takeReservedSeat(manager: EntityManager, activityId: string): Promise<number | null> {
    return this.bumpIfPublished(manager, activityId, 'reservedTaken', 'reserved_taken < reserved_seats');
  }

  /**
   * A ticket for a place on a waiting list: a number later than every ticket handed out before,
   * from an auto-increment, so that no two women joining waiting lists wait for each other (issue
   * #18; a counter on the activity's row made each of a burst wait for the row lock of the one
   * before). The ticket's row stays locked until the caller's transaction ends, which is what
   * ticketsAheadSettled waits for.
   */
  async takeTicket(manager: EntityManager): Promise<number> {
    if (manager.connection.options.type !== 'sqljs') {
      const reply: { insertId: number } = await manager.query('INSERT INTO signup_ticket () VALUES ()');
      return Number(reply.insertId);
    }
    await manager.query('INSERT INTO signup_ticket DEFAULT VALUES');
    return Number((await manager.query('SELECT last_insert_rowid() AS no'))[0].no);
  }

  /**
   * Waits until every ticket handed out before `no` is committed or rolled back, so that a place
   * counted next is exact: tickets come in order but their transactions may commit out of order,
   * and a woman told her place must not be told the same one as the woman just ahead of her. A
   * shared lock on the older ticket rows waits for the transactions still writing them, and for
   * nothing else (rows no one writes are not locked; newer tickets are above the range). The
   * embedded SQLite has one writer: nothing is ever in flight.
   */
  async ticketsAheadSettled(no: number): Promise<void> {
    if (this.dataSource.options.type === 'sqljs') return;
    await this.dataSource.query('SELECT COUNT(*) AS n FROM signup_ticket WHERE no < ? LOCK IN SHARE MODE', [no]);
  }

  /** One in a hundred tickets prunes the older ones, outside any sign-up's transaction; the newest stays, so the counter never restarts low. */
  async pruneTickets(no: number): Promise<void> {
    if (no % 100 === 0) await this.dataSource.query('DELETE FROM signup_ticket WHERE no < ?', [no]);
  }

  /**
   * Her own row, locked until the transaction ends: two of her sign-ups at once (herself and a
   * relative, on two phones) are counted one after the other against the per-woman limit, without
   * any lock on the activity.
   */
  async lockOwner(manager: EntityManager, userId: string): Promise<boolean> {
    const lock = manager.connection.options.type === 'sqljs' ? '' : ' FOR UPDATE';
    return (await manager.query(`SELECT id FROM app_user WHERE id = ?${lock}`, [userId])).length === 1;
  }

  /** How many women wait for each of these activities; an activity nobody waits for is left out. */
  async waitlistLengths(activityIds: string[]): Promise<Map<string, number>> {
    const ids = [...new Set(activityIds)];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; n: number | string }> = await this.dataSource.query(
      `SELECT activity_id AS id, COUNT(*) AS n FROM activity_signup WHERE activity_id IN (${ids.map(() => '?').join(', ')}) AND state = 'waitlisted' GROUP BY activity_id`,
      ids,
    );
    return new Map(rows.map((row) => [row.id, Number(row.n)]));
  }

  /**
   * What a woman who has just joined the waiting list is told, and whether a seat came free under
   * her, in one read after her commit: her place (1 is next) and the public seats left now.
   */
  async afterJoiningWaitlist(activityId: string, seq: number): Promise<{ position: number; seatsLeft: number; published: boolean }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM activity_signup s WHERE s.activity_id = a.id AND s.state = 'waitlisted' AND s.seq <= ?) AS position,
              a.capacity - a.reserved_seats - a.public_taken AS seatsLeft, a.status AS status
         FROM activity a WHERE a.id = ?`,
      [seq, activityId],
    );
    return { position: Number(row?.position ?? 0), seatsLeft: Math.max(0, Number(row?.seatsLeft ?? 0)), published: row?.status === 'published' };
  }

  /** Whether anyone waits for this activity (read without a lock: a hint that promotion is worth its lock). */
  async anyoneWaiting(activityId: string): Promise<boolean> {
    const rows = await this.dataSource.query("SELECT 1 AS one FROM activity_signup WHERE activity_id = ? AND state = 'waitlisted' LIMIT 1", [activityId]);
    return rows.length > 0;
  }

  /**
   * One guarded UPDATE: a counter and the sign-up sequence go up together, or nothing changes.
   * Returns the sequence number handed out. On MySQL/MariaDB `LAST_INSERT_ID(expr)` puts it in the
   * UPDATE's own reply (raw SQL: the query builder drops that reply), saving a SELECT while the row
   * lock is held, which is time no other sign-up of this activity, on any instance, can use. The
   * embedded SQLite has one writer anyway and reads it back.
   */
  private async bumpIfPublished(manager: EntityManager, activityId: string, counter: Counter, guard: string): Promise<number | null> {
    if (manager.connection.options.type !== 'sqljs') {
      const column = COUNTERS[counter];
      const reply: { affectedRows: number; insertId: number } = await manager.query(
        `UPDATE activity SET ${column} = ${column} + 1, signup_seq = LAST_INSERT_ID(signup_seq + 1)
          WHERE id = ? AND status = 'published' AND ${guard}`,
        [activityId],
      );
      return reply.affectedRows === 1 ? Number(reply.insertId) : null;
    }
    const result = await manager
      .createQueryBuilder()
      .update(ActivityEntity)
      .set({ [counter]: () => `${COUNTERS[counter]} + 1`, signupSeq: () => 'signup_seq + 1' })
      .where(`id = :activityId AND status = :published AND ${guard}`, { activityId, published: 'published' })
      .execute();
    if (result.affected !== 1) return null;
    const row = await manager.getRepository(ActivityEntity).findOne({ where: { id: activityId }, select: { signupSeq: true } });
    return row!.signupSeq;
  }

  async adjustCounters(
    manager: EntityManager,
    activityId: string,
    delta: Partial<Record<Counter, number>>,
  ): Promise<void> {
    const set: Record<string, () => string> = {};
    for (const counter of Object.keys(COUNTERS) as Counter[]) {
      const by = Math.trunc(delta[counter] ?? 0);
      if (by !== 0) set[counter] = () => `${COUNTERS[counter]} + (${by})`;
    }
    if (Object.keys(set).length === 0) return;
    await manager.createQueryBuilder().update(ActivityEntity).set(set).where('id = :activityId', { activityId }).execute();
  }

  async insertSignup(manager: EntityManager, signup: SignupEntity): Promise<void> {
    await insertRows(manager, SignupEntity, [signup]);
  }

  async updateSignup(manager: EntityManager, id: string, changes: Partial<SignupEntity>): Promise<void> {
    await manager.getRepository(SignupEntity).update({ id }, changes);
  }

  /** Sets the check-in once: a second scan matches no row. */
  async markCheckedIn(manager: EntityManager, id: string, byUserId: string, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(SignupEntity)
      .set({ checkedInAt: at, checkedInBy: byUserId })
      .where({ id, state: 'confirmed', checkedInAt: IsNull() })
      .execute();
    return result.affected === 1;
  }

  /** Takes a check-in back; false when there was none to take (already undone, or never made). */
  async clearCheckIn(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(SignupEntity)
      .set({ checkedInAt: null, checkedInBy: null })
      .where({ id, checkedInAt: Not(IsNull()) })
      .execute();
    return result.affected === 1;
  }

  findSignup(id: string): Promise<SignupEntity | null> {
    return this.dataSource.getRepository(SignupEntity).findOneBy({ id });
  }

  lockSignup(manager: EntityManager, id: string): Promise<SignupEntity | null> {
    return manager.getRepository(SignupEntity).findOne({ where: { id }, ...forUpdate(manager) });
  }

  findByShortCode(activityId: string, shortCode: string): Promise<SignupEntity | null> {
    return this.dataSource.getRepository(SignupEntity).findOneBy({ activityId, shortCode });
  }

  /** The first woman waiting, locked so that two cancellations cannot promote her twice. */
  firstWaiting(manager: EntityManager, activityId: string): Promise<SignupEntity | null> {
    return manager.getRepository(SignupEntity).findOne({ where: { activityId, state: 'waitlisted' }, order: { seq: 'ASC' }, ...forUpdate(manager) });
  }

  /** Counted after lockOwner, so that it sees every sign-up of hers that committed before. */
  async countActiveOfOwner(manager: EntityManager, activityId: string, ownerUserId: string): Promise<number> {
    const [row] = await manager.query(
      "SELECT COUNT(*) AS n FROM activity_signup WHERE activity_id = ? AND owner_user_id = ? AND state IN ('confirmed', 'waitlisted')",
      [activityId, ownerUserId],
    );
    return Number(row.n);
  }

  /**
   * Sequence number → place on the waiting list (1 is next), for the few sequence numbers one woman
   * holds: each place is a count over the (activity, state, seq) index, so answering the 2,000th woman
   * of a burst does not read the 1,999 rows ahead of her.
   */
  async waitlistPositions(activityId: string, seqs: number[]): Promise<Map<number, number>> {
    const positions = new Map<number, number>();
    const repository = this.dataSource.getRepository(SignupEntity);
    for (const seq of new Set(seqs)) {
      positions.set(seq, await repository.countBy({ activityId, state: 'waitlisted', seq: LessThanOrEqual(seq) }));
    }
    return positions;
  }

  /** Seats in their numbers' order, then the waiting list in its order (a ticket and a seat number are not comparable). */
  signupsOf(activityId: string): Promise<SignupEntity[]> {
    return this.dataSource
      .getRepository(SignupEntity)
      .find({ where: { activityId, state: In(['confirmed', 'waitlisted']) }, order: { state: 'ASC', seq: 'ASC' } });
  }

  signupsOfOwner(ownerUserId: string): Promise<SignupEntity[]> {
    return this.dataSource.getRepository(SignupEntity).find({ where: { ownerUserId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  ownerSignupsFor(ownerUserId: string, activityId: string): Promise<SignupEntity[]> {
    return this.dataSource.getRepository(SignupEntity).find({ where: { ownerUserId, activityId }, order: { state: 'ASC', seq: 'ASC' } });
  }

  activeOwnersOf(manager: EntityManager, activityId: string): Promise<SignupEntity[]> {
    return manager.getRepository(SignupEntity).find({ where: { activityId, state: In(['confirmed', 'waitlisted']) } });
  }

  byIds(ids: string[]): Promise<ActivityEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ActivityEntity).findBy({ id: In(ids) });
  }

  /** Published activities not yet ended, in a box around her (the index's leading columns). */
  upcomingInBox(box: Box, now: Date, category: ActivityCategory | undefined, limit: number): Promise<ActivityEntity[]> {
    return this.dataSource.getRepository(ActivityEntity).find({
      where: {
        status: 'published',
        latitude: Between(box.south, box.north),
        longitude: Between(box.west, box.east),
        endsAt: MoreThan(now),
        ...(category ? { category } : {}),
      },
      order: { startsAt: 'ASC' },
      take: limit,
    });
  }

  upcomingOf(federationIds: string[], now: Date, category: ActivityCategory | undefined, limit: number): Promise<ActivityEntity[]> {
    return this.dataSource.getRepository(ActivityEntity).find({
      where: { status: 'published', federationId: In(federationIds), endsAt: MoreThan(now), ...(category ? { category } : {}) },
      order: { startsAt: 'ASC' },
      take: limit,
    });
  }

  /** A body's own list, drafts and past ones too, newest start first. */
  ofBody(federationId: string): Promise<ActivityEntity[]> {
    return this.dataSource.getRepository(ActivityEntity).find({ where: { federationId }, order: { startsAt: 'DESC' }, take: 200 });
  }

  /** Names for lists: bodies, sites and women, each read once per list. */
  async namesOf(kind: 'federation' | 'site', ids: string[]): Promise<Map<string, string>>;
  /** A woman's name is null when she has none: the view shows `personLabel`. */
  async namesOf(kind: 'user', ids: string[]): Promise<Map<string, string | null>>;
  async namesOf(kind: 'federation' | 'site' | 'user', ids: string[]): Promise<Map<string, string | null>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    if (kind === 'federation') {
      const rows = await this.dataSource.getRepository(FederationEntity).find({ where: { id: In(unique) }, select: { id: true, name: true } });
      return new Map(rows.map((r) => [r.id, r.name]));
    }
    if (kind === 'site') {
      const rows = await this.dataSource.getRepository(SiteEntity).find({ where: { id: In(unique) }, select: { id: true, name: true } });
      return new Map(rows.map((r) => [r.id, r.name]));
    }
    const rows = await this.dataSource.getRepository(UserEntity).find({ where: { id: In(unique) }, select: { id: true, displayName: true } });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }
}
