import {
  ApiPaths,
  RoleKind,
  ServiceCategoryKey,
  SiteKind,
  pathOf,
  type AuthTokens,
  type FederationDetail,
  type NearbyPlace,
  type NearestResponse,
  type SiteDetail,
} from '@wfh/shared';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { seedCatalogue } from '../../src/database/seed/catalogue';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { assertBuildIsCurrent, startServerProcess, stopAllServerProcesses, waitUntil, type ServerProcess } from '../support/server-process';
import { TEST_DATABASE_URL } from '../support/services';
import { call, resetData, TEST_WECHAT } from '../support/test-app';

/**
 * 「我的阵地」 across replicas: a chair edits her body and its sites through one built server process;
 * a woman asking the other for the nearest places sees the change straight away, without either
 * process restarting (the places index is patched on every instance through Redis pub/sub).
 */
const SHOWN_WITHIN_MS = 3_000;
const OFFICE = { latitude: 42.2915, longitude: 123.8421 };

describe('a chair keeps her places current through one process; nearest shows it through the other', () => {
  let db: DataSource;
  let wechat: FakeWechat;
  let a: ServerProcess;
  let b: ServerProcess;
  let chair: string;

  const nearestThrough = async (server: ServerProcess, at: { latitude: number; longitude: number }, type: 'body' | 'site') => {
    const reply = await call<NearestResponse>(server.baseUrl, 'GET', `${ApiPaths.nearest}?latitude=${at.latitude}&longitude=${at.longitude}&type=${type}&radiusMetres=2000`);
    expect(reply.status).toBe(200);
    return reply.body.items;
  };
  /** Polls B until `accepts` holds for what nearest answers there, or fails naming `what`. */
  const seenThroughB = (what: string, at: { latitude: number; longitude: number }, type: 'body' | 'site', accepts: (items: NearbyPlace[]) => boolean) =>
    waitUntil(`${what} through B`, SHOWN_WITHIN_MS, async () => {
      const items = await nearestThrough(b, at, type);
      return accepts(items) ? items : null;
    }, 20);

  beforeAll(async () => {
    assertBuildIsCurrent();
    db = createDataSource({ kind: 'mysql', url: TEST_DATABASE_URL });
    await db.initialize();
    await resetData(db);
    await seedCatalogue(db);
    await createTree(db);
    await createPerson(db, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    wechat = await startFakeWechat(TEST_WECHAT);
    [a, b] = await Promise.all([startServerProcess('A', { wechatUrl: wechat.url }), startServerProcess('B', { wechatUrl: wechat.url })]);
    const signedIn = await call<AuthTokens>(a.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'chair' } });
    expect(signedIn.status).toBe(200);
    chair = signedIn.body.accessToken;
  }, 90_000);
  afterAll(async () => {
    await stopAllServerProcesses();
    await wechat?.close();
    await db?.destroy();
  });

  it("her body's office location, phone and address: set, changed and moved through A, shown through B", async () => {
    expect(await nearestThrough(b, OFFICE, 'body')).toEqual([]);

    const set = await call<FederationDetail>(a.baseUrl, 'PATCH', pathOf(ApiPaths.federation, { id: TREE.village }), {
      token: chair,
      body: { ...OFFICE, phone: '0410-1234567', address: '懿路村村委会' },
    });
    expect(set.status).toBe(200);
    const [found] = await seenThroughB('the body at its office', OFFICE, 'body', (items) => items.some((p) => p.id === TREE.village));
    expect(found).toMatchObject({ type: 'body', name: '懿路村妇联', ...OFFICE, phone: '0410-1234567', address: '懿路村村委会', isDemo: false });

    await call(a.baseUrl, 'PATCH', pathOf(ApiPaths.federation, { id: TREE.village }), { token: chair, body: { phone: '13912345678' } });
    await seenThroughB('the new phone', OFFICE, 'body', (items) => items.some((p) => p.id === TREE.village && p.phone === '13912345678'));

    const moved = { latitude: 42.1, longitude: 123.5 };
    await call(a.baseUrl, 'PATCH', pathOf(ApiPaths.federation, { id: TREE.village }), { token: chair, body: moved });
    await seenThroughB('the body at its new place', moved, 'body', (items) => items.some((p) => p.id === TREE.village));
    expect(await nearestThrough(b, OFFICE, 'body')).toEqual([]);
  });

  it('a site added, edited and switched off through A is found, changed and gone through B', async () => {
    const here = { latitude: 42.3, longitude: 123.9 };
    const created = await call<SiteDetail>(a.baseUrl, 'POST', pathOf(ApiPaths.federationSites, { id: TREE.village }), {
      token: chair,
      body: {
        kind: SiteKind.WomensHome,
        name: '懿路村妇女之家',
        address: '懿路村村委会一楼',
        ...here,
        phone: '0410-1234567',
        openingHours: [{ weekday: 1, opens: '08:30', closes: '17:00' }],
        services: [ServiceCategoryKey.LegalAid],
      },
    });
    expect(created.status).toBe(201);
    await seenThroughB('the new site', here, 'site', (items) => items.some((p) => p.id === created.body.id));

    const edited = await call<SiteDetail>(a.baseUrl, 'PATCH', pathOf(ApiPaths.site, { id: created.body.id }), {
      token: chair,
      body: { name: '懿路村妇女之家（新址）', phone: '024-87650000', services: [ServiceCategoryKey.LegalAid, ServiceCategoryKey.Counselling] },
    });
    expect(edited.status).toBe(200);
    const [site] = await seenThroughB('the edited site', here, 'site', (items) => items.some((p) => p.name === '懿路村妇女之家（新址）'));
    expect(site).toMatchObject({ phone: '024-87650000', services: [ServiceCategoryKey.LegalAid, ServiceCategoryKey.Counselling] });

    const off = await call<SiteDetail>(a.baseUrl, 'PATCH', pathOf(ApiPaths.site, { id: created.body.id }), { token: chair, body: { active: false } });
    expect(off.status).toBe(200);
    await seenThroughB('the switched-off site gone', here, 'site', (items) => !items.some((p) => p.id === created.body.id));
  });
});
