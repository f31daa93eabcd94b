import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ImportRunEntity } from './import-run.entity';

@Injectable()
export class ImportRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The whole commit of an import, its record and its audit entry: all of it or none. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Reads outside a commit (the dry run, the export) go straight to the pool. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async insert(manager: EntityManager, run: ImportRunEntity): Promise<void> {
    await manager.getRepository(ImportRunEntity).insert(run);
  }
}
