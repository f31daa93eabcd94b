import { randomUUID } from 'node:crypto';
import { ApiPaths, ErrorCode, pathOf, RoleKind, type FederationDetail } from '@wfh/shared';
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

    it('the longest allowed values are accepted', async () => {
      const reply = await patchVillage({ phone: '0'.repeat(32), address: '村'.repeat(200), officeHours: '时'.repeat(100) });

      expect(reply.status).toBe(200);
      expect(await villageNow()).toMatchObject({ phone: '0'.repeat(32), address: '村'.repeat(200), officeHours: '时'.repeat(100) });
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
