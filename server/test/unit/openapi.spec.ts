import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiJson } from '../../src/openapi-generate';

describe('the committed OpenAPI document', () => {
  it('matches what the code defines (run "pnpm openapi" after changing the API)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'openapi.json'), 'utf8');
    const generated = await generateOpenApiJson();
    expect(JSON.parse(generated)).toEqual(JSON.parse(committed));
    expect(generated).toBe(committed);
  });
});
