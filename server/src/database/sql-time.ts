import type { EntityManager } from 'typeorm';

/**
 * A time to bind in raw SQL. mysql2 takes a Date (the pool runs in UTC); sql.js cannot bind one, so it
 * gets the text TypeORM stores there ("YYYY-MM-DD HH:MM:SS.SSS", UTC), which compares in order.
 */
export function sqlTime(manager: EntityManager, at: Date): Date | string {
  return manager.connection.options.type === 'sqljs' ? at.toISOString().replace('T', ' ').replace('Z', '') : at;
}

/** A time read back by raw SQL: mysql2 gives a Date, sql.js the stored UTC text. */
export function fromSqlTime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}${/Z|[+-]\d\d:\d\d$/.test(value) ? '' : 'Z'}`);
}
