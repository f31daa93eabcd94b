import 'reflect-metadata';
import { ConfigError, describeMode, loadConfig } from './config/config';
import { createApp } from './bootstrap';
import { createLogger } from './infra/logging/logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  logger.info({ mode: config.mode }, describeMode(config));
  const app = await createApp(config, logger);
  await app.listen({ host: config.http.host, port: config.http.port });
  const url = `http://${config.http.host}:${config.http.port}`;
  logger.info(
    { url },
    `listening on ${url} — API ${url}/api/v1, Swagger UI ${url}/docs${config.h5Dir ? `, mini-program (H5) ${url}/` : ' (no H5 build found; run pnpm build)'}`,
  );
}

void main();
