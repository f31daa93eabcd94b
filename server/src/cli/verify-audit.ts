import 'reflect-metadata';
import { runCli } from './run-cli';
import { describeMode, loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { verifyAuditChain } from '../modules/audit/audit-chain';

/**
 * `pnpm audit:verify`: walks the audit log's hash chain and exits 1 naming the first row that was
 * changed or is missing. It prints the head hash: kept outside the database (a ticket, a printout),
 * it also shows a chain rewritten from the start.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  console.error(describeMode(config));
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  try {
    const report = await verifyAuditChain(dataSource);
    if (report.ok) {
      console.log(`审计日志完整：${report.rows} 条，链头 ${report.headSeq} ${report.headHash}`);
      return 0;
    }
    console.log(`审计日志被改动：第 ${report.broken.seq ?? '?'} 条（${report.broken.id ?? '无'}）${report.broken.reason}；在此之前 ${report.rows} 条完好`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

runCli(main);
