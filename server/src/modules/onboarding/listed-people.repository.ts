import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, Like, type DataSource, type EntityManager } from 'typeorm';
import type { RoleKind } from '@wfh/shared';
import { forUpdate } from '../../database/locking';
import { ListedPersonEntity } from './listed-person.entity';

/** A listing without its phone: what finding her by phone, or planning an import, needs. */
export interface Listing {
  id: string;
  name: string;
  phoneDigest: string;
  federationId: string;
  role: RoleKind;
  importedBy: string | null;
}

const LISTING_COLUMNS = { id: true, name: true, phoneDigest: true, federationId: true, role: true, importedBy: true } as const;
/** Digests per IN list. */
const LOOKUP_BATCH = 1000;
const INSERT_BATCH = 500;

/** The people a county listed (people import), found by the keyed digest of their phone. */
@Injectable()
export class ListedPeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every listing of one phone (PhoneDigest.of / ofNormalised): what a sign-in with that phone
   * grants. Locked in the caller's transaction: an import changing them waits until her roles are
   * granted.
   */
  lockByPhoneDigest(manager: EntityManager, phoneDigest: string): Promise<Listing[]> {
    return manager
      .getRepository(ListedPersonEntity)
      .find({ select: LISTING_COLUMNS, where: { phoneDigest }, order: { createdAt: 'ASC', id: 'ASC' }, ...forUpdate(manager) });
  }

  /** A county's listings, without phones. */
  inCounty(countyId: string, manager: EntityManager = this.dataSource.manager): Promise<Listing[]> {
    return manager.getRepository(ListedPersonEntity).find({ select: LISTING_COLUMNS, where: { federationId: Like(`${countyId}%`) }, order: { id: 'ASC' } });
  }

  /** A county's listings with the encrypted phone, for its export. */
  async inCountyWithPhones(countyId: string): Promise<Array<Listing & { phoneEnc: string }>> {
    return this.dataSource.getRepository(ListedPersonEntity).find({
      select: { ...LISTING_COLUMNS, phoneEnc: true },
      where: { federationId: Like(`${countyId}%`) },
      order: { id: 'ASC' },
    });
  }

  /** The listings of any of these phones, anywhere. */
  async withDigests(digests: string[], manager: EntityManager = this.dataSource.manager): Promise<Listing[]> {
    const found: Listing[] = [];
    for (let i = 0; i < digests.length; i += LOOKUP_BATCH) {
      found.push(...(await manager.getRepository(ListedPersonEntity).find({ select: LISTING_COLUMNS, where: { phoneDigest: In(digests.slice(i, i + LOOKUP_BATCH)) } })));
    }
    return found;
  }

  async insertMany(manager: EntityManager, rows: Array<Omit<ListedPersonEntity, 'createdAt' | 'updatedAt'>>): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await manager.createQueryBuilder().insert().into(ListedPersonEntity).values(rows.slice(i, i + INSERT_BATCH)).updateEntity(false).execute();
    }
  }

  async rename(manager: EntityManager, id: string, name: string, importedBy: string): Promise<void> {
    await manager.getRepository(ListedPersonEntity).update({ id }, { name, importedBy });
  }
}
