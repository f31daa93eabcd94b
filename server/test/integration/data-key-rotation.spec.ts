import { randomBytes } from 'node:crypto';
import { ApiPaths, RequestAction, RoleKind, ServiceCategoryKey, pathOf, requestActionPath, type RequestDetail } from '@wfh/shared';
import { loadConfig } from '../../src/config/config';
import { countStale, reencryptAll } from '../../src/database/reencrypt';
import { FieldCipher } from '../../src/infra/crypto/field-cipher';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { signInAs } from '../support/api-expect';
import { call, startTestApp, TEST_DATA_KEY, type TestApp } from '../support/test-app';

/** A new data key is introduced, every value rewritten, and the old key can then be dropped. */
describe('rotating the data encryption key', () => {
  const newKey = randomBytes(32).toString('base64');
  let app: TestApp | null = null;

  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('reads old values during the rotation and needs only the new key after it', async () => {
    app = await startTestApp();
    await app.reset();
    await createTree(app.dataSource);
    await createPerson(app.dataSource, { key: 'woman', home: TREE.village });
    await createPerson(app.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    const woman = await signInAs(app.baseUrl, 'woman');
    const filed = await call<RequestDetail>(app.baseUrl, 'POST', ApiPaths.requests, {
      token: woman.accessToken,
      body: {
        categoryKey: ServiceCategoryKey.Hardship,
        description: '家里老人病了，想申请困难帮扶',
        answers: { difficulty: '生活困难' },
        contact: { method: 'phone', phone: '13800138000' },
        federationId: TREE.village,
      },
    });
    expect(filed.status).toBe(201);
    const chair = await signInAs(app.baseUrl, 'chair');
    expect((await call(app.baseUrl, 'POST', pathOf(requestActionPath(RequestAction.Accept), { id: filed.body.id }), { token: chair.accessToken, body: { note: '明天上门了解情况' } })).status).toBeLessThan(300);
    await app.close();

    // Step 1: the servers restart with the new key current and the old one read-only.
    app = await startTestApp({ DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_KEY_ID: 'v2', DATA_ENCRYPTION_PREVIOUS_KEYS: `v1:${TEST_DATA_KEY}` });
    const during = await call<RequestDetail>(app.baseUrl, 'GET', pathOf(ApiPaths.request, { id: filed.body.id }), { token: (await signInAs(app.baseUrl, 'woman')).accessToken });
    expect(during.status).toBe(200);
    expect(during.body.description).toBe('家里老人病了，想申请困难帮扶');

    // Step 2: every value is rewritten (description, answers, contact, the chair's note); a second run finds nothing left to do.
    const cipher = new FieldCipher(Buffer.from(newKey, 'base64'), 'v2', { v1: Buffer.from(TEST_DATA_KEY, 'base64') });
    expect(await countStale(app.dataSource, cipher)).toBe(4);
    const rewritten = await reencryptAll(app.dataSource, cipher);
    expect(rewritten.find((r) => r.table === 'service_request' && r.column === 'description_enc')?.rewritten).toBe(1);
    expect(await countStale(app.dataSource, cipher)).toBe(0);
    expect((await reencryptAll(app.dataSource, cipher)).every((r) => r.rewritten === 0)).toBe(true);
    await app.close();

    // Step 3: the old key is gone; her request and the chair's note still read back.
    app = await startTestApp({ DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_KEY_ID: 'v2' });
    const after = await call<RequestDetail>(app.baseUrl, 'GET', pathOf(ApiPaths.request, { id: filed.body.id }), { token: (await signInAs(app.baseUrl, 'woman')).accessToken });
    expect(after.status).toBe(200);
    expect(after.body.description).toBe('家里老人病了，想申请困难帮扶');
    expect(JSON.stringify(after.body)).toContain('13800138000');
    expect(JSON.stringify(after.body.timeline)).toContain('明天上门了解情况');
  });

  it('refuses a previous key that reuses the current id', () => {
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: newKey, JWT_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_PREVIOUS_KEYS: `v1:${TEST_DATA_KEY}` })).toThrow('DATA_ENCRYPTION_PREVIOUS_KEYS');
  });
});
