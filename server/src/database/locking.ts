import type { EntityManager, FindOneOptions } from 'typeorm';

/**
 * Row locks for read-modify-write in a transaction. MySQL takes `SELECT … FOR UPDATE`; the embedded
 * SQLite has one writer at a time anyway and TypeORM's sql.js driver refuses lock options.
 */
export function forUpdate(manager: EntityManager): Pick<FindOneOptions, 'lock'> {
  return manager.connection.options.type === 'sqljs' ? {} : { lock: { mode: 'pessimistic_write' } };
}
