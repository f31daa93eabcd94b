import type { EntityManager } from 'typeorm';

/**
 * A time to bind in raw SQL. mysql2 takes a Date (the pool runs in UTC); sql.js cannot bind one, so it
 * gets the text TypeORM stores there ("YYYY-MM-DD HH:MM:SS.SSS", UTC), which compares in order.
 */
export function sqlTime(manager: EntityManager, at: Date): Date | string {
  return manager.connection.options.type === 'sqljs' ? at.toISOString().replace('T', ' ').replace('Z', '') : at;
}
