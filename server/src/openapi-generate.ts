import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from './config/config';
import { createApp } from './bootstrap';
import { createLogger } from './infra/logging/logger';
import { buildOpenApiDocument, stableStringify } from './openapi';

/** An in-memory app with no data and no services: every route and DTO, for reading what the code defines. */
export async function createDefinitionApp(): Promise<NestFastifyApplication> {
  const config = { ...loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), PHONE_DIGEST_KEY: Buffer.alloc(32, 1).toString('base64') }) };
  return createApp({ ...config, database: { kind: 'sqljs', file: null }, seedDemo: false, h5Dir: null }, createLogger('silent'));
}

/** The document as the code defines it. */
export async function generateOpenApiJson(): Promise<string> {
  const app = await createDefinitionApp();
  try {
    return stableStringify(buildOpenApiDocument(app));
  } finally {
    await app.close();
  }
}
