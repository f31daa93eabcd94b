import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { ConcernStatus } from '@wfh/shared';
import { forUpdate } from '../../database/locking';
import { ConcernCosignEntity, ConcernEntity, ConcernUpdateEntity, CouncilAgendaItemEntity, CouncilMinutesEntity } from './concern.entity';

export type NewConcernUpdate = Omit<ConcernUpdateEntity, 'concernId' | 'seq'>;

/** Concerns, co-signatures, answers and council records; TypeORM stays in here. */
@Injectable()
export class VoicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findConcern(id: string): Promise<ConcernEntity | null> {
    return this.dataSource.getRepository(ConcernEntity).findOneBy({ id });
  }

  lockConcern(manager: EntityManager, id: string): Promise<ConcernEntity | null> {
    return manager.getRepository(ConcernEntity).findOne({ where: { id }, ...forUpdate(manager) });
  }

  async insertConcern(manager: EntityManager, concern: ConcernEntity): Promise<void> {
    await manager.createQueryBuilder().insert().into(ConcernEntity).values(concern).updateEntity(false).execute();
  }

  async updateConcern(manager: EntityManager, id: string, changes: Partial<ConcernEntity>): Promise<void> {
    await manager.getRepository(ConcernEntity).update({ id }, changes);
  }

  concernsOf(federationId: string, statuses: readonly ConcernStatus[]): Promise<ConcernEntity[]> {
    return this.dataSource.getRepository(ConcernEntity).find({
      where: { federationId, status: In([...statuses]) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  concernsById(ids: string[]): Promise<ConcernEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ConcernEntity).findBy({ id: In(ids) });
  }

  concernsOfAuthor(userId: string): Promise<ConcernEntity[]> {
    return this.dataSource.getRepository(ConcernEntity).find({ where: { authorUserId: userId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async insertCosign(manager: EntityManager, concernId: string, userId: string, at: Date): Promise<void> {
    await manager.getRepository(ConcernCosignEntity).insert({ concernId, userId, createdAt: at });
  }

  async deleteCosign(manager: EntityManager, concernId: string, userId: string): Promise<boolean> {
    const result = await manager.getRepository(ConcernCosignEntity).delete({ concernId, userId });
    return result.affected === 1;
  }

  cosigners(manager: EntityManager, concernId: string): Promise<string[]> {
    return manager
      .getRepository(ConcernCosignEntity)
      .find({ where: { concernId }, select: { userId: true } })
      .then((rows) => rows.map((r) => r.userId));
  }

  async hasCosigned(concernId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(ConcernCosignEntity).existsBy({ concernId, userId });
  }

  countCosigns(manager: EntityManager, concernId: string): Promise<number> {
    return manager.getRepository(ConcernCosignEntity).countBy({ concernId });
  }

  /**
   * Adds the concern's next update. The caller holds the concern's row lock (lockConcern), so the
   * counter goes up by exactly one per update and two at the same instant still keep their order.
   */
  async insertUpdate(manager: EntityManager, concern: ConcernEntity, update: NewConcernUpdate): Promise<void> {
    concern.lastUpdateSeq += 1;
    await manager.getRepository(ConcernEntity).update({ id: concern.id }, { lastUpdateSeq: concern.lastUpdateSeq });
    await manager.getRepository(ConcernUpdateEntity).insert({ ...update, concernId: concern.id, seq: concern.lastUpdateSeq });
  }

  updatesOf(concernIds: string[]): Promise<ConcernUpdateEntity[]> {
    if (concernIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ConcernUpdateEntity).find({ where: { concernId: In(concernIds) }, order: { concernId: 'ASC', seq: 'ASC' } });
  }

  async replaceAgenda(manager: EntityManager, activityId: string, concernIds: string[]): Promise<void> {
    await manager.getRepository(CouncilAgendaItemEntity).delete({ activityId });
    for (const [position, concernId] of concernIds.entries()) {
      await manager.getRepository(CouncilAgendaItemEntity).insert({ activityId, concernId, position });
    }
  }

  agendaOf(activityIds: string[]): Promise<CouncilAgendaItemEntity[]> {
    if (activityIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(CouncilAgendaItemEntity).find({ where: { activityId: In(activityIds) }, order: { position: 'ASC' } });
  }

  async saveMinutes(manager: EntityManager, minutes: CouncilMinutesEntity): Promise<void> {
    await manager.getRepository(CouncilMinutesEntity).save(minutes);
  }

  minutesOf(activityIds: string[]): Promise<CouncilMinutesEntity[]> {
    if (activityIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(CouncilMinutesEntity).findBy({ activityId: In(activityIds) });
  }
}
