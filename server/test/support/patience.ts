import type { ApiReply, TestApp } from './test-app';

/** A phone gives up after this long: while a service is away, every answer must come well before. */
export const PATIENCE_MS = 5000;

/** What a phone sends, with a phone's patience: a request left hanging fails the test (the fetch aborts). */
export async function ask<T = any>(app: TestApp, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<ApiReply<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(PATIENCE_MS),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

/** Waits for something the system does in the background (a reconnect, a message between instances). */
export async function eventually(what: string | (() => string), condition: () => Promise<boolean>, withinMs = 10_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${typeof what === 'string' ? what : what()}: not within ${withinMs} ms`);
}
