import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { forUpdate } from '../../database/locking';
import { sqlTime } from '../../database/sql-time';
import { NoticeEntity, NoticeReadEntity } from './notice.entity';

/** A notice visible now, with whether this reader has opened it. */
export interface VisibleNotice {
  notice: NoticeEntity;
  read: boolean;
}

/** Notices and their openings; TypeORM stays in here. */
@Injectable()
export class NoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  find(id: string): Promise<NoticeEntity | null> {
    return this.dataSource.getRepository(NoticeEntity).findOneBy({ id });
  }

  lock(manager: EntityManager, id: string): Promise<NoticeEntity | null> {
    return manager.getRepository(NoticeEntity).findOne({ where: { id }, ...forUpdate(manager) });
  }

  async insert(manager: EntityManager, notice: NoticeEntity): Promise<void> {
    await manager.createQueryBuilder().insert().into(NoticeEntity).values(notice).updateEntity(false).execute();
  }

  async update(manager: EntityManager, id: string, changes: Partial<NoticeEntity>): Promise<void> {
    await manager.getRepository(NoticeEntity).update({ id }, changes);
  }

  ofBody(federationId: string): Promise<NoticeEntity[]> {
    return this.dataSource.getRepository(NoticeEntity).find({ where: { federationId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  /**
   * Published notices of the given bodies (her village and those above it) that are out by `now`,
   * newest first: a scheduled one counts from its time on, so no job needs to flip it.
   */
  async visibleFrom(federationIds: string[], now: Date, readerUserId: string, limit = 50): Promise<VisibleNotice[]> {
    if (federationIds.length === 0) return [];
    const notices = await this.dataSource
      .getRepository(NoticeEntity)
      .createQueryBuilder('n')
      .where('n.federation_id IN (:...ids)', { ids: federationIds })
      .andWhere("n.state IN ('published', 'scheduled')")
      .andWhere('n.publish_at <= :now', { now: sqlTime(this.dataSource.manager, now) })
      .orderBy('n.publish_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit)
      .getMany();
    const read = await this.readBy(readerUserId, notices.map((n) => n.id));
    return notices.map((notice) => ({ notice, read: read.has(notice.id) }));
  }

  private async readBy(userId: string, noticeIds: string[]): Promise<Set<string>> {
    if (noticeIds.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(NoticeReadEntity).find({ where: { userId, noticeId: In(noticeIds) }, select: { noticeId: true } });
    return new Set(rows.map((r) => r.noticeId));
  }

  /** Her first opening counts; later ones change nothing. */
  async markRead(noticeId: string, userId: string, federationId: string, at: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(NoticeReadEntity)
      .values({ noticeId, userId, federationId, readAt: at })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** Openings per body the readers lived in: counts only, never who. */
  async openedByBody(noticeIds: string[]): Promise<Array<{ noticeId: string; federationId: string; n: number }>> {
    if (noticeIds.length === 0) return [];
    const rows: Array<{ noticeId: string; federationId: string; n: number | string }> = await this.dataSource
      .getRepository(NoticeReadEntity)
      .createQueryBuilder('r')
      .select('r.notice_id', 'noticeId')
      .addSelect('r.federation_id', 'federationId')
      .addSelect('COUNT(*)', 'n')
      .where('r.notice_id IN (:...ids)', { ids: noticeIds })
      .groupBy('r.notice_id')
      .addGroupBy('r.federation_id')
      .getRawMany();
    return rows.map((r) => ({ noticeId: r.noticeId, federationId: r.federationId, n: Number(r.n) }));
  }

  childrenOf(federationId: string): Promise<Array<{ id: string; name: string }>> {
    return this.dataSource.query('SELECT id, name FROM federation WHERE parent_id = ? ORDER BY id', [federationId]);
  }

  /** The registered women of every body under a prefix that has set a number (the 知晓率 denominator). */
  async registeredUnder(prefix: string): Promise<Array<{ federationId: string; n: number }>> {
    const rows: Array<{ federationId: string; n: number | string }> = await this.dataSource.query(
      'SELECT id AS federationId, registered_women AS n FROM federation WHERE id LIKE ? AND registered_women IS NOT NULL',
      [`${prefix}%`],
    );
    return rows.map((r) => ({ federationId: r.federationId, n: Number(r.n) }));
  }
}
