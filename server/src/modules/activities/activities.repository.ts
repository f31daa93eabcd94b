import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, In, IsNull, LessThanOrEqual, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { ActivityCategory } from '@wfh/shared';
import { forUpdate } from '../../database/locking';
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
const COUNTERS = { publicTaken: 'public_taken', reservedTaken: 'reserved_taken', waitlistLength: 'waitlist_length' } as const;
type Counter = keyof typeof COUNTERS;

/** Seat counters change only here, each with one guarded UPDATE in the caller's transaction. */
@Injectable()
export class ActivitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<ActivityEntity | null> {
    return this.dataSource.getRepository(ActivityEntity).findOneBy({ id });
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

  /** A place on the waiting list, only while no public seat is left (checked under the same row lock). */
  joinWaitlist(manager: EntityManager, activityId: string): Promise<number | null> {
    return this.bumpIfPublished(manager, activityId, 'waitlistLength', 'public_taken >= capacity - reserved_seats');
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
    await manager.createQueryBuilder().insert().into(SignupEntity).values(signup).updateEntity(false).execute();
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

  countActiveOfOwner(manager: EntityManager, activityId: string, ownerUserId: string): Promise<number> {
    return manager.getRepository(SignupEntity).countBy({ activityId, ownerUserId, state: In(['confirmed', 'waitlisted']) });
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

  signupsOf(activityId: string): Promise<SignupEntity[]> {
    return this.dataSource.getRepository(SignupEntity).find({ where: { activityId, state: In(['confirmed', 'waitlisted']) }, order: { seq: 'ASC' } });
  }

  signupsOfOwner(ownerUserId: string): Promise<SignupEntity[]> {
    return this.dataSource.getRepository(SignupEntity).find({ where: { ownerUserId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  ownerSignupsFor(ownerUserId: string, activityId: string): Promise<SignupEntity[]> {
    return this.dataSource.getRepository(SignupEntity).find({ where: { ownerUserId, activityId }, order: { seq: 'ASC' } });
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
