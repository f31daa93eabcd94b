import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/config';
import { AppModule } from './app.module';
import { systemClock, type Clock } from './infra/clock/clock';
import { toErrorReply } from './common/filters/error-responses';
import { BARE_ERROR_HEADERS, answerClientError, registerSecurityHeaders, registerStrictJsonParser } from './common/http/http-hardening';
import { runMigrations } from './database/migrate';
import { seedCatalogue } from './database/seed/catalogue';
import { seedDemoActivities } from './database/seed/demo-activities';
import { seedDemo } from './database/seed/demo-seed';
import { PinoNestLogger } from './infra/logging/logger';
import { setUpSwagger } from './openapi';

/** Request bodies here are forms and short texts; anything larger is a mistake or an attack. */
const BODY_LIMIT_BYTES = 128 * 1024;

/**
 * Builds the whole app, migrated and seeded, ready to listen. main.ts, the tests and the OpenAPI
 * generator all start it this way, so what they check is what runs.
 */
export interface AppOverrides {
  /** Tests fix the time; everything else uses the system clock. */
  clock?: Clock;
}

export async function createApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    // Only the configured proxies may say who the client is (TRUST_PROXY); by default nobody can.
    trustProxy: config.http.trustProxy.length > 0 ? config.http.trustProxy : false,
    clientErrorHandler: answerClientError,
    // The router answers a garbled or over-long address itself, before Nest: keep the one error shape.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const { status, body } = toErrorReply(error);
      void reply.status(status).headers(BARE_ERROR_HEADERS).send({ ...body, requestId: request.id });
    },
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, overrides.clock), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  // Before Swagger and the H5 files register their routes, so that every response carries the headers.
  registerSecurityHeaders(app);
  registerStrictJsonParser(app);

  const dataSource = app.get(DataSource);
  await runMigrations(dataSource);
  await seedCatalogue(dataSource);
  if (config.seedDemo) {
    const seeded = await seedDemo(dataSource);
    if (seeded.importedRegions || seeded.seededDemo) logger.info(seeded, 'demo data seeded (铁岭市, demo sites and people)');
    const activities = await seedDemoActivities(dataSource, (overrides.clock ?? systemClock).now());
    if (activities > 0) logger.info({ activities }, 'demo activities added for the coming days');
  }

  setUpSwagger(app);
  if (config.h5Dir) {
    await app.register(fastifyStatic, { root: config.h5Dir, prefix: '/', wildcard: false, index: 'index.html' });
  }
  await app.init();
  return app;
}
