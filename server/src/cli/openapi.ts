import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateOpenApiJson } from '../openapi-generate';

/** `--write FILE` regenerates the committed OpenAPI document; `--check FILE` fails when it drifted. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { write: { type: 'string' }, check: { type: 'string' } } });
  const json = await generateOpenApiJson();
  if (values.write) {
    writeFileSync(resolve(values.write), json);
    console.error(`wrote ${values.write}`);
    return 0;
  }
  if (values.check) {
    const committed = readFileSync(resolve(values.check), 'utf8');
    if (committed !== json) {
      console.error(`${values.check} is out of date with the code: run "pnpm openapi" and commit the result`);
      return 1;
    }
    console.error(`${values.check} matches the code`);
    return 0;
  }
  process.stdout.write(json);
  return 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
