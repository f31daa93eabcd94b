import {
  ApiPaths,
  ErrorCode,
  RoleKind,
  ServiceCategoryKey,
  SiteKind,
  distanceMetres,
  pathOf,
  type NearestResponse,
  type RegionDetail,
  type RegionNode,
  type FederationDetail,
  type SearchResponse,
  type SiteDetail,
  type SiteSummary,
} from '@wfh/shared';
import { PlacesIndex } from '../../src/modules/places/places-index';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { expectApiError, expectFieldErrors, signInAs } from '../support/api-expect';
import type { ApiReply } from '../support/test-app';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai: an ordinary working morning. */
const TUESDAY_10AM = new Date('2026-12-01T02:00:00Z');
const refused = (reply: ApiReply, fields: string[]) => expectFieldErrors(reply, 400, ErrorCode.ValidationFailed, fields);
const OFFICE_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:00' }));

const siteInput = (overrides: Record<string, unknown> = {}) => ({
  kind: SiteKind.WomensHome,
  name: '懿路村妇女之家',
  address: '铁岭县新台子镇懿路村村委会一楼',
  latitude: 42.101,
  longitude: 123.501,
  phone: '024-87650000',
  openingHours: OFFICE_HOURS,
  services: [ServiceCategoryKey.LegalAid, ServiceCategoryKey.FamilyEducation],
  chairPublicName: '张主席',
  ...overrides,
});

describe('finding places over HTTP', () => {
  let t: TestApp;
  let chair: string;
  let siblingChair: string;
  let admin: string;
  let woman: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock: { now: () => TUESDAY_10AM } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    await createTree(t.dataSource);
    await t.app.get(PlacesIndex).rebuild();
    await createPerson(t.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    await createPerson(t.dataSource, { key: 'sibling-chair', role: { role: RoleKind.Chair, federationId: TREE.siblingVillage } });
    await createPerson(t.dataSource, { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } });
    await createPerson(t.dataSource, { key: 'woman', home: TREE.village });
    [chair, siblingChair, admin, woman] = await Promise.all(
      ['chair', 'sibling-chair', 'admin', 'woman'].map(async (k) => (await signInAs(t.baseUrl, k)).accessToken),
    );
  });

  const addSite = async (token: string, federationId: string, overrides: Record<string, unknown> = {}) =>
    call<SiteDetail>(t.baseUrl, 'POST', pathOf(ApiPaths.federationSites, { id: federationId }), { token, body: siteInput(overrides) });

  const nearest = async (query: Record<string, string | number | boolean>) => {
    await t.app.get(PlacesIndex).settled();
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
    return call<NearestResponse>(t.baseUrl, 'GET', `${ApiPaths.nearest}?${qs}`);
  };

  describe('sites', () => {
    it('a chair adds a site to her own body; women find it nearest, open now, with distance', async () => {
      const created = await addSite(chair, TREE.village);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: '懿路村妇女之家', federationName: '懿路村妇联', openNow: true, active: true, isDemo: false });

      const reply = await nearest({ latitude: 42.1, longitude: 123.5 });
      expect(reply.status).toBe(200);
      expect(reply.body.items).toEqual([
        expect.objectContaining({ type: 'site', id: created.body.id, name: '懿路村妇女之家', openNow: true, distanceMetres: Math.round(distanceMetres({ latitude: 42.1, longitude: 123.5 }, { latitude: 42.101, longitude: 123.501 })) }),
      ]);

      const detail = await call<SiteDetail>(t.baseUrl, 'GET', pathOf(ApiPaths.site, { id: created.body.id }));
      expect(detail.body).toMatchObject({ phone: '024-87650000', openingHours: OFFICE_HOURS, chairPublicName: '张主席' });
    });

    it.each([
      ['the chair of a sibling village', 'sibling-chair', 403],
      ['a woman', 'woman', 403],
      ['the county admin', 'admin', 201],
    ])('adding a site to a village: %s → %s', async (_, who, status) => {
      const token = { chair, 'sibling-chair': siblingChair, admin, woman }[who]!;
      const reply = await addSite(token, TREE.village);
      expect(reply.status).toBe(status);
      if (status === 403) {
        expectApiError(reply, 403, ErrorCode.Forbidden);
        expect((await nearest({ latitude: 42.1, longitude: 123.5 })).body.items).toEqual([]);
      }
    });

    it('without a token adding a site is 401, and to an unknown body 404', async () => {
      expectApiError(await call(t.baseUrl, 'POST', pathOf(ApiPaths.federationSites, { id: TREE.village }), { body: siteInput() }), 401, ErrorCode.Unauthenticated);
      expectApiError(await addSite(admin, '211221101299'), 404, ErrorCode.FederationNotFound);
    });

    it('a switched-off site disappears for women at once, and stays visible to its managers', async () => {
      const { body: site } = await addSite(chair, TREE.village);
      const off = await call<SiteDetail>(t.baseUrl, 'PATCH', pathOf(ApiPaths.site, { id: site.id }), { token: chair, body: { active: false } });
      expect(off.body.active).toBe(false);
      expect((await nearest({ latitude: 42.1, longitude: 123.5 })).body.items).toEqual([]);
      expectApiError(await call(t.baseUrl, 'GET', pathOf(ApiPaths.site, { id: site.id })), 404, ErrorCode.SiteNotFound);
      expectApiError(await call(t.baseUrl, 'GET', pathOf(ApiPaths.site, { id: site.id }), { token: woman }), 404, ErrorCode.SiteNotFound);
      expect((await call(t.baseUrl, 'GET', pathOf(ApiPaths.site, { id: site.id }), { token: chair })).status).toBe(200);
      expect((await call(t.baseUrl, 'GET', pathOf(ApiPaths.federationSites, { id: TREE.village }))).body).toEqual([]);
      expectApiError(
        await call(t.baseUrl, 'PATCH', pathOf(ApiPaths.site, { id: site.id }), { token: siblingChair, body: { active: true } }),
        403,
        ErrorCode.Forbidden,
      );
    });

    it('refuses hours no place keeps and names the field; nothing is stored', async () => {
      refused(await addSite(chair, TREE.village, { openingHours: [{ weekday: 1, opens: '09:00', closes: '09:00' }] }), ['openingHours.0.closes']);
      refused(await addSite(chair, TREE.village, { openingHours: [{ weekday: 7, opens: '25:00', closes: '9' }] }), [
        'openingHours.0.weekday',
        'openingHours.0.opens',
        'openingHours.0.closes',
      ]);
      refused(await addSite(chair, TREE.village, { openingExceptions: [{ date: '2026-10-02', closed: false }] }), ['openingExceptions.0']);
      refused(await addSite(chair, TREE.village, { latitude: 91, services: ['massage'], kind: 'shop' }), ['latitude', 'services', 'kind']);
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM site');
      expect(Number(n)).toBe(0);
    });

    it('open now follows exceptions: closed today means not open, and the openNow filter leaves it out', async () => {
      await addSite(chair, TREE.village, { openingExceptions: [{ date: '2026-12-01', closed: true }] });
      await addSite(chair, TREE.village, { name: '懿路村妇女微家', kind: SiteKind.WomensMicroHome, latitude: 42.11 });
      const all = await nearest({ latitude: 42.1, longitude: 123.5 });
      expect(all.body.items.map((p) => [p.name, p.openNow])).toEqual([
        ['懿路村妇女之家', false],
        ['懿路村妇女微家', true],
      ]);
      const open = await nearest({ latitude: 42.1, longitude: 123.5, openNow: true });
      expect(open.body.items.map((p) => p.name)).toEqual(['懿路村妇女微家']);
      const micro = await nearest({ latitude: 42.1, longitude: 123.5, kind: SiteKind.WomensMicroHome });
      expect(micro.body.items.map((p) => p.name)).toEqual(['懿路村妇女微家']);
    });

    it('bodies with an office location are found too, and demo-marked places never in production mode', async () => {
      await t.dataSource.query('UPDATE federation SET latitude = 42.2, longitude = 123.6 WHERE id = ?', [TREE.township]);
      await t.dataSource.query('UPDATE federation SET latitude = 42.1, longitude = 123.5, location_is_demo = 1 WHERE id = ?', [TREE.village]);
      await t.dataSource.query(
        `INSERT INTO site (id, federation_id, kind, name, address, latitude, longitude, opening_hours, services, active, is_demo)
         VALUES ('demo-site', ?, 'womens_home', '演示妇女之家', '某地', 42.1, 123.5, '[]', '[]', 1, 1)`,
        [TREE.village],
      );
      await t.app.get(PlacesIndex).rebuild();
      const reply = await nearest({ latitude: 42.1, longitude: 123.5 });
      expect(reply.body.items).toEqual([expect.objectContaining({ type: 'body', id: TREE.township, name: '新台子镇妇联', level: 'township' })]);
      expectApiError(await call(t.baseUrl, 'GET', pathOf(ApiPaths.site, { id: 'demo-site' })), 404, ErrorCode.SiteNotFound);
    });
  });

  describe('a chair keeps her places current', () => {
    const editBody = (token: string, body: Record<string, unknown>, id: string = TREE.village) =>
      call<FederationDetail>(t.baseUrl, 'PATCH', pathOf(ApiPaths.federation, { id }), { token, body });
    const bodiesNear = async (latitude: number, longitude: number) =>
      (await nearest({ latitude, longitude, type: 'body', radiusMetres: 2000 })).body.items.filter((p) => p.id === TREE.village);

    it('she sets the office location with the contact details; nearest finds the body there at once', async () => {
      const reply = await editBody(chair, { latitude: 42.2915, longitude: 123.8421, phone: '0410-1234567', address: '懿路村村委会' });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ latitude: 42.2915, longitude: 123.8421, locationIsDemo: false, phone: '0410-1234567' });
      expect(await bodiesNear(42.29, 123.84)).toEqual([
        expect.objectContaining({ type: 'body', name: '懿路村妇联', latitude: 42.2915, longitude: 123.8421, phone: '0410-1234567', address: '懿路村村委会' }),
      ]);

      // A new phone alone keeps the place where it was; a move takes it away from the old spot.
      await editBody(chair, { phone: '13912345678' });
      expect((await bodiesNear(42.29, 123.84)).map((p) => p.phone)).toEqual(['13912345678']);
      await editBody(chair, { latitude: 42.1, longitude: 123.5 });
      expect(await bodiesNear(42.29, 123.84)).toEqual([]);
      expect((await bodiesNear(42.1, 123.5)).map((p) => [p.latitude, p.phone])).toEqual([[42.1, '13912345678']]);
    });

    it('a location she sets is real: the demo mark goes; null for both clears it and nearest forgets the body', async () => {
      await t.dataSource.query('UPDATE federation SET latitude = 40, longitude = 120, location_is_demo = 1 WHERE id = ?', [TREE.village]);
      await t.app.get(PlacesIndex).rebuild();
      expect(await bodiesNear(40, 120)).toEqual([]);

      expect((await editBody(chair, { latitude: 42.2, longitude: 123.7 })).body.locationIsDemo).toBe(false);
      expect(await bodiesNear(42.2, 123.7)).toHaveLength(1);

      const cleared = await editBody(chair, { latitude: null, longitude: null });
      expect(cleared.body).toMatchObject({ latitude: null, longitude: null, locationIsDemo: false });
      expect(await bodiesNear(42.2, 123.7)).toEqual([]);
    });

    it('refuses half a location, or one outside China, naming the field; nothing changes', async () => {
      await editBody(chair, { latitude: 42.2, longitude: 123.7 });
      refused(await editBody(chair, { latitude: 42.3 }), ['longitude']);
      refused(await editBody(chair, { latitude: null, longitude: 123.7 }), ['latitude']);
      refused(await editBody(chair, { latitude: 51.5, longitude: -0.12, phone: '0410-7654321' }), ['latitude']);
      refused(await editBody(chair, { phone: '请打村委会' }), ['phone']);
      const now = await call<FederationDetail>(t.baseUrl, 'GET', pathOf(ApiPaths.federation, { id: TREE.village }));
      expect(now.body).toMatchObject({ latitude: 42.2, longitude: 123.7, phone: null });
    });

    it('the location follows who may edit the profile: not the chair of the village next door', async () => {
      expectApiError(await editBody(siblingChair, { latitude: 42.2, longitude: 123.7 }), 403, ErrorCode.Forbidden);
      expect(await bodiesNear(42.2, 123.7)).toEqual([]);
    });

    it('her own list has the switched-off sites too; women and other chairs may not read it', async () => {
      const open = (await addSite(chair, TREE.village)).body;
      const paused = (await addSite(chair, TREE.village, { name: '懿路村妇女微家', kind: SiteKind.WomensMicroHome })).body;
      await call(t.baseUrl, 'PATCH', pathOf(ApiPaths.site, { id: paused.id }), { token: chair, body: { active: false } });
      const managed = pathOf(ApiPaths.federationManagedSites, { id: TREE.village });

      const mine = await call<SiteSummary[]>(t.baseUrl, 'GET', managed, { token: chair });
      expect(mine.body.map((site) => [site.id, site.active])).toEqual([
        [open.id, true],
        [paused.id, false],
      ]);
      expectApiError(await call(t.baseUrl, 'GET', managed, { token: siblingChair }), 403, ErrorCode.Forbidden);
      expectApiError(await call(t.baseUrl, 'GET', managed, { token: woman }), 403, ErrorCode.Forbidden);
      expectApiError(await call(t.baseUrl, 'GET', managed), 401, ErrorCode.Unauthenticated);

      const back = await call<SiteDetail>(t.baseUrl, 'PATCH', pathOf(ApiPaths.site, { id: paused.id }), { token: chair, body: { active: true } });
      expect(back.body.active).toBe(true);
      expect((await nearest({ latitude: 42.1, longitude: 123.5, type: 'site' })).body.items.map((p) => p.name).sort()).toEqual(['懿路村妇女之家', '懿路村妇女微家']);
    });

    it('a site keeps a landline as typed, and may not be put outside China', async () => {
      const created = await addSite(chair, TREE.village, { phone: '0410-1234567' });
      expect(created.body.phone).toBe('0410-1234567');
      refused(await addSite(chair, TREE.village, { latitude: 48.85, longitude: 2.35 }), ['latitude']);
      refused(await call(t.baseUrl, 'PATCH', pathOf(ApiPaths.site, { id: created.body.id }), { token: chair, body: { longitude: 2.35 } }), ['latitude']);
      expect((await call<SiteDetail>(t.baseUrl, 'GET', pathOf(ApiPaths.site, { id: created.body.id }))).body.longitude).toBe(123.501);
    });
  });

  describe('bad input to nearest', () => {
    it.each([
      [{ latitude: 91, longitude: 123 }, ['latitude']],
      [{ latitude: 'north', longitude: 123 }, ['latitude']],
      [{ longitude: 123 }, ['latitude']],
      [{ latitude: 42, longitude: 181 }, ['longitude']],
      [{ latitude: 42, longitude: 123, k: 0 }, ['k']],
      [{ latitude: 42, longitude: 123, k: 51 }, ['k']],
      [{ latitude: 42, longitude: 123, k: 2.5 }, ['k']],
      [{ latitude: 42, longitude: 123, kind: 'shop' }, ['kind']],
      [{ latitude: 42, longitude: 123, service: 'massage' }, ['service']],
      [{ latitude: 42, longitude: 123, openNow: 'maybe' }, ['openNow']],
      [{ latitude: 42, longitude: 123, radiusMetres: 600000 }, ['radiusMetres']],
      [{ latitude: 42, longitude: 123, colour: 'red' }, ['colour']],
    ])('%j → 400 naming %j', async (query, fields) => {
      const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
      refused(await call(t.baseUrl, 'GET', `${ApiPaths.nearest}?${qs}`), fields);
    });
  });

  describe('without location: the region tree and search', () => {
    it('walks the tree from the provinces down, with breadcrumbs', async () => {
      const provinces = await call<RegionNode[]>(t.baseUrl, 'GET', ApiPaths.regions);
      expect(provinces.body).toEqual([{ code: '21', name: '辽宁省', level: 'province', hasChildren: true }]);
      const townships = await call<RegionNode[]>(t.baseUrl, 'GET', pathOf(ApiPaths.regionChildren, { code: TREE.county }));
      expect(townships.body.map((r) => r.name)).toEqual(['新台子镇', '阿吉镇']);
      const villages = await call<RegionNode[]>(t.baseUrl, 'GET', pathOf(ApiPaths.regionChildren, { code: TREE.township }));
      expect(villages.body).toEqual([
        { code: TREE.village, name: '懿路村', level: 'village', hasChildren: false },
        { code: TREE.siblingVillage, name: '东孤家子村', level: 'village', hasChildren: false },
      ]);
      const detail = await call<RegionDetail>(t.baseUrl, 'GET', pathOf(ApiPaths.region, { code: TREE.village }));
      expect(detail.body.breadcrumb.map((r) => r.name)).toEqual(['辽宁省', '铁岭市', '铁岭县', '新台子镇']);
      expectApiError(await call(t.baseUrl, 'GET', pathOf(ApiPaths.region, { code: '219999' })), 404, ErrorCode.RegionNotFound);
      expectApiError(await call(t.baseUrl, 'GET', pathOf(ApiPaths.regionChildren, { code: 'x' })), 404, ErrorCode.RegionNotFound);
    });

    it('finds bodies and sites by part of their name, with the full path', async () => {
      await addSite(chair, TREE.village);
      await t.app.get(PlacesIndex).settled();
      const reply = await call<SearchResponse>(t.baseUrl, 'GET', `${ApiPaths.search}?q=${encodeURIComponent('懿路')}`);
      expect(reply.body.items).toEqual([
        expect.objectContaining({ type: 'body', id: TREE.village, name: '懿路村妇联', path: '辽宁省 › 铁岭市 › 铁岭县 › 新台子镇' }),
        expect.objectContaining({ type: 'site', name: '懿路村妇女之家', path: '辽宁省 › 铁岭市 › 铁岭县 › 新台子镇 › 懿路村' }),
      ]);
      refused(await call(t.baseUrl, 'GET', `${ApiPaths.search}?q=`), ['q']);
      refused(await call(t.baseUrl, 'GET', `${ApiPaths.search}?q=${'字'.repeat(21)}`), ['q']);
    });

    it('she confirms her village and the server remembers it', async () => {
      const set = await call(t.baseUrl, 'PUT', ApiPaths.meHome, { token: woman, body: { federationId: TREE.siblingVillage } });
      expect(set.status).toBe(200);
      const me = await call(t.baseUrl, 'GET', ApiPaths.me, { token: woman });
      expect(me.body.home.name).toBe('东孤家子村妇联');
    });
  });
});
