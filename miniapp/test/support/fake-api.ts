import { ERROR_MESSAGES, ErrorCode, type FieldError } from '@wfh/shared';
import taro, { type Reply, type RequestOptions } from './taro-mock';

type Handler = (request: RequestOptions) => Reply | Promise<Reply>;

export const ok = (data: unknown): Reply => ({ statusCode: 200, data });

export const fail = (statusCode: number, code: ErrorCode, message: string, fields?: FieldError[]): Reply => ({
  statusCode,
  data: { code, message, ...(fields ? { fields } : {}) },
});

/** Never answers: Taro.request gives up after the timeout the caller asked for (60 s if none). */
export const hangs: Handler = (request) =>
  new Promise((_resolve, reject) => {
    setTimeout(() => reject({ errMsg: 'request:fail timeout' }), request.timeout ?? 60_000);
  });

const withoutQuery = (url: string) => url.split('?')[0];

/** The query string of a call, decoded: { latitude: '42.223', k: '10' }. */
export function queryOf(request: RequestOptions): Record<string, string> {
  const query = request.url.split('?')[1] ?? '';
  return Object.fromEntries(new URLSearchParams(query));
}

/**
 * A scripted API server behind the mocked Taro.request. Unrouted calls get the server's 404.
 * A route without "?" answers its path whatever the query; a route with one only that exact query.
 */
export class FakeApi {
  readonly calls: RequestOptions[] = [];
  private readonly routes = new Map<string, Handler[]>();

  constructor(private readonly base = '') {
    taro.request.mockImplementation(async (request) => {
      this.calls.push(request);
      const method = request.method ?? 'GET';
      const handlers =
        this.routes.get(this.key(method, request.url)) ?? this.routes.get(this.key(method, withoutQuery(request.url))) ?? [];
      // Each handler answers once, in order; the last one keeps answering.
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0];
      if (!handler) return fail(404, ErrorCode.RouteNotFound, ERROR_MESSAGES[ErrorCode.RouteNotFound]);
      return handler(request);
    });
  }

  on(method: string, path: string, ...replies: Array<Reply | Handler>): this {
    const handlers = replies.map((reply) => (typeof reply === 'function' ? reply : () => reply));
    this.routes.set(this.key(method, this.base + path), handlers);
    return this;
  }

  callsTo(method: string, path: string): RequestOptions[] {
    const wanted = this.key(method, this.base + path);
    const exact = path.includes('?');
    return this.calls.filter(
      (call) => this.key(call.method ?? 'GET', exact ? call.url : withoutQuery(call.url)) === wanted,
    );
  }

  private key(method: string, url: string): string {
    return `${method.toUpperCase()} ${url}`;
  }
}
