import { Inject, Injectable } from '@nestjs/common';
import type { ImportPhase, ImportProgress } from '@wfh/shared';
import { CACHE_STORE, type CacheStore } from '../../infra/redis/coordination';
import { PROGRESS_EVERY } from './plan';

/**
 * Long enough to outlive the pause between two reports (a few hundred rows, or one batch of writes)
 * and the console's last poll after the answer; short, because nothing else ever needs it.
 */
export const PROGRESS_TTL_SECONDS = 300;

interface Stored extends ImportProgress {
  countyId: string;
}

/**
 * Where each running import stands, kept in the cache store: Redis in production, so the console's
 * poll is answered whichever instance it reaches, the in-process store in embedded mode. The key
 * holds the user who started the import, so nobody else can read it, or overwrite it with an id of
 * her own choosing. Losing a record (Redis away) only costs the bar: the import goes on.
 */
@Injectable()
export class ImportProgressStore {
  constructor(@Inject(CACHE_STORE) private readonly cache: CacheStore) {}

  /** A tracker for one import; one that records nothing when the client sent no progress id. */
  tracker(userId: string, countyId: string, progressId: string | undefined): ProgressTracker {
    if (progressId === undefined) return new ProgressTracker(async () => undefined);
    const key = keyOf(userId, progressId);
    return new ProgressTracker(async (progress) => {
      const stored: Stored = { countyId, ...progress };
      await this.cache.set(key, JSON.stringify(stored), PROGRESS_TTL_SECONDS);
    });
  }

  /** Her own import's progress in that county, or null (never hers, another county's, or expired). */
  async read(userId: string, countyId: string, progressId: string): Promise<ImportProgress | null> {
    const raw = await this.cache.get(keyOf(userId, progressId));
    if (raw === null) return null;
    const { countyId: county, phase, done, total } = JSON.parse(raw) as Stored;
    return county === countyId ? { phase, done, total } : null;
  }
}

const keyOf = (userId: string, progressId: string) => `import-progress:${userId}:${progressId}`;

/** Says where one import is. */
export class ProgressTracker {
  /** The file's data rows, once checking has begun: what `done` counts. */
  private rows = 0;

  constructor(private readonly save: (progress: ImportProgress) => Promise<void>) {}

  report(phase: ImportPhase, done: number, total: number): Promise<void> {
    if (phase === 'checking') this.rows = total;
    return this.save({ phase, done, total });
  }

  /** Done with the file, whatever the answer: every row read (none, if it could not be read). */
  finish(): Promise<void> {
    return this.report('done', this.rows, this.rows);
  }

  /** Starts a phase of `total` steps; the function it gives counts steps done, reporting every PROGRESS_EVERY and the last. */
  async begin(phase: ImportPhase, total: number): Promise<(steps: number) => Promise<void>> {
    let done = 0;
    let reported = 0;
    await this.report(phase, 0, total);
    return async (steps) => {
      done += steps;
      if (done - reported < PROGRESS_EVERY && done < total) return;
      reported = done;
      await this.report(phase, done, total);
    };
  }
}
