import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { RegionLevel, SiteKind, SiteSummary } from '@wfh/shared';
import { FederationEntity } from '../federations/federation.entity';
import { BodyTableBuilder, type BodyTable } from './body-table';

// Small pages die young in the garbage collector instead of growing the old generation.
const BODY_PAGE = 5_000;

/** What the index keeps of a site: enough to find it, filter it and list it. */
export type IndexedSite = Pick<
  SiteSummary,
  | 'id'
  | 'federationId'
  | 'kind'
  | 'name'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'phone'
  | 'openingHours'
  | 'openingExceptions'
  | 'services'
  | 'isDemo'
>;

export interface BodyRow {
  id: string;
  regionName: string;
  name: string;
  level: RegionLevel;
  latitude: number | null;
  longitude: number | null;
  locationIsDemo: boolean;
  address: string | null;
  phone: string | null;
}

interface RawSite {
  id: string;
  federationId: string;
  kind: SiteKind;
  name: string;
  address: string;
  latitude: number | string;
  longitude: number | string;
  phone: string | null;
  openingHours: string;
  openingExceptions: string | null;
  services: string;
  isDemo: number | boolean;
}

const SITE_COLUMNS = `id, federation_id AS federationId, kind, name, address, latitude, longitude, phone,
  opening_hours AS openingHours, opening_exceptions AS openingExceptions, services, is_demo AS isDemo`;

function toIndexedSite(row: RawSite): IndexedSite {
  return {
    ...row,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    openingHours: JSON.parse(row.openingHours),
    openingExceptions: row.openingExceptions ? JSON.parse(row.openingExceptions) : [],
    services: JSON.parse(row.services),
    isDemo: Boolean(Number(row.isDemo)),
  };
}

type RawBody = Omit<BodyRow, 'locationIsDemo'> & { locationIsDemo: number | boolean };

const BODY_COLUMNS = `id, region_name AS regionName, name, level, latitude, longitude, location_is_demo AS locationIsDemo, address, phone`;

function toBodyRow(row: RawBody): BodyRow {
  return {
    ...row,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    locationIsDemo: Boolean(Number(row.locationIsDemo)),
  };
}

/** Raw reads for the in-memory index: hydrating 665k entities would take seconds (STACK-NOTES). */
@Injectable()
export class PlacesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async visibleSites(includeDemo: boolean): Promise<IndexedSite[]> {
    const rows: RawSite[] = await this.dataSource.query(
      `SELECT ${SITE_COLUMNS} FROM site WHERE active = ? ${includeDemo ? '' : 'AND is_demo = ?'} ORDER BY id`,
      includeDemo ? [true] : [true, false],
    );
    return rows.map(toIndexedSite);
  }

  /** The site as women may see it, or null when it is inactive (or demo data where demo is hidden). */
  async visibleSite(id: string, includeDemo: boolean): Promise<IndexedSite | null> {
    const rows: RawSite[] = await this.dataSource.query(`SELECT ${SITE_COLUMNS} FROM site WHERE id = ? AND active = ?`, [id, true]);
    const site = rows[0] ? toIndexedSite(rows[0]) : null;
    return site && (includeDemo || !site.isDemo) ? site : null;
  }

  /**
   * Every active body, read page by page (keyset on the id) straight into a column table, so the
   * national set never sits in memory as 665k row objects at once.
   */
  async activeBodies(): Promise<BodyTable> {
    const builder = new BodyTableBuilder();
    let after = '';
    for (;;) {
      const rows: RawBody[] = await this.dataSource.query(
        `SELECT ${BODY_COLUMNS} FROM federation WHERE active = ? AND id > ? ORDER BY id LIMIT ${BODY_PAGE}`,
        [true, after],
      );
      for (const row of rows) builder.add(toBodyRow(row));
      if (rows.length < BODY_PAGE) return builder.build();
      after = rows[rows.length - 1].id;
    }
  }

  /** One body as the index keeps it, or null when it is switched off or unknown. */
  async activeBody(id: string): Promise<BodyRow | null> {
    const rows: RawBody[] = await this.dataSource.query(
      `SELECT ${BODY_COLUMNS} FROM federation WHERE id = ? AND active = ?`,
      [id, true],
    );
    return rows[0] ? toBodyRow(rows[0]) : null;
  }

  async regionNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(FederationEntity)
      .find({ select: { id: true, regionName: true }, where: { id: In(ids) } });
    return new Map(rows.map((row) => [row.id, row.regionName]));
  }
}
