import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { runCli } from './run-cli';
import { loadConfig, describeMode } from '../config/config';
import { createDataSource } from '../database/data-source';
import { runMigrations } from '../database/migrate';
import { FieldCipher } from '../infra/crypto/field-cipher';
import { PhoneDigest } from '../infra/crypto/phone-digest';
import { listFirstAdmin } from '../modules/listed-roles/first-admin';
import { ListedPeopleRepository } from '../modules/onboarding/listed-people.repository';

const USAGE = `Usage: pnpm first-admin --county CODE --name NAME --phone PHONE
  --county 211221        the county's 6-digit division code (its regions imported first)
  --name   张丽           her name, as colleagues will see it
  --phone  13800000000   the mobile number bound to her WeChat
She then opens the mini-program, taps 我的 → 用微信手机号登录, and is the county's admin.
Writes to DATABASE_URL, or to the embedded SQLite file when it is not set. Running it again changes nothing.`;

async function main(): Promise<number> {
  let values: { county?: string; name?: string; phone?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { county: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help || !values.county || !values.name || !values.phone) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  console.error(describeMode(config));
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const deps = {
      cipher: new FieldCipher(config.dataKey, config.dataKeyId, config.previousDataKeys),
      phoneDigest: new PhoneDigest(config.phoneDigestKey),
      listings: new ListedPeopleRepository(dataSource),
    };
    const outcome = await listFirstAdmin(dataSource, deps, { countyId: values.county, name: values.name, phone: values.phone }, new Date());
    if (!outcome.ok) {
      console.error(outcome.message);
      return 1;
    }
    console.error(
      outcome.listed
        ? `已登记：${values.name.trim()} 为${outcome.countyName}管理员。请她打开小程序，在「我的」点「用微信手机号登录」。`
        : `${values.name.trim()} 已经登记为${outcome.countyName}管理员，没有做任何更改。`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

runCli(main);
