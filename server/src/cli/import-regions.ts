import 'reflect-metadata';
import { runCli } from './run-cli';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { Redis } from 'ioredis';
import { loadConfig, describeMode, type AppConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { runMigrations } from '../database/migrate';
import { countScope, UnknownRegionError, type ImportScope } from '../database/regions/china-division-source';
import { importRegions } from '../database/regions/region-importer';
import { RedisPubSub } from '../infra/redis/redis-backed';
import { PLACES_CHANNEL, type PlaceChange } from '../modules/places/places-index';

const USAGE = `Usage: pnpm import:regions (--province CODE | --city CODE | --all)
  --province 21    one province (2-digit code) with all its levels
  --city 2112      one city (4-digit code), its province row and all levels below
  --all            the whole country (about 665,000 regions)
Writes to DATABASE_URL, or to the embedded SQLite file when it is not set.`;

function scopeFromArgs(argv: string[]): ImportScope {
  const { values } = parseArgs({
    args: argv,
    options: { province: { type: 'string' }, city: { type: 'string' }, all: { type: 'boolean' }, help: { type: 'boolean' } },
    strict: true,
  });
  const chosen = [values.province !== undefined, values.city !== undefined, values.all === true].filter(Boolean).length;
  if (values.help || chosen !== 1) throw new UsageError(USAGE);
  if (values.all) return { kind: 'all' };
  if (values.province !== undefined) return { kind: 'province', code: values.province.trim() };
  return { kind: 'city', code: values.city!.trim() };
}

class UsageError extends Error {}

/**
 * Running servers keep the bodies in their places index (search, nearest) and would not see new
 * villages or renamed ones until restarted: tell them as an admin's change does, on the places
 * channel. The regions are committed by then, so a Redis that does not answer only costs a restart.
 */
async function announceBodiesChanged(redis: NonNullable<AppConfig['redis']>): Promise<void> {
  const connection = new Redis(redis.url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The connection's own error says why (refused, timed out); the rejected call only says "closed".
  let cause: Error | null = null;
  connection.on('error', (error: Error) => (cause ??= error));
  try {
    await connection.connect();
    const change: PlaceChange = { type: 'bodies' };
    await new RedisPubSub(connection, connection, redis.keyPrefix).publish(PLACES_CHANNEL, JSON.stringify(change));
  } catch (error) {
    console.error(`没能通知正在运行的服务（Redis：${(cause ?? (error as Error)).message}）：请重启服务，新的地区才能被搜到。`);
  } finally {
    connection.disconnect();
  }
}

async function main(): Promise<number> {
  let scope: ImportScope;
  try {
    scope = scopeFromArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  console.error(describeMode(config));
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const bar = new SingleBar(
      { format: '导入行政区划 [{bar}] {percentage}% | {value}/{total} | {duration}s', noTTYOutput: true, notTTYSchedule: 5000 },
      Presets.shades_classic,
    );
    let started = false;
    const result = await importRegions(dataSource, scope, ({ done }) => {
      if (!started) {
        bar.start(countScope(scope), 0);
        started = true;
      }
      bar.update(done);
    });
    bar.stop();
    console.error(`完成：${result.regions} 个地区及其妇联组织，其中新增 ${result.added} 条记录，用时 ${result.seconds.toFixed(1)} 秒`);
    if (config.redis) await announceBodiesChanged(config.redis);
    return 0;
  } catch (error) {
    if (error instanceof UnknownRegionError) {
      console.error(`导入失败：${error.message}。数据库没有任何改动。`);
      return 1;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

runCli(main);
