import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiPaths, ErrorCode, RoleKind, pathOf, type ConsolePollResult, type ConsoleSignInStart } from '@wfh/shared';
import { loadConfig } from '../../src/config/config';
import { createApp } from '../../src/bootstrap';
import { createLogger } from '../../src/infra/logging/logger';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { expectApiError, signInAs } from '../support/api-expect';
import { call } from '../support/test-app';

/**
 * The embedded default (SQLite, no Redis) checks a PC's session on every call with the same query as
 * MariaDB: ending it on her phone refuses the PC's next call, and a revoked role ends it too.
 */
describe('a PC session on the embedded database', () => {
  let app: Awaited<ReturnType<typeof createApp>>;
  let baseUrl: string;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wfh-embedded-console-'));
    app = await createApp(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', H5_DIR: '/nonexistent' }), createLogger('silent'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const dataSource = app.get(DataSource);
    expect(dataSource.options.type).toBe('sqljs');
    await createTree(dataSource);
    await createPerson(dataSource, { key: 'e-chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    await createPerson(dataSource, { key: 'e-admin', role: { role: RoleKind.Admin, federationId: TREE.county } });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function signInPc(phoneToken: string): Promise<{ id: string; accessToken: string }> {
    const pending: ConsoleSignInStart = (await call(baseUrl, 'POST', ApiPaths.consoleSignIns)).body;
    expect((await call(baseUrl, 'POST', pathOf(ApiPaths.consoleSignInConfirm, { id: pending.id }), { token: phoneToken })).status).toBe(200);
    const answer: ConsolePollResult = (await call(baseUrl, 'POST', pathOf(ApiPaths.consoleSignInPoll, { id: pending.id }), { body: { pollToken: pending.pollToken } })).body;
    if (answer.state !== 'confirmed') throw new Error(`the PC heard ${JSON.stringify(answer)}`);
    return { id: pending.id, accessToken: answer.tokens.accessToken };
  }

  it('ends at once when she ends it on her phone, and when her role is revoked', async () => {
    const phone = await signInAs(baseUrl, 'e-chair');
    const ended = await signInPc(phone.accessToken);
    const revoked = await signInPc(phone.accessToken);
    expect((await call(baseUrl, 'GET', ApiPaths.me, { token: ended.accessToken })).status).toBe(200);

    expect((await call(baseUrl, 'DELETE', pathOf(ApiPaths.myConsoleSession, { id: ended.id }), { token: phone.accessToken })).status).toBe(204);
    expectApiError(await call(baseUrl, 'GET', ApiPaths.me, { token: ended.accessToken }), 401, ErrorCode.ConsoleSessionEnded);
    expect((await call(baseUrl, 'GET', ApiPaths.me, { token: revoked.accessToken })).status).toBe(200);

    const admin = await signInAs(baseUrl, 'e-admin');
    const revocation = await call(baseUrl, 'POST', pathOf(ApiPaths.federationRoleRevocations, { id: TREE.village }), {
      token: admin.accessToken,
      body: { userId: phone.user.id, role: RoleKind.Chair },
    });
    expect(revocation.status).toBeLessThan(300);
    expectApiError(await call(baseUrl, 'GET', ApiPaths.me, { token: revoked.accessToken }), 401, ErrorCode.ConsoleRoleRevoked);
    expect((await call(baseUrl, 'GET', ApiPaths.me, { token: phone.accessToken })).status).toBe(200);
  });
});
