import { randomUUID } from 'node:crypto';
import { ActivityCategory, ApiPaths, ErrorCode, pathOf, RoleKind, ServiceCategoryKey, type ActivityDetail, type FederationDetail, type SiteDetail } from '@wfh/shared';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { CHINESE, expectApiError, expectFieldErrors, signInAs } from '../support/api-expect';
import { call, startTestApp, type ApiReply, type TestApp } from '../support/test-app';

const OLD_PHONE = '024-00000000';
const BODY_LIMIT = 128 * 1024;

describe('bad input over HTTP', () => {
  let t: TestApp;
  let chairToken: string;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    await createTree(t.dataSource);
    await t.dataSource.query('UPDATE federation SET phone = ?', [OLD_PHONE]);
    await createPerson(t.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    chairToken = (await signInAs(t.baseUrl, 'chair')).accessToken;
  });
  afterAll(() => t.close());

  const devSignIn = (options: Parameters<typeof call>[3]) => call(t.baseUrl, 'POST', ApiPaths.authDev, options);
  const patchVillage = (body: unknown) =>
    call<FederationDetail>(t.baseUrl, 'PATCH', pathOf(ApiPaths.federation, { id: TREE.village }), { token: chairToken, body });
  const villageNow = async () => (await call<FederationDetail>(t.baseUrl, 'GET', pathOf(ApiPaths.federation, { id: TREE.village }))).body;

  describe('bodies that are not JSON', () => {
    it('malformed JSON → 400 MALFORMED_JSON', async () => {
      expectApiError(await devSignIn({ rawBody: '{"personKey":' }), 400, ErrorCode.MalformedJson);
    });

    it('an empty JSON body → 400 MALFORMED_JSON', async () => {
      expectApiError(await devSignIn({ rawBody: '' }), 400, ErrorCode.MalformedJson);
    });

    it('a "__proto__" key (prototype poisoning) → 400 MALFORMED_JSON', async () => {
      expectApiError(await devSignIn({ rawBody: '{"personKey":"chair","__proto__":{"isAdmin":true}}' }), 400, ErrorCode.MalformedJson);
    });

    it('a content type the API does not speak → 415 MALFORMED_JSON', async () => {
      const reply = await devSignIn({ rawBody: '<personKey>chair</personKey>', headers: { 'content-type': 'application/xml' } });

      expectApiError(reply, 415, ErrorCode.MalformedJson);
    });

    it.each([
      ['a JSON string', '"chair"'],
      ['a JSON number', '42'],
      ['JSON null', 'null'],
      ['an empty JSON array', '[]'],
    ])('%s instead of an object → 400 VALIDATION_FAILED naming personKey', async (_, rawBody) => {
      expectFieldErrors(await devSignIn({ rawBody }), 400, ErrorCode.ValidationFailed, ['personKey']);
    });
  });

  describe('fields that do not fit the form', () => {
    it('an unknown field → 400 VALIDATION_FAILED naming it, and the sign-in does not happen', async () => {
      const reply = await devSignIn({ body: { personKey: 'chair', x: 1 } });

      const body = expectApiError(reply, 400, ErrorCode.ValidationFailed);
      expect(body.fields).toEqual([{ field: 'x', message: expect.stringContaining('x') }]);
      expect(body.fields![0].message).toMatch(CHINESE);
      expect(reply.body).not.toHaveProperty('accessToken');
    });

    it('a number where text belongs → 400 VALIDATION_FAILED naming personKey', async () => {
      const body = expectFieldErrors(await devSignIn({ body: { personKey: 123 } }), 400, ErrorCode.ValidationFailed, ['personKey']);
      for (const field of body.fields!) expect(field.message).toContain('personKey');
    });

    it('a phone that is no phone number → 400 naming phone, nothing stored', async () => {
      expectFieldErrors(await patchVillage({ phone: 'abc' }), 400, ErrorCode.ValidationFailed, ['phone']);

      expect((await villageNow()).phone).toBe(OLD_PHONE);
    });

    it('one bad field stops the whole edit: the good fields beside it are not stored either', async () => {
      expectFieldErrors(await patchVillage({ phone: '12', officeHours: '周一至周五 8:30-17:00' }), 400, ErrorCode.ValidationFailed, ['phone']);

      expect(await villageNow()).toMatchObject({ phone: OLD_PHONE, officeHours: null });
    });

    it('several bad fields are all named at once', async () => {
      const reply = await patchVillage({ phone: 12345678, address: '村'.repeat(201), officeHours: 'x'.repeat(101) });

      expectFieldErrors(reply, 400, ErrorCode.ValidationFailed, ['address', 'officeHours', 'phone']);
      expect(await villageNow()).toMatchObject({ phone: OLD_PHONE, address: null, officeHours: null });
    });

    it('over a limit, the message names the field as she knows it and says by how much', async () => {
      const body = expectFieldErrors(await patchVillage({ address: '村'.repeat(201), officeHours: 123 }), 400, ErrorCode.ValidationFailed, [
        'address',
        'officeHours',
      ]);
      expect(body.fields).toEqual([
        { field: 'address', message: '地址最多 200 字，现在 201 字，请删短一些' },
        // Not text at all: the kind is what is wrong, not the length.
        { field: 'officeHours', message: '“officeHours”应当是文字' },
      ]);
    });

    it('5,000 pasted characters of a request are refused in her words, naming 求助内容', async () => {
      await createPerson(t.dataSource, { key: 'woman', displayName: '王秀英', home: TREE.village });
      const { accessToken } = await signInAs(t.baseUrl, 'woman');
      const reply = await call(t.baseUrl, 'POST', ApiPaths.requests, {
        token: accessToken,
        body: { categoryKey: ServiceCategoryKey.FamilyEducation, description: '字'.repeat(5_000), answers: {}, contact: { method: 'wechat' }, federationId: TREE.village },
      });

      const body = expectFieldErrors(reply, 400, ErrorCode.ValidationFailed, ['description']);
      expect(body.fields).toEqual([{ field: 'description', message: '求助内容最多 2,000 字，现在 5,000 字，请删短一些' }]);
    });

    it('a landline is kept as she wrote it, dashes and all', async () => {
      expect((await patchVillage({ phone: '0410-123-4567' })).status).toBe(200);

      expect((await villageNow()).phone).toBe('0410-123-4567');
    });

    it('the longest allowed values are accepted', async () => {
      const reply = await patchVillage({ phone: '0'.repeat(32), address: '村'.repeat(200), officeHours: '时'.repeat(100) });

      expect(reply.status).toBe(200);
      expect(await villageNow()).toMatchObject({ phone: '0'.repeat(32), address: '村'.repeat(200), officeHours: '时'.repeat(100) });
    });
  });

  describe('null, blank text and bytes that are not UTF-8', () => {
    const site = {
      kind: 'womens_home',
      name: '懿路村妇女之家',
      address: '懿路村村委会一楼',
      latitude: 42.21,
      longitude: 123.51,
      phone: '024-12345678',
      openingHours: [{ weekday: 1, opens: '08:30', closes: '17:00' }],
      services: [ServiceCategoryKey.LegalAid],
      chairPublicName: '张主席',
    };
    const activity = {
      title: '免费两癌筛查',
      description: '',
      category: ActivityCategory.Screening,
      address: '懿路村村委会二楼',
      latitude: 42.2,
      longitude: 123.5,
      startsAt: '2027-12-05T01:00:00.000Z',
      endsAt: '2027-12-05T03:00:00.000Z',
      signupOpensAt: '2027-12-01T02:00:00.000Z',
      signupClosesAt: '2027-12-04T10:00:00.000Z',
      capacity: 20,
    };
    const asChair = <T = unknown>(method: string, path: string, body?: unknown) => call<T>(t.baseUrl, method, path, { token: chairToken, body });
    const newSite = async () => (await asChair<SiteDetail>('POST', pathOf(ApiPaths.federationSites, { id: TREE.village }), site)).body;
    const newActivity = async () => (await asChair<ActivityDetail>('POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), activity)).body;
    /** Her office hours sent as raw bytes over a real socket: fetch would re-encode a string as valid UTF-8. */
    const patchVillageBytes = async (before: string, bytes: Buffer, after: string): Promise<ApiReply> => {
      const response = await fetch(`${t.baseUrl}${pathOf(ApiPaths.federation, { id: TREE.village })}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${chairToken}` },
        body: Buffer.concat([Buffer.from(`{"officeHours":"${before}`), bytes, Buffer.from(`${after}"}`)]),
      });
      return { status: response.status, body: await response.json(), headers: response.headers };
    };

    it.each([
      ['title', { title: null }],
      ['description', { description: null }],
      ['category', { category: null }],
    ])('PATCH an activity with %s: null → 400 naming it, in words that say what to do, nothing changed', async (field, body) => {
      const before = await newActivity();

      const reply = await asChair('PATCH', pathOf(ApiPaths.activity, { id: before.id }), body);

      const error = expectFieldErrors(reply, 400, ErrorCode.ValidationFailed, [field]);
      expect(error.fields![0].message).toBe(`“${field}”不能为空值（null）；不需要时请不传这个字段`);
      expect((await asChair<ActivityDetail>('GET', pathOf(ApiPaths.activity, { id: before.id }))).body).toMatchObject({ title: before.title, description: before.description, category: before.category });
    });

    it.each([['name'], ['address'], ['active'], ['openingHours'], ['kind']])('PATCH a site with %s: null → 400 naming it, nothing changed', async (field) => {
      const before = await newSite();

      expectFieldErrors(await asChair('PATCH', pathOf(ApiPaths.site, { id: before.id }), { [field]: null }), 400, ErrorCode.ValidationFailed, [field]);

      expect((await asChair<SiteDetail>('GET', pathOf(ApiPaths.site, { id: before.id }))).body).toEqual(before);
    });

    it('PATCH a site with null where the form says null clears it: stored as null', async () => {
      const before = await newSite();

      const reply = await asChair<SiteDetail>('PATCH', pathOf(ApiPaths.site, { id: before.id }), { phone: null, chairPublicName: null, photoUrl: null });

      expect(reply.status).toBe(200);
      expect((await asChair<SiteDetail>('GET', pathOf(ApiPaths.site, { id: before.id }))).body).toEqual({ ...before, phone: null, chairPublicName: null, photoUrl: null });
    });

    it("PATCH a body's profile with null clears the fields; blank text is refused", async () => {
      expect((await patchVillage({ address: '懿路村村委会', officeHours: '周一至周五' })).status).toBe(200);

      expectFieldErrors(await patchVillage({ address: '  ', officeHours: '' }), 400, ErrorCode.ValidationFailed, ['address', 'officeHours']);
      expect(await villageNow()).toMatchObject({ address: '懿路村村委会', officeHours: '周一至周五', phone: OLD_PHONE });

      expect((await patchVillage({ address: null, phone: null, officeHours: null })).status).toBe(200);
      expect(await villageNow()).toMatchObject({ address: null, phone: null, officeHours: null });
    });

    it('an activity at an address with no point on the map: null latitude and longitude are kept as "none", found near the body', async () => {
      const site = await newSite();
      const created = await asChair<ActivityDetail>('POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), { ...activity, latitude: null, longitude: null, siteId: null });

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ siteId: null, address: activity.address, latitude: site.latitude, longitude: site.longitude });
    });

    it.each([
      ['a title of spaces (full-width too)', { title: ' \u3000 ' }, 'title'],
      ['an empty cancel reason', { reason: '' }, 'reason'],
    ])('%s → 400 naming it: “…”不能为空', async (_, body, field) => {
      const created = await newActivity();
      const path = field === 'reason' ? pathOf(ApiPaths.activityCancel, { id: created.id }) : pathOf(ApiPaths.activity, { id: created.id });

      const error = expectFieldErrors(await asChair(field === 'reason' ? 'POST' : 'PATCH', path, body), 400, ErrorCode.ValidationFailed, [field]);
      expect(error.fields![0].message).toBe(`“${field}”不能为空，请填写内容`);
    });

    it('nulls and wrong shapes inside her contact and answers → 400 naming the inner field, nothing stored', async () => {
      const onBehalf = {
        categoryKey: ServiceCategoryKey.MarriageMediation,
        description: '婆婆总是和我吵架',
        answers: { with_whom: '公婆' },
        contact: { method: 'phone', phone: '13800000001' },
        womanName: '王秀英',
        source: 'phone',
        consentRecorded: true,
      };
      const record = (changes: Record<string, unknown>) => asChair('POST', pathOf(ApiPaths.federationRequests, { id: TREE.village }), { ...onBehalf, ...changes });

      expectFieldErrors(await record({ contact: { method: 'phone', phone: null } }), 400, ErrorCode.ValidationFailed, ['contact.phone']);
      expectFieldErrors(await record({ contact: { method: null } }), 400, ErrorCode.ValidationFailed, ['contact.method']);
      expectFieldErrors(await record({ contact: [] }), 400, ErrorCode.ValidationFailed, ['contact']);
      expectFieldErrors(await record({ contact: undefined }), 400, ErrorCode.ValidationFailed, ['contact']);
      expectFieldErrors(await record({ answers: { with_whom: null } }), 400, ErrorCode.ValidationFailed, ['answers.with_whom']);
      expectFieldErrors(await record({ answers: null }), 400, ErrorCode.ValidationFailed, ['answers']);

      expect(await t.dataSource.query('SELECT id FROM service_request')).toEqual([]);
    });

    it.each([
      ['a bad continuation byte', [0xc3, 0x28]],
      ['a stray continuation byte', [0xa0]],
      ['an overlong slash', [0xc0, 0xaf]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
      ['0xFF', [0xff]],
      ['a character cut short', [0xe6, 0x9d]],
    ])('a JSON body with %s inside a string → 400 MALFORMED_JSON, nothing stored (not text with “�” in it)', async (_, bytes) => {
      expectApiError(await patchVillageBytes('周一', Buffer.from(bytes), '至周五'), 400, ErrorCode.MalformedJson);

      expect((await villageNow()).officeHours).toBeNull();
    });

    it('valid UTF-8 of every length, beyond the basic plane too, is stored as itself', async () => {
      const reply = await patchVillageBytes('', Buffer.from('a é 村 𠮷野家 👩‍👧', 'utf8'), '');

      expect(reply.status).toBe(200);
      expect((await villageNow()).officeHours).toBe('a é 村 𠮷野家 👩‍👧');
    });
  });

  describe('size limits', () => {
    it(`a body over ${BODY_LIMIT / 1024} KiB → 413 PAYLOAD_TOO_LARGE`, async () => {
      const reply = await devSignIn({ body: { personKey: 'a'.repeat(BODY_LIMIT + 1) } });

      expectApiError(reply, 413, ErrorCode.PayloadTooLarge);
    });

    it('a large body under the limit reaches validation instead', async () => {
      const reply = await devSignIn({ body: { personKey: 'a'.repeat(BODY_LIMIT - 1024) } });

      expectFieldErrors(reply, 400, ErrorCode.ValidationFailed, ['personKey']);
    });
  });

  describe('addresses that do not exist', () => {
    it.each([
      ['GET', '/api/v1/nope'],
      ['POST', '/api/v1/nope'],
      ['DELETE', ApiPaths.me],
      ['GET', '/api/v2/me'],
    ])('%s %s → 404 ROUTE_NOT_FOUND', async (method, path) => {
      expectApiError(await call(t.baseUrl, method, path, { token: chairToken }), 404, ErrorCode.RouteNotFound);
    });

    it('a garbled address (bad percent-encoding) → 404 ROUTE_NOT_FOUND in the usual shape', async () => {
      const reply = await call(t.baseUrl, 'GET', '/api/v1/federations/%E0%A4%A');

      expectApiError(reply, 404, ErrorCode.RouteNotFound);
      expect(JSON.stringify(reply.body)).not.toContain('FST_');
    });

    it('an absurdly long id → 404 ROUTE_NOT_FOUND in the usual shape, the address not echoed', async () => {
      const reply = await call(t.baseUrl, 'GET', pathOf(ApiPaths.federation, { id: '1'.repeat(300) }));

      expectApiError(reply, 404, ErrorCode.RouteNotFound);
      expect(JSON.stringify(reply.body)).not.toContain('1'.repeat(300));
    });
  });

  describe('what every error looks like', () => {
    it('an unexpected failure → 500 INTERNAL, a calm Chinese sentence and nothing of the cause', async () => {
      await t.dataSource.query(
        `INSERT INTO site (id, federation_id, kind, name, address, latitude, longitude, opening_hours, services, active, is_demo)
         VALUES (?, ?, 'womens_home', '坏数据', '某地', 42, 123, 'not json', '[]', 1, 0)`,
        [randomUUID(), TREE.village],
      );

      const reply = await call(t.baseUrl, 'GET', pathOf(ApiPaths.federationSites, { id: TREE.village }));

      expectApiError(reply, 500, ErrorCode.Internal);
      expect(Object.keys(reply.body).sort()).toEqual(['code', 'message', 'requestId']);
      expect(JSON.stringify(reply.body)).not.toMatch(/JSON|token|not json|SyntaxError/i);
    });

    it('every kind of refusal carries its own request id, a Chinese message and no internals', async () => {
      const attempts: Array<[Promise<ApiReply>, number, ErrorCode]> = [
        [devSignIn({ rawBody: '{"personKey":' }), 400, ErrorCode.MalformedJson],
        [devSignIn({ body: { personKey: 'chair', x: 1 } }), 400, ErrorCode.ValidationFailed],
        [devSignIn({ body: { personKey: 'nobody' } }), 404, ErrorCode.UnknownDemoPerson],
        [devSignIn({ body: { personKey: 'a'.repeat(BODY_LIMIT + 1) } }), 413, ErrorCode.PayloadTooLarge],
        [call(t.baseUrl, 'GET', ApiPaths.me), 401, ErrorCode.Unauthenticated],
        [call(t.baseUrl, 'GET', ApiPaths.me, { token: 'garbage' }), 401, ErrorCode.TokenInvalid],
        [call(t.baseUrl, 'GET', pathOf(ApiPaths.federationMembers, { id: TREE.township }), { token: chairToken }), 403, ErrorCode.Forbidden],
        [call(t.baseUrl, 'GET', pathOf(ApiPaths.federation, { id: '211221101299' })), 404, ErrorCode.FederationNotFound],
        [call(t.baseUrl, 'GET', '/api/v1/nope'), 404, ErrorCode.RouteNotFound],
      ];

      const replies = await Promise.all(attempts.map(([reply]) => reply));

      const ids = replies.map((reply, i) => expectApiError(reply, attempts[i][1], attempts[i][2]).requestId);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
});
