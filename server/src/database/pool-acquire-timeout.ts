import * as mysql2 from 'mysql2';
import type { Pool, PoolConnection, PoolOptions, QueryError } from 'mysql2';

type GetConnectionCallback = (error: NodeJS.ErrnoException | QueryError | null, connection?: PoolConnection) => void;

/**
 * mysql2's pool has no acquire timeout: with every connection busy (a database that hangs, a burst
 * of slow queries) a request would wait in its queue for as long as they take. This is mysql2 with
 * a pool whose getConnection gives up after `ms` with POOL_ACQUIRE_TIMEOUT (answered as 503); a
 * connection that turns up later goes straight back to the pool. TypeORM takes it as its `driver`.
 */
export function mysql2WithAcquireTimeout(ms: number): typeof mysql2 {
  const createPool = (options: PoolOptions | string): Pool => {
    const pool = mysql2.createPool(options as PoolOptions);
    const getConnection = pool.getConnection.bind(pool) as (callback: GetConnectionCallback) => void;
    (pool as unknown as { getConnection: (callback: GetConnectionCallback) => void }).getConnection = (callback) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        callback(Object.assign(new Error(`no database connection within ${ms} ms`), { code: 'POOL_ACQUIRE_TIMEOUT' }));
      }, ms);
      getConnection((error, connection) => {
        clearTimeout(timer);
        if (!gaveUp) return callback(error, connection);
        connection?.release();
      });
    };
    return pool;
  };
  // Defined, not assigned: the compiled namespace object exposes createPool as a getter only.
  return Object.create(mysql2, { createPool: { value: createPool } }) as typeof mysql2;
}
