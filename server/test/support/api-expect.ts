import { ApiPaths, ERROR_MESSAGES, type AuthTokens, type ErrorCode, type ErrorResponse } from '@wfh/shared';
import { call, type ApiReply } from './test-app';

/** Any Chinese character: every message a person reads must be written for her, not in English. */
export const CHINESE = /[\u4e00-\u9fa5]/;
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The one error shape, as the mini-program relies on it: the status, the code, the code's own
 * Chinese sentence, a request id to quote to support, and nothing of the server's insides.
 */
export function expectApiError(reply: ApiReply, status: number, code: ErrorCode): ErrorResponse {
  const body = reply.body as ErrorResponse;
  expect({ status: reply.status, code: body?.code }).toEqual({ status, code });
  expect(body.message).toBe(ERROR_MESSAGES[code]);
  expect(body.message).toMatch(CHINESE);
  expect(body.requestId).toMatch(REQUEST_ID);
  expectNoInternals(reply);
  return body;
}

/** A validation failure that names exactly these fields (each at least once, nothing else). */
export function expectFieldErrors(reply: ApiReply, status: number, code: ErrorCode, fields: string[]): ErrorResponse {
  const body = expectApiError(reply, status, code);
  const named = (body.fields ?? []).map((f) => f.field);
  expect([...new Set(named)].sort()).toEqual([...fields].sort());
  for (const field of body.fields ?? []) expect(field.message).toMatch(CHINESE);
  return body;
}

export function expectNoInternals(reply: ApiReply): void {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  expect(text).not.toMatch(/Error:|\bat |stack|node_modules|\.ts:\d+|QueryFailedError|\bER_[A-Z_]+/);
}

/** Signs in as a demo person (see createPerson) and returns her tokens. */
export async function signInAs(baseUrl: string, personKey: string): Promise<AuthTokens> {
  const reply = await call<AuthTokens>(baseUrl, 'POST', ApiPaths.authDev, { body: { personKey } });
  if (reply.status !== 200) throw new Error(`dev sign-in as ${personKey} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}
