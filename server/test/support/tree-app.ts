import { createPeopleSignedIn, createTree, type PersonSpec } from '../factories/bodies';
import { signInAs } from './api-expect';
import { call, startTestApp, type ApiReply, type TestApp } from './test-app';

/** A clock the test sets by hand: `clock.at = …`. */
export interface FixedClock {
  at: Date;
  now(): Date;
}

/**
 * One app on a fixed clock for a describe block: before each test the data is emptied, the small
 * real-looking tree is created and the given people are signed in (tokens by the given names).
 * Call inside a describe: it registers that block's hooks.
 */
export function useTreeApp(start: Date, people: Array<[string, PersonSpec]>) {
  const clock: FixedClock = { at: start, now() { return this.at; } };
  const token: Record<string, string> = {};
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    clock.at = start;
    await t.reset();
    await createTree(t.dataSource);
    Object.assign(token, await createPeopleSignedIn(t.dataSource, (key) => signInAs(t.baseUrl, key), people));
  });
  return {
    clock,
    token,
    app: (): TestApp => t,
    /** A call as one of the people (by name), or without a token (null). */
    api: <T = any>(who: string | null, method: string, path: string, body?: unknown): Promise<ApiReply<T>> =>
      call<T>(t.baseUrl, method, path, { token: who ? token[who] : undefined, body }),
  };
}
