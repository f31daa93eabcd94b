import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiPaths, type NearbyPlace, type NearestResponse } from '@wfh/shared';
import { loadConfig } from '../../src/config/config';
import { createApp } from '../../src/bootstrap';
import { createLogger } from '../../src/infra/logging/logger';
import { call } from '../support/test-app';

/** Real seats of 铁岭市's counties and districts, as a woman standing in each would be. */
const SEATS: Array<[county: string, latitude: number, longitude: number]> = [
  ['211202', 42.29, 123.84], // 银州区
  ['211204', 42.546, 124.159], // 清河区
  ['211221', 42.223, 123.728], // 铁岭县
  ['211223', 42.738, 124.727], // 西丰县
  ['211224', 42.785, 124.111], // 昌图县
  ['211281', 42.468, 123.567], // 调兵山市
  ['211282', 42.546, 124.039], // 开原市
];

/** The embedded demo's bodies must sit where their regions are, or "nearest" looks broken. */
describe('the embedded demo places bodies in their own regions', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wfh-demo-places-'));
  let app: Awaited<ReturnType<typeof createApp>>;
  let baseUrl: string;

  beforeAll(async () => {
    app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', H5_DIR: '/nonexistent' }), createLogger('silent'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  const nearest = async (type: 'body' | 'site', latitude: number, longitude: number, k: number): Promise<NearbyPlace[]> => {
    const reply = await call<NearestResponse>(baseUrl, 'GET', `${ApiPaths.nearest}?latitude=${latitude}&longitude=${longitude}&type=${type}&k=${k}`);
    expect(reply.status).toBe(200);
    return reply.body.items;
  };

  it('in the middle of 银州区 the nearest bodies are 银州区 ones, 银州区妇联 among them, none of 铁岭县', async () => {
    const bodies = await nearest('body', 42.29, 123.84, 5);
    expect(bodies[0]).toMatchObject({ isDemo: true, federationId: expect.stringMatching(/^211202/) });
    expect(bodies[0].distanceMetres).toBeLessThan(1000);
    expect(bodies.map((b) => b.federationId.slice(0, 6))).toEqual(Array(5).fill('211202'));
    expect(bodies.map((b) => b.name)).toContain('银州区妇联');
  });

  it.each(SEATS)('at the seat of %s the ten nearest bodies and sites all belong to that county', async (county, latitude, longitude) => {
    const bodies = await nearest('body', latitude, longitude, 10);
    const sites = await nearest('site', latitude, longitude, 10);
    expect(bodies).toHaveLength(10);
    expect(sites).toHaveLength(10);
    expect(new Set([...bodies, ...sites].map((p) => p.federationId.slice(0, 6)))).toEqual(new Set([county]));
  });

  it('standing at any seventh township office, the bodies around her are of her own county and her own township', async () => {
    const townships: Array<{ id: string; latitude: number; longitude: number }> = await app
      .get(DataSource)
      .query(`SELECT id, latitude, longitude FROM federation WHERE level = 'township' ORDER BY id`);
    expect(townships).toHaveLength(106);
    for (const township of townships.filter((_, i) => i % 7 === 0)) {
      const bodies = await nearest('body', Number(township.latitude), Number(township.longitude), 5);
      expect(bodies[0].id).toBe(township.id);
      expect(bodies.map((b) => b.federationId.slice(0, 6))).toEqual(Array(5).fill(township.id.slice(0, 6)));
      const villages = bodies.filter((b) => b.federationId.length === 12);
      expect(villages.every((v) => v.federationId.startsWith(township.id))).toBe(true);
    }
  });
});
