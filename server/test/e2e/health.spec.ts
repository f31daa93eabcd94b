import { HealthPaths } from '@wfh/shared';
import { call, startTestApp, type TestApp } from '../support/test-app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('liveness answers without touching any dependency', async () => {
    const reply = await call(t.baseUrl, 'GET', HealthPaths.live);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
  });

  it('readiness reports MySQL and Redis in production mode', async () => {
    const reply = await call(t.baseUrl, 'GET', HealthPaths.ready);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok', mode: 'production', checks: { database: { ok: true }, redis: { ok: true } } });
  });

  it('serves Swagger UI at /docs and the OpenAPI document beside it', async () => {
    const ui = await call(t.baseUrl, 'GET', '/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger-ui');
    const doc = await call(t.baseUrl, 'GET', '/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toContain('/api/v1/me');
  });
});
