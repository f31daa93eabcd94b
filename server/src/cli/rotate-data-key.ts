import 'reflect-metadata';
import { runCli } from './run-cli';
import { loadConfig, describeMode } from '../config/config';
import { createDataSource } from '../database/data-source';
import { runMigrations } from '../database/migrate';
import { countStale, reencryptAll } from '../database/reencrypt';
import { FieldCipher } from '../infra/crypto/field-cipher';

/**
 * `pnpm rotate:data-key`: with the new key in DATA_ENCRYPTION_KEY (and a new DATA_ENCRYPTION_KEY_ID)
 * and the old ones in DATA_ENCRYPTION_PREVIOUS_KEYS, rewrites every encrypted value with the new key.
 * Safe to run while the servers run (they already read both keys) and to run again.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  console.error(describeMode(config));
  const cipher = new FieldCipher(config.dataKey, config.dataKeyId, config.previousDataKeys);
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const results = await reencryptAll(dataSource, cipher);
    for (const r of results) if (r.rewritten > 0) console.error(`${r.table}.${r.column}: 重新加密 ${r.rewritten} 条`);
    const left = await countStale(dataSource, cipher);
    console.error(left === 0 ? `完成：全部敏感数据已使用密钥 ${cipher.keyId} 加密，可以移除旧密钥` : `仍有 ${left} 条使用旧密钥，请再次运行`);
    return left === 0 ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

runCli(main);
