import KDBush from 'kdbush';
import { around } from 'geokdbush';
import {
  distanceMetres,
  openRangesOfDay,
  type LocalMoment,
  type NearbyPlace,
  type NearestQuery,
  type SearchHit,
} from '@wfh/shared';
import { BodyTable } from './body-table';
import type { BodyRow, IndexedSite } from './places.repository';

export const NEAREST_DEFAULTS = { k: 10, maxK: 50, radiusMetres: 50_000, maxRadiusMetres: 500_000 } as const;

/** A search hit before its path of parent names is filled in. */
export type SearchMatch = Omit<SearchHit, 'path'>;

interface Bodies {
  table: BodyTable;
  /** Rows of the table whose location women may see, in the order the tree was built. */
  located: Int32Array;
  tree: KDBush | null;
}

/** Smaller leaves than kdbush's default 64 make k-nearest queries cheaper at a small cost in memory. */
const KD_NODE_SIZE = 16;

function buildTree(count: number, lngOf: (i: number) => number, latOf: (i: number) => number): KDBush | null {
  if (count === 0) return null;
  const tree = new KDBush(count, KD_NODE_SIZE);
  for (let i = 0; i < count; i++) tree.add(lngOf(i), latOf(i));
  tree.finish();
  return tree;
}

/** The bodies women may find by distance: located, and not demo data unless the demo is shown. */
function locatedBodies(bodies: BodyTable, includeDemo: boolean): Bodies {
  const located = new Int32Array(bodies.size);
  let count = 0;
  for (let i = 0; i < bodies.size; i++) {
    if (bodies.hasLocation(i) && (includeDemo || !bodies.locationIsDemo(i))) located[count++] = i;
  }
  const locatedRows = located.slice(0, count);
  const tree = buildTree(count, (i) => bodies.longitude(locatedRows[i]), (i) => bodies.latitude(locatedRows[i]));
  return { table: bodies, located: locatedRows, tree };
}

/**
 * An immutable snapshot of every place women may find: sites and bodies with a location in two
 * kd-trees (k-nearest on the sphere via geokdbush), and every body's name for search. A change makes
 * a new snapshot; queries never see a half-built one.
 */
export class PlaceCatalog {
  /** Each site's opening hours today as flat [from, to, from, to, …] minutes; see openRangesOn. */
  private openRanges: { day: string; bySite: number[][] } | null = null;

  private constructor(
    private readonly sites: IndexedSite[],
    private readonly siteTree: KDBush | null,
    private readonly bodies: Bodies,
    private readonly includeDemo: boolean,
  ) {}

  static build(sites: IndexedSite[], bodies: BodyTable, includeDemo: boolean): PlaceCatalog {
    const visibleSites = includeDemo ? sites : sites.filter((s) => !s.isDemo);
    return new PlaceCatalog(visibleSites, PlaceCatalog.siteTreeOf(visibleSites), locatedBodies(bodies, includeDemo), includeDemo);
  }

  private static siteTreeOf(sites: IndexedSite[]): KDBush | null {
    return buildTree(sites.length, (i) => sites[i].longitude, (i) => sites[i].latitude);
  }

  get siteCount(): number {
    return this.sites.length;
  }

  get locatedBodyCount(): number {
    return this.bodies.located.length;
  }

  /** The same bodies with one site added, replaced, or (null) removed. */
  withSite(id: string, site: IndexedSite | null): PlaceCatalog {
    const sites = this.sites.filter((s) => s.id !== id);
    if (site) sites.push(site);
    sites.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return new PlaceCatalog(sites, PlaceCatalog.siteTreeOf(sites), this.bodies, this.includeDemo);
  }

  /**
   * The same sites with one body's details as they are now (`row`: the active body from the
   * database, null when it is inactive or gone). A new address or phone reuses the kd-tree; a new
   * location rebuilds only the bodies' tree (about 0.3 s for the whole country, against seconds to
   * read every body again). A body switched on or off changes the rows themselves: null, rebuild.
   */
  withBody(id: string, row: BodyRow | null): PlaceCatalog | null {
    const i = this.bodies.table.indexOf(id);
    if (i < 0) return row === null ? this : null;
    if (row === null) return null;
    const { table, moved } = this.bodies.table.withRow(i, row);
    const bodies = moved ? locatedBodies(table, this.includeDemo) : { ...this.bodies, table };
    return new PlaceCatalog(this.sites, this.siteTree, bodies, this.includeDemo);
  }

  nearest(query: NearestQuery, moment: LocalMoment): NearbyPlace[] {
    const k = query.k ?? NEAREST_DEFAULTS.k;
    const radiusKm = (query.radiusMetres ?? NEAREST_DEFAULTS.radiusMetres) / 1000;
    const filtersSites = query.kind !== undefined || query.service !== undefined || query.openNow === true;
    const origin = { latitude: query.latitude, longitude: query.longitude };
    const found: NearbyPlace[] = [];

    if (query.type !== 'body' && this.siteTree) {
      const open = this.openRangesOn(moment);
      const isOpen = (i: number) => {
        const ranges = open[i];
        for (let r = 0; r < ranges.length; r += 2) if (moment.minutes >= ranges[r] && moment.minutes < ranges[r + 1]) return true;
        return false;
      };
      const accepts = (i: number) => {
        const site = this.sites[i];
        return (
          (query.kind === undefined || site.kind === query.kind) &&
          (query.service === undefined || site.services.includes(query.service)) &&
          (query.openNow !== true || isOpen(i))
        );
      };
      for (const i of around(this.siteTree, query.longitude, query.latitude, k, radiusKm, accepts) as number[]) {
        const site = this.sites[i];
        found.push({
          type: 'site',
          id: site.id,
          name: site.name,
          federationId: site.federationId,
          kind: site.kind,
          level: null,
          latitude: site.latitude,
          longitude: site.longitude,
          distanceMetres: distanceMetres(origin, site),
          address: site.address,
          phone: site.phone,
          services: site.services,
          openNow: isOpen(i),
          isDemo: site.isDemo,
        });
      }
    }
    // Kinds, services and hours describe sites; asking for them leaves bodies out.
    if (query.type !== 'site' && !filtersSites && this.bodies.tree) {
      for (const i of around(this.bodies.tree, query.longitude, query.latitude, k, radiusKm) as number[]) {
        const row = this.bodies.located[i];
        const table = this.bodies.table;
        const point = { latitude: table.latitude(row), longitude: table.longitude(row) };
        found.push({
          type: 'body',
          id: table.id(row),
          name: table.name(row),
          federationId: table.id(row),
          kind: null,
          level: table.level(row),
          ...point,
          distanceMetres: distanceMetres(origin, point),
          address: table.address(row),
          phone: table.phone(row),
          services: [],
          openNow: null,
          isDemo: table.locationIsDemo(row),
        });
      }
    }
    // Equal distances fall back to type and id, so the same question always gets the same list.
    found.sort((a, b) => a.distanceMetres - b.distanceMetres || a.type.localeCompare(b.type) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return found.slice(0, k).map((place) => ({ ...place, distanceMetres: Math.round(place.distanceMetres) }));
  }

  /**
   * Opening hours depend on the day alone (its date and kind, and the day before's), so they are worked
   * out for every site once a day, and "open now" is then a comparison of minutes per site. The kind
   * of day is in the key because an admin may change the holiday calendar for today.
   */
  private openRangesOn(moment: LocalMoment): number[][] {
    const day = `${moment.date} ${moment.dayKind} ${moment.previous.dayKind}`;
    if (this.openRanges?.day !== day) {
      const bySite = this.sites.map((site) =>
        openRangesOfDay(site.openingHours, site.openingExceptions, moment).flatMap(({ from, to }) => [from, to]),
      );
      this.openRanges = { day, bySite };
    }
    return this.openRanges.bySite;
  }

  /**
   * Bodies and sites whose name contains the text: exact names first, then names that start with it,
   * then the rest; within each, higher levels first, then by code. Scans names in memory (about
   * 10 ms for the whole country), keeping at most `limit` per group.
   */
  search(text: string, limit: number): SearchMatch[] {
    const q = text.trim();
    if (q.length === 0) return [];
    const groups = new Map<number, SearchMatch[]>();
    const keep = (group: number, match: SearchMatch) => {
      const bucket = groups.get(group) ?? [];
      if (bucket.length < limit) bucket.push(match);
      groups.set(group, bucket);
    };
    // "新台子镇妇联" means the body of 新台子镇: match on the place name.
    const place = q.endsWith('妇联') && q.length > 2 ? q.slice(0, -2) : q;
    const quality = (name: string) => (name === place ? 0 : name.startsWith(place) ? 1 : name.includes(place) ? 2 : -1);

    const table = this.bodies.table;
    for (let i = 0; i < table.size; i++) {
      const score = quality(table.placeName(i));
      if (score < 0) continue;
      keep(score * 10 + table.levelRank(i), {
        type: 'body',
        id: table.id(i),
        name: table.name(i),
        federationId: table.id(i),
        level: table.level(i),
        kind: null,
      });
    }
    for (const site of this.sites) {
      const score = quality(site.name);
      if (score < 0) continue;
      keep(score * 10 + 9, { type: 'site', id: site.id, name: site.name, federationId: site.federationId, level: null, kind: site.kind });
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([, matches]) => matches)
      .slice(0, limit);
  }

}
