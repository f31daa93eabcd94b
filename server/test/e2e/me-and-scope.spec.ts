import { randomUUID } from 'node:crypto';
import {
  ApiPaths,
  can,
  ErrorCode,
  Permission,
  pathOf,
  RoleKind,
  ServiceCategoryKey,
  SiteKind,
  type BodyMember,
  type FederationDetail,
  type MeResponse,
  type SiteSummary,
} from '@wfh/shared';
import { SiteEntity } from '../../src/modules/sites/site.entity';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { expectApiError, expectFieldErrors, signInAs } from '../support/api-expect';
import { call, startTestApp, type TestApp } from '../support/test-app';

const OLD_PHONE = '024-00000000';
const NEW_PHONE = '024-12345678';

const federation = (id: string) => pathOf(ApiPaths.federation, { id });
const members = (id: string) => pathOf(ApiPaths.federationMembers, { id });
const sites = (id: string) => pathOf(ApiPaths.federationSites, { id });

describe('me, home and role scope over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    await createTree(t.dataSource);
    await t.dataSource.query('UPDATE federation SET phone = ?', [OLD_PHONE]);
  });
  afterAll(() => t.close());

  const me = (token?: string) => call<MeResponse>(t.baseUrl, 'GET', ApiPaths.me, { token });
  const setHome = (token: string | undefined, body: unknown) => call<MeResponse>(t.baseUrl, 'PUT', ApiPaths.meHome, { token, body });

  describe('GET /me', () => {
    it('shows her home body with its parents, province first', async () => {
      const woman = await createPerson(t.dataSource, { key: 'woman', displayName: '王阿姨', home: TREE.village });
      const { accessToken } = await signInAs(t.baseUrl, 'woman');

      const reply = await me(accessToken);

      expect(reply.status).toBe(200);
      expect(reply.body.user).toEqual({ id: woman.id, displayName: '王阿姨', nameListed: false, homeFederationId: TREE.village, isDemo: true });
      expect(reply.body.roles).toEqual([]);
      expect(reply.body.home).toEqual({
        id: TREE.village,
        name: '懿路村妇联',
        level: 'village',
        regionName: '懿路村',
        active: true,
        parentId: TREE.township,
        breadcrumb: [
          { id: TREE.province, name: '辽宁省妇联', level: 'province', regionName: '辽宁省', active: true },
          { id: TREE.city, name: '铁岭市妇联', level: 'city', regionName: '铁岭市', active: true },
          { id: TREE.county, name: '铁岭县妇联', level: 'county', regionName: '铁岭县', active: true },
          { id: TREE.township, name: '新台子镇妇联', level: 'township', regionName: '新台子镇', active: true },
        ],
        address: null,
        phone: OLD_PHONE,
        officeHours: null,
        latitude: null,
        longitude: null,
        locationIsDemo: false,
      });
    });

    it('lists her roles with the body names; before choosing a home, home is null', async () => {
      await createPerson(t.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
      const { accessToken } = await signInAs(t.baseUrl, 'chair');

      const reply = await me(accessToken);

      expect(reply.status).toBe(200);
      expect(reply.body.roles).toEqual([{ role: RoleKind.Chair, federationId: TREE.village, federationName: '懿路村妇联' }]);
      expect(reply.body.home).toBeNull();
    });

    it('a revoked role disappears at once, with the same token', async () => {
      const chair = await createPerson(t.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
      const { accessToken } = await signInAs(t.baseUrl, 'chair');
      expect((await call(t.baseUrl, 'GET', members(TREE.village), { token: accessToken })).status).toBe(200);

      await t.dataSource.query('UPDATE role_assignment SET revoked_at = ? WHERE user_id = ?', [new Date(), chair.id]);

      expect((await me(accessToken)).body.roles).toEqual([]);
      expectApiError(await call(t.baseUrl, 'GET', members(TREE.village), { token: accessToken }), 403, ErrorCode.Forbidden);
    });
  });

  describe('PUT /me/home', () => {
    let token: string;
    beforeEach(async () => {
      await createPerson(t.dataSource, { key: 'woman', home: TREE.village });
      token = (await signInAs(t.baseUrl, 'woman')).accessToken;
    });

    const homeNow = async () => (await me(token)).body.home?.id ?? null;

    it('a village id → 200 and /me shows the new home from then on', async () => {
      const reply = await setHome(token, { federationId: TREE.siblingVillage });

      expect(reply.status).toBe(200);
      expect(reply.body.user.homeFederationId).toBe(TREE.siblingVillage);
      expect(reply.body.home?.name).toBe('东孤家子村妇联');
      expect(reply.body.home?.breadcrumb.map((b) => b.name)).toEqual(['辽宁省妇联', '铁岭市妇联', '铁岭县妇联', '新台子镇妇联']);
      const after = await me(token);
      expect(after.body.user.homeFederationId).toBe(TREE.siblingVillage);
      expect(after.body.home?.id).toBe(TREE.siblingVillage);
    });

    it('a village of another township works too', async () => {
      const reply = await setHome(token, { federationId: TREE.otherTownshipVillage });

      expect(reply.status).toBe(200);
      expect(reply.body.home?.breadcrumb.map((b) => b.name)).toEqual(['辽宁省妇联', '铁岭市妇联', '铁岭县妇联', '阿吉镇妇联']);
    });

    it('a township id (9 digits) → 400 VALIDATION_FAILED naming federationId, home unchanged', async () => {
      expectFieldErrors(await setHome(token, { federationId: TREE.township }), 400, ErrorCode.ValidationFailed, ['federationId']);
      expect(await homeNow()).toBe(TREE.village);
    });

    it('missing federationId → 400 VALIDATION_FAILED naming federationId', async () => {
      expectFieldErrors(await setHome(token, {}), 400, ErrorCode.ValidationFailed, ['federationId']);
    });

    it('an unknown 12-digit id → 404 FEDERATION_NOT_FOUND, home unchanged', async () => {
      expectApiError(await setHome(token, { federationId: '211221101299' }), 404, ErrorCode.FederationNotFound);
      expect(await homeNow()).toBe(TREE.village);
    });

    it('an inactive village → 400 FEDERATION_INACTIVE naming federationId, home unchanged', async () => {
      await t.dataSource.query('UPDATE federation SET active = 0 WHERE id = ?', [TREE.siblingVillage]);

      const reply = await setHome(token, { federationId: TREE.siblingVillage });

      expectFieldErrors(reply, 400, ErrorCode.FederationInactive, ['federationId']);
      expect(await homeNow()).toBe(TREE.village);
    });

    it('without a token → 401 UNAUTHENTICATED', async () => {
      expectApiError(await setHome(undefined, { federationId: TREE.siblingVillage }), 401, ErrorCode.Unauthenticated);
    });
  });

  describe('role scope: members and profile edits', () => {
    type Who =
      | 'woman'
      | 'village chair'
      | 'village deputy'
      | 'sibling village chair'
      | 'township staff'
      | 'other township staff'
      | 'county admin'
      | 'other county admin'
      | 'no token';

    const ROLE_OF: Record<Exclude<Who, 'no token'>, { role: RoleKind; federationId: string } | undefined> = {
      woman: undefined,
      'village chair': { role: RoleKind.Chair, federationId: TREE.village },
      'village deputy': { role: RoleKind.Deputy, federationId: TREE.village },
      'sibling village chair': { role: RoleKind.Chair, federationId: TREE.siblingVillage },
      'township staff': { role: RoleKind.Staff, federationId: TREE.township },
      'other township staff': { role: RoleKind.Staff, federationId: TREE.otherTownship },
      'county admin': { role: RoleKind.Admin, federationId: TREE.county },
      'other county admin': { role: RoleKind.Admin, federationId: TREE.otherCounty },
    };
    const NAME_OF: Record<keyof typeof ROLE_OF, string> = {
      woman: '村民王阿姨',
      'village chair': '懿路村李主席',
      'village deputy': '懿路村赵副主席',
      'sibling village chair': '东孤家子村刘主席',
      'township staff': '新台子镇孙干事',
      'other township staff': '阿吉镇周干事',
      'county admin': '铁岭县吴管理员',
      'other county admin': '西丰县郑管理员',
    };

    /** Who may see a body's work and edit its profile: the same for both permissions here. */
    const EXPECTED: Record<Who, { village: number; township: number }> = {
      woman: { village: 403, township: 403 },
      'village chair': { village: 200, township: 403 },
      'village deputy': { village: 200, township: 403 },
      'sibling village chair': { village: 403, township: 403 },
      'township staff': { village: 200, township: 200 },
      'other township staff': { village: 403, township: 403 },
      'county admin': { village: 200, township: 200 },
      'other county admin': { village: 403, township: 403 },
      'no token': { village: 401, township: 401 },
    };
    const TARGET = { village: TREE.village, township: TREE.township } as const;
    const CASES = (Object.keys(EXPECTED) as Who[]).flatMap((who) =>
      (['village', 'township'] as const).map((target) => ({ who, target, status: EXPECTED[who][target] })),
    );

    let people: Record<keyof typeof ROLE_OF, UserEntity>;
    beforeEach(async () => {
      people = {} as typeof people;
      for (const who of Object.keys(ROLE_OF) as Array<keyof typeof ROLE_OF>) {
        people[who] = await createPerson(t.dataSource, {
          key: `p${Object.keys(ROLE_OF).indexOf(who)}`,
          displayName: NAME_OF[who],
          home: TREE.village,
          role: ROLE_OF[who],
        });
      }
    });

    const tokenOf = async (who: Who): Promise<string | undefined> =>
      who === 'no token' ? undefined : (await signInAs(t.baseUrl, people[who].demoKey!)).accessToken;

    const expectRefusal = (reply: Parameters<typeof expectApiError>[0], status: number) =>
      expectApiError(reply, status, status === 401 ? ErrorCode.Unauthenticated : ErrorCode.Forbidden);

    it('the table agrees with the shared can() rules', () => {
      for (const { who, target, status } of CASES) {
        if (who === 'no token') continue;
        const role = ROLE_OF[who];
        const actor = { userId: 'x', grants: role ? [role] : [] };
        for (const permission of [Permission.ViewBodyWork, Permission.EditBodyProfile]) {
          expect({ who, target, permission, allowed: can(actor, permission, TARGET[target]) }).toEqual({
            who,
            target,
            permission,
            allowed: status === 200,
          });
        }
      }
    });

    it.each(CASES)('GET members of the $target body as $who → $status', async ({ who, target, status }) => {
      const reply = await call<BodyMember[]>(t.baseUrl, 'GET', members(TARGET[target]), { token: await tokenOf(who) });

      if (status !== 200) {
        expectRefusal(reply, status);
        expect(JSON.stringify(reply.body)).not.toContain(NAME_OF['village chair']);
        return;
      }
      expect(reply.status).toBe(200);
      const heldHere = target === 'village' ? (['village chair', 'village deputy'] as const) : (['township staff'] as const);
      expect(reply.body).toEqual(
        heldHere.map((holder) => ({
          userId: people[holder].id,
          displayName: NAME_OF[holder],
          role: ROLE_OF[holder]!.role,
          since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        })),
      );
      for (const member of reply.body) expect(Math.abs(Date.parse(member.since) - Date.now())).toBeLessThan(60_000);
    });

    it.each(CASES)('PATCH the $target body phone as $who → $status', async ({ who, target, status }) => {
      const id = TARGET[target];
      const reply = await call<FederationDetail>(t.baseUrl, 'PATCH', federation(id), { token: await tokenOf(who), body: { phone: NEW_PHONE } });

      if (status === 200) {
        expect(reply.status).toBe(200);
        expect(reply.body).toMatchObject({ id, phone: NEW_PHONE, address: null, officeHours: null });
      } else {
        expectRefusal(reply, status);
      }
      const reread = await call<FederationDetail>(t.baseUrl, 'GET', federation(id));
      expect(reread.status).toBe(200);
      expect(reread.body.phone).toBe(status === 200 ? NEW_PHONE : OLD_PHONE);
    });

    it('an edit changes only the fields sent, and only that body', async () => {
      const token = await tokenOf('township staff');

      const reply = await call<FederationDetail>(t.baseUrl, 'PATCH', federation(TREE.village), {
        token,
        body: { address: '新台子镇懿路村村委会', officeHours: '周一至周五 8:30-17:00' },
      });

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ phone: OLD_PHONE, address: '新台子镇懿路村村委会', officeHours: '周一至周五 8:30-17:00' });
      const sibling = await call<FederationDetail>(t.baseUrl, 'GET', federation(TREE.siblingVillage));
      expect(sibling.body).toMatchObject({ phone: OLD_PHONE, address: null, officeHours: null });
    });

    it('an empty edit changes nothing and answers the unchanged profile', async () => {
      const token = await tokenOf('village chair');

      const reply = await call<FederationDetail>(t.baseUrl, 'PATCH', federation(TREE.village), { token, body: {} });

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id: TREE.village, phone: OLD_PHONE, address: null, officeHours: null });
    });

    it('members or edits of an unknown body → 404 FEDERATION_NOT_FOUND, even for an admin', async () => {
      const token = await tokenOf('county admin');

      expectApiError(await call(t.baseUrl, 'GET', members('211221101299'), { token }), 404, ErrorCode.FederationNotFound);
      expectApiError(
        await call(t.baseUrl, 'PATCH', federation('211221101299'), { token, body: { phone: NEW_PHONE } }),
        404,
        ErrorCode.FederationNotFound,
      );
    });
  });

  describe('public body pages', () => {
    it('GET a body works without a token and shows its parents, province first', async () => {
      const reply = await call<FederationDetail>(t.baseUrl, 'GET', federation(TREE.township));

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id: TREE.township, name: '新台子镇妇联', level: 'township', parentId: TREE.county, phone: OLD_PHONE });
      expect(reply.body.breadcrumb.map((b) => b.id)).toEqual([TREE.province, TREE.city, TREE.county]);
    });

    it('the province has no parents', async () => {
      const reply = await call<FederationDetail>(t.baseUrl, 'GET', federation(TREE.province));

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id: TREE.province, name: '辽宁省妇联', parentId: null, breadcrumb: [] });
    });

    it.each(['211221101299', '211221199', '99', 'abc'])('unknown id %s → 404 FEDERATION_NOT_FOUND', async (id) => {
      expectApiError(await call(t.baseUrl, 'GET', federation(id)), 404, ErrorCode.FederationNotFound);
    });

    describe('sites', () => {
      const site = (overrides: Partial<SiteEntity>): Partial<SiteEntity> => ({
        id: randomUUID(),
        federationId: TREE.village,
        kind: SiteKind.WomensHome,
        name: '懿路村妇女之家',
        address: '新台子镇懿路村村委会院内',
        latitude: 42.1,
        longitude: 123.7,
        phone: '024-87654321',
        openingHours: [{ weekday: 1, opens: '08:30', closes: '17:00' }],
        services: [ServiceCategoryKey.LegalAid],
        chairPublicName: '李主席',
        photoUrl: null,
        active: true,
        isDemo: false,
        ...overrides,
      });

      it('lists the active sites of a body without a token; demo sites never show in production mode', async () => {
        const shownId = randomUUID();
        // One insert per row: a multi-row insert lets TypeORM write re-read keys back into the wrong objects.
        for (const row of [
          site({ id: shownId }),
          site({ name: '已关闭的妇女微家', kind: SiteKind.WomensMicroHome, active: false }),
          site({ name: '演示妇女微家', kind: SiteKind.WomensMicroHome, isDemo: true }),
          site({ name: '东孤家子村妇女之家', federationId: TREE.siblingVillage }),
        ]) {
          await t.dataSource.getRepository(SiteEntity).insert(row);
        }

        const reply = await call<SiteSummary[]>(t.baseUrl, 'GET', sites(TREE.village));

        expect(reply.status).toBe(200);
        expect(reply.body).toEqual([
          {
            id: shownId,
            federationId: TREE.village,
            kind: SiteKind.WomensHome,
            name: '懿路村妇女之家',
            address: '新台子镇懿路村村委会院内',
            latitude: 42.1,
            longitude: 123.7,
            phone: '024-87654321',
            openingHours: [{ weekday: 1, opens: '08:30', closes: '17:00' }],
            openingExceptions: [],
            services: [ServiceCategoryKey.LegalAid],
            chairPublicName: '李主席',
            photoUrl: null,
            active: true,
            isDemo: false,
          },
        ]);
      });

      it('a body with no sites → an empty list; an unknown body → 404 FEDERATION_NOT_FOUND', async () => {
        const empty = await call<SiteSummary[]>(t.baseUrl, 'GET', sites(TREE.township));
        expect(empty.status).toBe(200);
        expect(empty.body).toEqual([]);

        expectApiError(await call(t.baseUrl, 'GET', sites('211221101299')), 404, ErrorCode.FederationNotFound);
      });
    });
  });
});
