import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateOpenApiJson } from '../openapi-generate';

/** `--write FILE` regenerates the committed OpenAPI document (a unit test fails while it has drifted). */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { write: { type: 'string' } } });
  const json = await generateOpenApiJson();
  if (values.write) {
    writeFileSync(resolve(values.write), json);
    console.error(`wrote ${values.write}`);
    return 0;
  }
  process.stdout.write(json);
  return 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
