import { ApiPaths, RoleKind, ServiceCategoryKey, SiteKind, pathOf, type NearestResponse } from '@wfh/shared';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { signInAs } from '../support/api-expect';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** Two server processes' worth of app on one MariaDB and one Redis, as in a scaled-out deployment. */
describe('the places index across two instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(), startTestApp()]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  async function foundThrough(app: TestApp, name: string, withinMs: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < withinMs) {
      const reply = await call<NearestResponse>(app.baseUrl, 'GET', `${ApiPaths.nearest}?latitude=42.1&longitude=123.5&type=site`);
      if (reply.body.items.some((p) => p.name === name)) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`${name} was not found through the other instance within ${withinMs} ms`);
  }

  async function goneThrough(app: TestApp, name: string, withinMs: number): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < withinMs) {
      const reply = await call<NearestResponse>(app.baseUrl, 'GET', `${ApiPaths.nearest}?latitude=42.1&longitude=123.5&type=site`);
      if (!reply.body.items.some((p) => p.name === name)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`${name} was still shown by the other instance after ${withinMs} ms`);
  }

  it('a site added on one instance is found through the other within a second, and its removal too', async () => {
    await a.reset();
    await createTree(a.dataSource);
    await createPerson(a.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    const { accessToken } = await signInAs(a.baseUrl, 'chair');

    const created = await call(a.baseUrl, 'POST', pathOf(ApiPaths.federationSites, { id: TREE.village }), {
      token: accessToken,
      body: {
        kind: SiteKind.WomensMicroHome,
        name: '懿路村第二妇女微家',
        address: '懿路村二组',
        latitude: 42.1005,
        longitude: 123.5005,
        openingHours: [],
        services: [ServiceCategoryKey.Counselling],
      },
    });
    expect(created.status).toBe(201);
    expect(await foundThrough(b, '懿路村第二妇女微家', 1000)).toBeLessThan(1000);

    const off = await call(a.baseUrl, 'PATCH', pathOf(ApiPaths.site, { id: created.body.id }), { token: accessToken, body: { active: false } });
    expect(off.status).toBe(200);
    await goneThrough(b, '懿路村第二妇女微家', 1000);
  });
});
