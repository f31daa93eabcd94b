import { REGION_LEVELS_TOP_DOWN, federationNameFor, placeNameOf, type RegionLevel } from '@wfh/shared';
import type { BodyRow } from './places.repository';

const LEVEL_CODES = new Map(REGION_LEVELS_TOP_DOWN.map((level, code) => [level, code]));

/**
 * Every active body, column by column: about 665,000 of them nationally, so one object each would
 * cost twice the memory and a heavier heap for the garbage collector to walk. Names are stored as
 * the everyday place name ("懿路村"); the body's name is that plus 妇联 unless it was stored apart.
 */
/** The columns, one entry per body; optional values kept sparse. */
export interface BodyColumns {
  ids: string[];
  places: string[];
  levelCodes: Uint8Array;
  /** NaN where the body has no location. */
  latitudes: Float64Array;
  longitudes: Float64Array;
  demoLocations: Uint8Array;
  otherNames: Map<number, string>;
  addresses: Map<number, string>;
  phones: Map<number, string>;
}

export class BodyTable {
  constructor(private readonly c: BodyColumns) {}

  static from(rows: Iterable<BodyRow>): BodyTable {
    const builder = new BodyTableBuilder();
    for (const row of rows) builder.add(row);
    return builder.build();
  }

  get size(): number {
    return this.c.ids.length;
  }

  id(i: number): string {
    return this.c.ids[i];
  }

  placeName(i: number): string {
    return this.c.places[i];
  }

  name(i: number): string {
    return this.c.otherNames.get(i) ?? `${this.c.places[i]}妇联`;
  }

  level(i: number): RegionLevel {
    return REGION_LEVELS_TOP_DOWN[this.c.levelCodes[i]];
  }

  levelRank(i: number): number {
    return this.c.levelCodes[i];
  }

  hasLocation(i: number): boolean {
    return !Number.isNaN(this.c.latitudes[i]);
  }

  latitude(i: number): number {
    return this.c.latitudes[i];
  }

  longitude(i: number): number {
    return this.c.longitudes[i];
  }

  locationIsDemo(i: number): boolean {
    return this.c.demoLocations[i] === 1;
  }

  address(i: number): string | null {
    return this.c.addresses.get(i) ?? null;
  }

  phone(i: number): string | null {
    return this.c.phones.get(i) ?? null;
  }

  /** The row of a body, or -1: a scan of the ids, about a millisecond for the whole country. */
  indexOf(id: string): number {
    return this.c.ids.indexOf(id);
  }

  /**
   * The same table with row `i` (the body `row.id`) as the database has it now. Columns that did not
   * change are shared with this table, the others copied: this table stays as it was for queries
   * still holding it. `moved`: its location or whether that is demo data changed, so the kd-tree of
   * located bodies no longer fits.
   */
  withRow(i: number, row: BodyRow): { table: BodyTable; moved: boolean } {
    const c = this.c;
    if (c.ids[i] !== row.id) throw new Error(`row ${i} of the body table is ${c.ids[i]}, not ${row.id}`);
    const located = row.latitude !== null && row.longitude !== null;
    const latitude = located ? row.latitude! : Number.NaN;
    const longitude = located ? row.longitude! : Number.NaN;
    const demo = row.locationIsDemo ? 1 : 0;
    // Object.is: NaN (no location) equals NaN.
    const moved = !Object.is(c.latitudes[i], latitude) || !Object.is(c.longitudes[i], longitude) || c.demoLocations[i] !== demo;
    const place = placeNameOf(row.regionName);
    const next: BodyColumns = {
      ...c,
      places: c.places[i] === place ? c.places : replaced(c.places, i, place),
      latitudes: moved ? replacedNumber(c.latitudes, i, latitude) : c.latitudes,
      longitudes: moved ? replacedNumber(c.longitudes, i, longitude) : c.longitudes,
      demoLocations: moved ? replacedNumber(c.demoLocations, i, demo) : c.demoLocations,
      otherNames: withEntry(c.otherNames, i, row.name !== federationNameFor(row.regionName) ? row.name : null),
      addresses: withEntry(c.addresses, i, row.address || null),
      phones: withEntry(c.phones, i, row.phone || null),
    };
    return { table: new BodyTable(next), moved };
  }
}

function replaced<T>(values: T[], i: number, value: T): T[] {
  const copy = values.slice();
  copy[i] = value;
  return copy;
}

function replacedNumber<A extends Float64Array | Uint8Array>(values: A, i: number, value: number): A {
  const copy = values.slice() as A;
  copy[i] = value;
  return copy;
}

/** The sparse column with entry `i` set (or removed, null); the same map when nothing changes. */
function withEntry(map: Map<number, string>, i: number, value: string | null): Map<number, string> {
  if ((map.get(i) ?? null) === value) return map;
  const copy = new Map(map);
  if (value === null) copy.delete(i);
  else copy.set(i, value);
  return copy;
}

export class BodyTableBuilder {
  private readonly ids: string[] = [];
  private readonly places: string[] = [];
  private readonly levels: number[] = [];
  private readonly latitudes: number[] = [];
  private readonly longitudes: number[] = [];
  private readonly demo: number[] = [];
  private readonly otherNames = new Map<number, string>();
  private readonly addresses = new Map<number, string>();
  private readonly phones = new Map<number, string>();

  add(row: BodyRow): void {
    const i = this.ids.length;
    const place = placeNameOf(row.regionName);
    this.ids.push(row.id);
    this.places.push(place);
    if (row.name !== federationNameFor(row.regionName)) this.otherNames.set(i, row.name);
    this.levels.push(LEVEL_CODES.get(row.level)!);
    const located = row.latitude !== null && row.longitude !== null;
    this.latitudes.push(located ? row.latitude! : Number.NaN);
    this.longitudes.push(located ? row.longitude! : Number.NaN);
    this.demo.push(row.locationIsDemo ? 1 : 0);
    if (row.address) this.addresses.set(i, row.address);
    if (row.phone) this.phones.set(i, row.phone);
  }

  build(): BodyTable {
    return new BodyTable({
      ids: this.ids,
      places: this.places,
      levelCodes: Uint8Array.from(this.levels),
      latitudes: Float64Array.from(this.latitudes),
      longitudes: Float64Array.from(this.longitudes),
      demoLocations: Uint8Array.from(this.demo),
      otherNames: this.otherNames,
      addresses: this.addresses,
      phones: this.phones,
    });
  }
}
