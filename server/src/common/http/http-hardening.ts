import { isUtf8 } from 'node:buffer';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ERROR_MESSAGES, ErrorCode, type ErrorResponse } from '@wfh/shared';
import { errorCodes, type FastifyReply, type FastifyRequest, type RawServerDefault } from 'fastify';

/**
 * One policy for the H5 app at `/` and Swagger UI at `/docs`: everything from this origin only.
 * Inline styles are allowed because React's style attributes and Swagger UI's <style> need them;
 * scripts are never inline. No upgrade-insecure-requests: the embedded mode serves plain HTTP on
 * a village office's network, and upgrading its requests to https would break every page.
 */
const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/**
 * Security headers on every response: helmet's defaults, tightened, written out once here. No
 * framing (frame-ancestors and X-Frame-Options), nosniff, and no Referer at all, since a woman's
 * request address must not travel to any other site. HSTS for 180 days without subdomains: the
 * deploying federation's other hosts may not all speak HTTPS yet; browsers ignore it on plain HTTP.
 * They never vary by request, so they are computed at start-up: @fastify/helmet rebuilt helmet's
 * middleware, CSP parsing included, on every request (issue #18).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': Object.entries(CONTENT_SECURITY_POLICY)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join(';'),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': `max-age=${180 * 86400}`,
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** API answers carry personal data, and even the public place lists are asked for with her location in the address. */
const API_HEADERS: Readonly<Record<string, string>> = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };

/**
 * Every response gets SECURITY_HEADERS; API answers also `no-store`, so no browser, WeChat or
 * carrier cache may keep any of them. Registered before Swagger and the H5 files (bootstrap.ts).
 */
export function registerSecurityHeaders(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      void reply.headers(request.url.startsWith('/api/') ? API_HEADERS : SECURITY_HEADERS);
      done();
    });
}

/**
 * Fastify decodes a JSON body as UTF-8 and silently turns invalid bytes into U+FFFD, so a broken
 * client's text would be stored as "�" and never noticed. Its own parser, given the body as bytes,
 * runs only on valid UTF-8; anything else is refused as malformed JSON like any other bad body.
 */
export function registerStrictJsonParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { bodyLimit, onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    if (!isUtf8(body)) {
      done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
      return;
    }
    parseJson(request, body.toString('utf8'), done);
  });
}

/**
 * For the answers given before any route's hooks run (Fastify's router errors, the parser's refusals
 * below): an error in JSON needs no more than this to be neither sniffed, framed, referred nor cached.
 */
export const BARE_ERROR_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers or address over
 * 16 KB, a malformed request line, a request too slow to arrive): answer those in the app's
 * error shape too, then close the connection as Fastify's own handler does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, ErrorCode.PayloadTooLarge]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, ErrorCode.ServiceUnavailable]
        : [400, ErrorCode.MalformedJson];
  const body = JSON.stringify({ code, message: ERROR_MESSAGES[code] } satisfies ErrorResponse);
  if (socket.writable) {
    const headers = Object.entries(BARE_ERROR_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n${headers}` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
