import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { forUpdate } from '../../database/locking';
import { RosterContactEntity, RosterEntryEntity, RosterInvitationEntity } from './roster.entity';

@Injectable()
export class RosterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findEntry(id: string): Promise<RosterEntryEntity | null> {
    return this.dataSource.getRepository(RosterEntryEntity).findOneBy({ id });
  }

  ofBody(federationId: string): Promise<RosterEntryEntity[]> {
    return this.dataSource.getRepository(RosterEntryEntity).find({ where: { federationId }, order: { createdAt: 'ASC' } });
  }

  ofMember(federationId: string, memberUserId: string): Promise<RosterEntryEntity[]> {
    return this.dataSource.getRepository(RosterEntryEntity).find({ where: { federationId, memberUserId }, order: { createdAt: 'ASC' } });
  }

  async insertEntry(manager: EntityManager, entry: RosterEntryEntity): Promise<void> {
    await manager.createQueryBuilder().insert().into(RosterEntryEntity).values(entry).updateEntity(false).execute();
  }

  async updateEntry(manager: EntityManager, id: string, changes: Partial<RosterEntryEntity>): Promise<void> {
    await manager.getRepository(RosterEntryEntity).update({ id }, changes);
  }

  async deleteEntry(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(RosterContactEntity).delete({ entryId: id });
    await manager.getRepository(RosterEntryEntity).delete({ id });
  }

  async insertContact(manager: EntityManager, contact: RosterContactEntity): Promise<void> {
    await manager.createQueryBuilder().insert().into(RosterContactEntity).values(contact).updateEntity(false).execute();
  }

  contactsOf(entryId: string): Promise<RosterContactEntity[]> {
    return this.dataSource.getRepository(RosterContactEntity).find({ where: { entryId }, order: { date: 'DESC', createdAt: 'DESC' } });
  }

  /** Entries whose care reminder is due, locked so that two sweeps cannot both send it. */
  dueForCare(manager: EntityManager, now: Date, limit: number): Promise<RosterEntryEntity[]> {
    return manager.getRepository(RosterEntryEntity).find({ where: { careDueAt: LessThanOrEqual(now) }, order: { careDueAt: 'ASC' }, take: limit, ...forUpdate(manager) });
  }

  async insertInvitation(manager: EntityManager, invitation: RosterInvitationEntity): Promise<void> {
    await manager.getRepository(RosterInvitationEntity).insert(invitation);
  }

  findInvitation(codeHash: string): Promise<RosterInvitationEntity | null> {
    return this.dataSource.getRepository(RosterInvitationEntity).findOneBy({ codeHash });
  }

  lockInvitation(manager: EntityManager, codeHash: string): Promise<RosterInvitationEntity | null> {
    return manager.getRepository(RosterInvitationEntity).findOne({ where: { codeHash }, ...forUpdate(manager) });
  }

  async markInvitationUsed(manager: EntityManager, codeHash: string, at: Date): Promise<void> {
    await manager.getRepository(RosterInvitationEntity).update({ codeHash }, { usedAt: at });
  }
}
