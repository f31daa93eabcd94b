import fc from 'fast-check';
import { createPeopleSignedIn, createTree, type PersonSpec } from '../factories/bodies';
import { RequestsService } from '../../src/modules/requests/requests.service';
import { signInAs } from './api-expect';
import { call, startTestApp, type ApiReply, type TestApp } from './test-app';
import type { FixedClock } from './tree-app';

/**
 * The harness of the model-based tests (test/e2e/model): one app per spec file on a clock the test
 * moves, random sequences of steps by random people through the real HTTP API, each checked against
 * a small model of what should happen. Seeded, so a failure replays; shrunk, so it reads short.
 *
 * Settings (environment): MODEL_SEED (another seed), MODEL_RUNS (sequences per spec), MODEL_PATH
 * (with MODEL_SEED: straight to the shrunk case a failure printed), MODEL_DEBUG=1 (steps, calls and
 * CPU time of the run, for tuning its cost), MODEL_DEBUG=log (also every sequence, step by step, and
 * what it reached).
 */

/** From this many sequences on, a run must reach everything in `mustReach`. */
const COVERAGE_FROM_RUNS = 50;

/** HTTP calls made in this process, for MODEL_DEBUG. */
let calls = 0;

/** The default seed: every run of the default tests walks the same sequences. MODEL_SEED picks others. */
const DEFAULT_SEED = 20261201;

export function modelSeed(): number {
  const given = process.env.MODEL_SEED;
  if (given === undefined || given === '') return DEFAULT_SEED;
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`MODEL_SEED must be an integer, got "${given}"`);
  return seed;
}

/** Sequences per spec: the spec's own default, or MODEL_RUNS (as `pnpm test:deep` sets it). */
export function modelRuns(defaultRuns: number): number {
  const given = process.env.MODEL_RUNS;
  if (given === undefined || given === '') return defaultRuns;
  const runs = Number(given);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`MODEL_RUNS must be a whole number above 0, got "${given}"`);
  return runs;
}

/**
 * Jest's limit for one model test. Generous, as the machine may be shared; a sequence never waits on
 * a timer, so this only stops a run that hangs.
 */
export function modelTimeoutMs(runs: number): number {
  return 120_000 + runs * 4_000;
}

export interface ModelWorld {
  clock: FixedClock;
  app(): TestApp;
  userId(who: string): string;
  /**
   * A call as one of the people (null: nobody signed in). Any 5xx fails the step at once, naming the
   * call: no sequence of steps may break the server.
   */
  api<T = any>(who: string | null, method: string, path: string, body?: unknown): Promise<ApiReply<T>>;
  /** Empties the given tables (the people and the tree stay): each sequence starts clean. */
  clear(tables: string[]): Promise<void>;
  /**
   * One pass of the escalation sweep at the clock's time, its errors thrown. Called directly rather
   * than through the leased timer, which may be mid-pass: the sweep re-checks each row under its lock,
   * so whichever pass takes a due request, it is done and committed when this returns.
   */
  sweep(): Promise<void>;
}

/**
 * One app for a spec file, on a clock the steps move: the tree and the people are made and signed in
 * once (sign-in and app start are the slow part), each sequence clears only its own tables.
 */
export function useModelWorld(start: Date, people: Array<[string, PersonSpec]>): ModelWorld {
  const clock: FixedClock = { at: start, now() { return this.at; } };
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await t.reset();
    await createTree(t.dataSource);
    Object.assign(tokens, await createPeopleSignedIn(t.dataSource, (key) => signInAs(t!.baseUrl, key), people));
    for (const [name, spec] of people) {
      const [row] = await t.dataSource.query('SELECT id FROM app_user WHERE demo_key = ?', [spec.key]);
      ids[name] = row.id;
    }
  });
  afterAll(() => t?.close());

  const app = (): TestApp => {
    if (!t) throw new Error('the model world is used before its app started');
    return t;
  };
  return {
    clock,
    app,
    userId: (who) => {
      const id = ids[who];
      if (!id) throw new Error(`no person "${who}" in this model world`);
      return id;
    },
    api: async <T = any>(who: string | null, method: string, path: string, body?: unknown) => {
      calls += 1;
      const reply = await call<T>(app().baseUrl, method, path, { token: who ? tokens[who] : undefined, body });
      if (reply.status >= 500) {
        throw new Error(`${method} ${path} as ${who ?? 'nobody'} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      }
      return reply;
    },
    clear: async (tables) => {
      for (const table of tables) await app().dataSource.query(`DELETE FROM ${table}`);
    },
    sweep: async () => {
      await app().app.get(RequestsService).sweep();
    },
  };
}

/** What every model keeps: the readable log of the steps run, and what the run reached (for coverage). */
export interface ModelBase {
  log: string[];
  reached: Set<string>;
}

export type ModelCommand<M extends ModelBase, R> = fc.AsyncCommand<M, R>;

export interface ModelRunSpec<P, M extends ModelBase, R> {
  name: string;
  /** What each sequence starts from (capacities, …), generated and shrunk with the steps. */
  start: fc.Arbitrary<P>;
  commands: Array<fc.Arbitrary<ModelCommand<M, R>>>;
  /** The longest sequence; lengths spread over the whole range (fast-check's default size keeps them under ten). */
  maxCommands: number;
  runs: number;
  /** Clears the tables and builds the model and the real handle for one sequence. */
  setup(start: P): Promise<{ model: M; real: R }>;
  /** Things the sequences must have reached between them, so a model that never gets deep fails too. */
  mustReach: string[];
}

/**
 * Runs the sequences. On a failure, throws with the seed, the replay path and the shortest sequence
 * fast-check found, one numbered step a line, the failing step last with what went wrong.
 */
export async function runModel<P, M extends ModelBase, R>(spec: ModelRunSpec<P, M, R>): Promise<void> {
  const seed = modelSeed();
  const path = process.env.MODEL_PATH || undefined;
  const reached = new Set<string>();
  let lastFailure: { start: P; log: string[]; error: unknown } | null = null;

  const property = fc.asyncProperty(spec.start, fc.noBias(fc.commands(spec.commands, { maxCommands: spec.maxCommands, size: 'max' })), async (start, commands) => {
    const { model, real } = await spec.setup(start);
    try {
      await fc.asyncModelRun(() => ({ model, real }), commands);
    } catch (error) {
      // The last failing sequence is the shrunk one: fast-check stops shrinking at a failure it cannot shorten.
      lastFailure = { start, log: [...model.log], error };
      throw error;
    } finally {
      for (const label of model.reached) reached.add(label);
      stepsRun += model.log.length;
      if (process.env.MODEL_DEBUG === 'log') console.log(`${model.log.length} steps, reached ${[...model.reached].join(' | ')}:\n  ${model.log.join('\n  ')}`);
    }
  });
  let stepsRun = 0;
  const [cpuBefore, callsBefore] = [process.cpuUsage(), calls];
  const details = await fc.check(property, { seed, numRuns: spec.runs, ...(path ? { path } : {}) });
  if (process.env.MODEL_DEBUG) {
    const cpu = process.cpuUsage(cpuBefore);
    console.log(`${spec.name} model: ${details.numRuns} sequences, ${stepsRun} steps, ${calls - callsBefore} calls, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (app and test)`);
  }
  if (details.failed) {
    const failure = lastFailure as { start: P; log: string[]; error: unknown } | null;
    const error = failure?.error ?? details.errorInstance;
    const message = error instanceof Error ? error.message : String(error);
    const steps = failure?.log ?? [];
    throw new Error(
      [
        `The ${spec.name} model failed after ${details.numRuns} sequence(s), shrunk ${details.numShrinks} time(s).`,
        `Replay: MODEL_SEED=${details.seed} MODEL_PATH=${details.counterexamplePath ?? ''} (MODEL_SEED alone reruns the search).`,
        `Start: ${fc.stringify(failure?.start ?? details.counterexample?.[0])}`,
        'Shortest sequence found:',
        ...steps.map((step, i) => `  ${i + 1}. ${step}${i === steps.length - 1 ? '   <-- fails' : ''}`),
        '',
        message,
      ].join('\n'),
    );
  }
  // A quick run (a few sequences) or a replay of one case is not expected to get everywhere.
  if (!path && spec.runs >= COVERAGE_FROM_RUNS) {
    const missed = spec.mustReach.filter((label) => !reached.has(label));
    if (missed.length > 0) {
      throw new Error(`The ${spec.name} model never reached: ${missed.join(', ')} in ${spec.runs} sequences (seed ${seed}). Raise MODEL_RUNS or the weights.`);
    }
  }
}
