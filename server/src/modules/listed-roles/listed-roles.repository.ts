import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { forUpdate } from '../../database/locking';
import { ListedPersonEntity } from '../onboarding/listed-person.entity';

@Injectable()
export class ListedRolesRepository {
  /** Every listing of one phone, locked: an import changing them waits until her roles are granted. */
  listingsOf(manager: EntityManager, phoneDigest: string): Promise<ListedPersonEntity[]> {
    return manager.getRepository(ListedPersonEntity).find({ where: { phoneDigest }, order: { createdAt: 'ASC', id: 'ASC' }, ...forUpdate(manager) });
  }
}
