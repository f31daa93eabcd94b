import { ApiPaths, ErrorCode, pathOf } from '@wfh/shared';
import { TREE } from '../factories/bodies';
import { CALLS, MatrixWorld } from '../support/matrix-fixtures';
import { routeTable } from '../support/route-table';
import { ACTORS, MATRIX, SECRETS, type Actor, type SecretName } from './access-matrix.table';

/**
 * Every route of the app, called as each of nine callers against things of woman A (the table says
 * who they are and what each status means). Fails on a route the table does not list, on any status
 * other than the documented one, and on any secret of A's reaching a caller the table does not name.
 */

interface Cell {
  route: string;
  caseName: string;
  actor: Actor;
  status: number;
}

/**
 * Accepting a role invitation gives the callers new roles: it runs after everything else. Signing out
 * everywhere ends each caller's own token, so it runs after that, last of all.
 */
const RUN_LAST = ['POST /api/v1/role-invitations/:code/accept', 'POST /api/v1/auth/sign-out-everywhere'];
const ORDER = [...Object.keys(MATRIX).filter((route) => !RUN_LAST.includes(route)), ...RUN_LAST.filter((route) => route in MATRIX)];

/** Refusals first: they meet the shared fixtures before any allowed write of the same case. */
function cellsOf(route: string): Cell[] {
  return Object.entries(MATRIX[route]!.cases).flatMap(([caseName, row]) =>
    ACTORS.map((actor, i) => ({ route, caseName, actor, status: row[i]! })).sort((a, b) => Number(a.status < 300) - Number(b.status < 300)),
  );
}

function textOf(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body ?? null);
}

/** What must stay as it was when everyone who may not change it has tried. */
async function untouched(world: MatrixWorld) {
  const read = async (who: Actor, path: string) => (await world.api(who, 'GET', path)).body;
  const request = async (id: string) => {
    const r = await read('A', pathOf(ApiPaths.request, { id }));
    return { state: r.state, federationId: r.federationId, steps: r.timeline.length };
  };
  const fixtureSignups = new Set([world.ids.signupOfA, world.ids.signupOfMother, world.ids.reservedSignup]);
  const attendees = await read('chair', pathOf(ApiPaths.activityAttendees, { id: world.ids.publishedActivity! }));
  const draft = await read('chair', pathOf(ApiPaths.activity, { id: world.ids.draftActivity! }));
  return {
    requests: [await request(world.ids.sensitiveRequest!), await request(world.ids.ordinaryRequest!), await request(world.ids.referredRequest!)],
    draft: { status: draft.status, title: draft.title },
    pendingConcern: (await read('A', pathOf(ApiPaths.concern, { id: world.ids.pendingConcern! }))).status,
    ruleKept: (await read('admin', pathOf(ApiPaths.countyRoutingRules, { id: TREE.county }))).some((r: { id: string }) => r.id === world.ids.rule),
    rosterEntry: (await world.api('exec', 'GET', pathOf(ApiPaths.rosterEntry, { id: world.ids.rosterEntry! }))).status,
    seats: [...attendees.confirmed, ...attendees.waitlisted].filter((a: { signupId: string }) => fixtureSignups.has(a.signupId)).map((a: { state: string }) => a.state),
    inactiveSite: (await read('chair', pathOf(ApiPaths.site, { id: world.ids.inactiveSite! }))).active,
  };
}

describe('access matrix: every route as every caller, against what is woman A’s', () => {
  let world: MatrixWorld;
  let before: Awaited<ReturnType<typeof untouched>>;

  beforeAll(async () => {
    world = await MatrixWorld.build();
    before = await untouched(world);
  });
  afterAll(() => world?.close());

  describe('the table', () => {
    it('has an entry for every route the app mounts, and none for a route it does not', () => {
      const mounted = routeTable(world.t.app).map((r) => `${r.method} ${r.path}`);
      expect({
        'routes without an entry': mounted.filter((route) => !(route in MATRIX)),
        'entries without a route': Object.keys(MATRIX).filter((route) => !mounted.includes(route)),
      }).toEqual({ 'routes without an entry': [], 'entries without a route': [] });
    });

    it('says a route is public exactly when the app lets it be called without a token', () => {
      const differing = routeTable(world.t.app)
        .filter((r) => `${r.method} ${r.path}` in MATRIX)
        .filter((r) => (MATRIX[`${r.method} ${r.path}`]!.public === true) !== r.isPublic)
        .map((r) => `${r.method} ${r.path}`);
      expect(differing).toEqual([]);
    });

    it('finds the secrets in the answers of those who may see them (so their absence elsewhere means something)', async () => {
      const text = async (who: Actor, path: string) => textOf((await world.api(who, 'GET', path)).body);
      const has = (haystack: string, name: SecretName) => world.secrets[name].every((value) => haystack.includes(value));
      const sensitive = 'sensitive request: her words, her phone, its id';
      expect(has(await text('chair', pathOf(ApiPaths.request, { id: world.ids.sensitiveRequest! })), sensitive)).toBe(true);
      expect(has(await text('staff', pathOf(ApiPaths.request, { id: world.ids.ordinaryRequest! })), 'ordinary request: her words, her phone, its id')).toBe(true);
      expect((await text('A', ApiPaths.myRequests)).includes(world.ids.sensitiveRequest!)).toBe(true);
      const inbox = await text('chair', pathOf(ApiPaths.inbox, { id: TREE.village }));
      expect([world.ids.sensitiveRequest, world.ids.ordinaryRequest].every((id) => inbox.includes(id!))).toBe(true);
      expect(has(await text('exec', pathOf(ApiPaths.federationRoster, { id: TREE.village })), 'roster entry: the phone')).toBe(true);
      expect(has(await text('admin', pathOf(ApiPaths.countyFeedback, { id: TREE.county })), 'feedback: her words, its id')).toBe(true);
      expect(has(await text('A', ApiPaths.mySignups), 'the check-in QR token of her seat')).toBe(true);
      expect(has(await text('chair', pathOf(ApiPaths.federationActivities, { id: TREE.village })), 'draft activity: its title, its id')).toBe(true);
    });

    it('gives 401 to no token on every route that is not public', () => {
      const wrong = Object.entries(MATRIX).filter(
        ([, entry]) => !entry.public && Object.values(entry.cases).some((row) => row[ACTORS.indexOf('anon')] !== 401),
      );
      expect(wrong.map(([route]) => route)).toEqual([]);
    });
  });

  const cellsAreAsDocumented = (route: string) =>
    describe(route, () => {
      it.each(cellsOf(route))('$caseName, as $actor → $status', async ({ caseName, actor, status }) => {
        const [method, template] = route.split(' ') as [string, string];
        const spec = CALLS[route] ?? {};
        let params = world.target(caseName, actor);
        if (status < 300 && spec.fresh) params = { ...params, ...(await spec.fresh({ actor, world, params })) };
        const body = spec.body ? await spec.body({ actor, world, params }) : undefined;
        const path = `${pathOf(template, params)}${spec.query ?? ''}`;

        const reply = await world.api(actor, method, path, body);

        expect({ status: reply.status, ...(reply.status === status ? {} : { body: reply.body }) }).toEqual({ status });
        if (status === 401 && !MATRIX[route]!.public) expect(reply.body.code).toBe(ErrorCode.Unauthenticated);
        if (status >= 400) expect(typeof reply.body.code).toBe('string');
        // Nothing of A's reaches a caller the table does not name, and no refusal carries any of it.
        // What the caller sent herself (a code, an id in the address) may come back.
        const sent = `${path} ${textOf(body)}`;
        const text = textOf(reply.body);
        const leaked = (Object.entries(world.secrets) as Array<[SecretName, string[]]>)
          .filter(([name]) => reply.status >= 400 || !(SECRETS[name] as readonly string[]).includes(actor))
          .filter(([, values]) => values.some((value) => !sent.includes(value) && text.includes(value)))
          .map(([name]) => name);
        expect(leaked).toEqual([]);
      });
    });

  ORDER.filter((route) => !RUN_LAST.includes(route)).forEach(cellsAreAsDocumented);

  it('left as it was what only refused callers tried to change', async () => {
    expect(await untouched(world)).toEqual(before);
  });

  ORDER.filter((route) => RUN_LAST.includes(route)).forEach(cellsAreAsDocumented);
});
