import { loadConfig } from './config/config';
import { createApp } from './bootstrap';
import { createLogger } from './infra/logging/logger';
import { buildOpenApiDocument, stableStringify } from './openapi';

/** The document as the code defines it, from an in-memory app with no data and no services. */
export async function generateOpenApiJson(): Promise<string> {
  const config = { ...loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }) };
  const app = await createApp(
    { ...config, database: { kind: 'sqljs', file: null }, seedDemo: false, h5Dir: null },
    createLogger('silent'),
  );
  try {
    return stableStringify(buildOpenApiDocument(app));
  } finally {
    await app.close();
  }
}
