import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { LocalMoment, NearbyPlace, NearestQuery } from '@wfh/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { localMomentOf } from '../../infra/clock/china-calendar';
import { COORDINATION_EVENTS, PUB_SUB, type CoordinationEvents, type PubSub } from '../../infra/redis/coordination';
import { BodyTable } from './body-table';
import { PlaceCatalog, type SearchMatch } from './place-catalog';
import { PlacesRepository } from './places.repository';

/** One channel tells every instance that a place changed; each reloads it from the database. */
export const PLACES_CHANNEL = 'places:changed';

/** One site, one body's details (address, phone, location), or every body (switched on or off, imported). */
export interface PlaceChange {
  type: 'site' | 'body' | 'bodies';
  id?: string;
}

/**
 * The in-memory index of places, a cache of the database: built at start-up, patched when a site
 * changes anywhere (Redis pub/sub across instances, the in-process stand-in in embedded mode).
 */
@Injectable()
export class PlacesIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlacesIndex.name);
  private catalog: PlaceCatalog = PlaceCatalog.build([], BodyTable.from([]), false);
  private unsubscribe: (() => Promise<void>) | null = null;
  private stopRebuildOnRestore: (() => void) | null = null;
  /** Changes apply one at a time, in the order they arrive. */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly places: PlacesRepository,
    @Inject(PUB_SUB) private readonly pubsub: PubSub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COORDINATION_EVENTS) private readonly coordination: CoordinationEvents,
  ) {}

  /** Demo sites and demo locations exist for the embedded demo only. */
  private get includeDemo(): boolean {
    return this.config.mode === 'embedded';
  }

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = await this.pubsub.subscribe(PLACES_CHANNEL, (message) => {
      this.pending = this.pending.then(() => this.apply(JSON.parse(message) as PlaceChange)).catch((error) => {
        this.logger.error(`could not apply a place change (${message}): ${(error as Error).message}`);
      });
    });
    // Changes announced while Redis was away never arrived: rebuild once, in turn with the changes.
    this.stopRebuildOnRestore = this.coordination.onRestored(() => {
      this.pending = this.pending
        .then(() => this.rebuild())
        .catch((error) => this.logger.error(`could not rebuild the places index after Redis returned: ${(error as Error).message}`));
      return this.pending;
    });
    await this.rebuild();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopRebuildOnRestore?.();
    await this.unsubscribe?.();
  }

  async rebuild(): Promise<void> {
    const started = Date.now();
    const [sites, bodies] = await Promise.all([this.places.visibleSites(this.includeDemo), this.places.activeBodies()]);
    this.catalog = PlaceCatalog.build(sites, bodies, this.includeDemo);
    this.logger.log(
      `places index: ${this.catalog.siteCount} sites, ${this.catalog.locatedBodyCount} located bodies of ${bodies.size}, built in ${Date.now() - started} ms`,
    );
  }

  /** Called after the change is committed; every instance, this one included, hears it. */
  async announce(change: PlaceChange): Promise<void> {
    await this.pubsub.publish(PLACES_CHANNEL, JSON.stringify(change));
  }

  /** Resolves once every change heard so far is in the index (tests, and reads after one's own write). */
  settled(): Promise<void> {
    return this.pending;
  }

  nearest(query: NearestQuery): NearbyPlace[] {
    return this.catalog.nearest(query, this.currentMoment());
  }

  /** Opening hours are decided to the minute: work out the calendar once a minute, not per query. */
  private moment: { minute: number; value: LocalMoment } | null = null;

  private currentMoment(): LocalMoment {
    const minute = Math.floor(this.clock.now().getTime() / 60_000);
    if (this.moment?.minute !== minute) this.moment = { minute, value: localMomentOf(new Date(minute * 60_000)) };
    return this.moment.value;
  }

  search(text: string, limit: number): SearchMatch[] {
    return this.catalog.search(text, limit);
  }

  private async apply(change: PlaceChange): Promise<void> {
    if (change.type === 'site' && change.id) {
      this.catalog = this.catalog.withSite(change.id, await this.places.visibleSite(change.id, this.includeDemo));
      return;
    }
    if (change.type === 'body' && change.id) {
      const patched = this.catalog.withBody(change.id, await this.places.activeBody(change.id));
      if (patched) {
        this.catalog = patched;
        return;
      }
    }
    await this.rebuild();
  }
}
