import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPaths, ERROR_MESSAGES, ErrorCode, RoleKind, ServiceCategoryKey } from '@wfh/shared';
import { TREE, createPeopleSignedIn, createTree } from '../factories/bodies';
import { expectApiError, expectFieldErrors, signInAs } from '../support/api-expect';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** What a client that ignores HTTP's manners would get: the raw answer, read until the server closes. */
function rawExchange(baseUrl: string, request: string): Promise<{ status: number; headers: string; body: string }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let data = '';
    const done = () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head.toLowerCase(), body });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('close', done);
    // A reset after the answer arrived is how the server ends these; the answer is what counts.
    socket.on('error', () => undefined);
    socket.write(request);
  });
}

describe('HTTP hardening', () => {
  let t: TestApp;
  let h5Dir: string;
  const token: Record<string, string> = {};
  beforeAll(async () => {
    h5Dir = mkdtempSync(join(tmpdir(), 'wfh-h5-'));
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><html><head><script defer src="./js/app.js"></script></head><body><div id="app"></div></body></html>');
    t = await startTestApp({ H5_DIR: h5Dir });
    await t.reset();
    await createTree(t.dataSource);
    Object.assign(
      token,
      await createPeopleSignedIn(t.dataSource, (key) => signInAs(t.baseUrl, key), [
        ['woman', { key: 'woman', home: TREE.village }],
        ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
      ]),
    );
  });
  afterAll(() => t.close());

  describe('size limits', () => {
    it('a 200 KB request → 413 in the usual shape with a Chinese message, and nothing is stored', async () => {
      const body = {
        categoryKey: ServiceCategoryKey.MarriageMediation,
        description: '婆婆总是和我吵架'.repeat(200 * 1024 / 24),
        answers: { with_whom: '公婆' },
        contact: { method: 'phone', phone: '13800000001' },
        federationId: TREE.village,
      };
      expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(200 * 1024);

      const reply = await call(t.baseUrl, 'POST', ApiPaths.requests, { token: token.woman, body });

      expectApiError(reply, 413, ErrorCode.PayloadTooLarge);
      expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM service_request'))[0].n)).toBe(0);
      expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM outbox'))[0].n)).toBe(0);
    });

    it('headers over 16 KB → 431 in the app\'s error shape, then the connection closes', async () => {
      const reply = await rawExchange(t.baseUrl, `GET ${ApiPaths.categories} HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);

      expect(reply.status).toBe(431);
      expect(reply.headers).toContain('content-type: application/json');
      expect(reply.headers).toContain('x-content-type-options: nosniff');
      expect(reply.headers).toContain('cache-control: no-store');
      expect(JSON.parse(reply.body)).toEqual({ code: ErrorCode.PayloadTooLarge, message: ERROR_MESSAGES[ErrorCode.PayloadTooLarge] });
    });

    it('an address over 16 KB → the same 431, the address not echoed', async () => {
      const reply = await rawExchange(t.baseUrl, `GET ${ApiPaths.search}?q=${encodeURIComponent('妇'.repeat(2000))} HTTP/1.1\r\nHost: x\r\n\r\n`);

      expect(reply.status).toBe(431);
      expect(JSON.parse(reply.body).code).toBe(ErrorCode.PayloadTooLarge);
      expect(reply.body).not.toContain('%E5%A6%87');
    });

    it('a long query under the limit reaches validation: 400 naming the field', async () => {
      const reply = await call(t.baseUrl, 'GET', `${ApiPaths.search}?q=${encodeURIComponent('妇'.repeat(1000))}`);

      expectFieldErrors(reply, 400, ErrorCode.ValidationFailed, ['q']);
    });

    it('a request line that is not HTTP → 400 in the usual shape', async () => {
      const reply = await rawExchange(t.baseUrl, 'HELLO\r\n\r\n');

      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toEqual({ code: ErrorCode.MalformedJson, message: ERROR_MESSAGES[ErrorCode.MalformedJson] });
    });
  });

  describe('security headers', () => {
    const expectSecurityHeaders = (headers: Headers) => {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('strict-transport-security')).toBe('max-age=15552000');
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(headers.get('x-powered-by')).toBeNull();
      // The rest of what helmet sent before the headers were computed once at start-up (issue #18).
      expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(headers.get('origin-agent-cluster')).toBe('?1');
      expect(headers.get('x-dns-prefetch-control')).toBe('off');
      expect(headers.get('x-download-options')).toBe('noopen');
      expect(headers.get('x-permitted-cross-domain-policies')).toBe('none');
      expect(headers.get('x-xss-protection')).toBe('0');
    };

    it('API answers, errors included, carry them and may not be cached anywhere (even the public place search)', async () => {
      for (const reply of [
        await call(t.baseUrl, 'GET', ApiPaths.me, { token: token.woman }),
        await call(t.baseUrl, 'GET', ApiPaths.me),
        await call(t.baseUrl, 'GET', `${ApiPaths.nearest}?lat=42.2&lng=123.5`),
        await call(t.baseUrl, 'GET', '/api/v1/nope'),
      ]) {
        expectSecurityHeaders(reply.headers);
        expect(reply.headers.get('cache-control')).toBe('no-store');
      }
    });

    it('so do the router\'s own refusals of a garbled or over-long address, which come before any route', async () => {
      for (const path of ['/api/v1/federations/%E0%A4%A', `/api/v1/federations/${'1'.repeat(300)}`]) {
        const reply = await call(t.baseUrl, 'GET', path);
        expectApiError(reply, 404, ErrorCode.RouteNotFound);
        expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
        expect(reply.headers.get('x-frame-options')).toBe('DENY');
        expect(reply.headers.get('cache-control')).toBe('no-store');
      }
    });

    it('the H5 page and Swagger UI carry them too; their files may be cached as usual', async () => {
      const page = await call(t.baseUrl, 'GET', '/');
      expect(page.status).toBe(200);
      expectSecurityHeaders(page.headers);
      expect(page.headers.get('cache-control')).not.toBe('no-store');

      const docs = await call(t.baseUrl, 'GET', '/docs');
      expect(docs.status).toBe(200);
      expectSecurityHeaders(docs.headers);
      // What the policy allows is all Swagger UI needs: its scripts come from this origin, none is inline.
      const scripts = [...String(docs.body).matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, inline] of scripts) {
        expect(attributes).toMatch(/src=["']\.?\/?(docs\/)?[\w.-]+\.js["']/);
        expect(inline.trim()).toBe('');
      }
    });
  });
});
