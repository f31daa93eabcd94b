import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ancestorRegionCodes, type RegionLevel, type RegionNode } from '@wfh/shared';

interface RawNode {
  code: string;
  name: string;
  level: RegionLevel;
  hasChildren: number | string | boolean;
}

const NODE_COLUMNS = `r.code AS code, r.name AS name, r.level AS level,
  EXISTS (SELECT 1 FROM region c WHERE c.parent_code = r.code) AS hasChildren`;

const toNode = (row: RawNode): RegionNode => ({ code: row.code, name: row.name, level: row.level, hasChildren: Boolean(Number(row.hasChildren)) });

@Injectable()
export class RegionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async provinces(): Promise<RegionNode[]> {
    const rows: RawNode[] = await this.dataSource.query(`SELECT ${NODE_COLUMNS} FROM region r WHERE r.parent_code IS NULL ORDER BY r.code`);
    return rows.map(toNode);
  }

  async childrenOf(code: string): Promise<RegionNode[]> {
    const rows: RawNode[] = await this.dataSource.query(`SELECT ${NODE_COLUMNS} FROM region r WHERE r.parent_code = ? ORDER BY r.code`, [code]);
    return rows.map(toNode);
  }

  /** The region and its ancestors, province first; empty when the code is unknown. */
  async pathTo(code: string): Promise<RegionNode[]> {
    const codes = [...ancestorRegionCodes(code), code];
    const rows: RawNode[] = await this.dataSource.query(
      `SELECT ${NODE_COLUMNS} FROM region r WHERE r.code IN (${codes.map(() => '?').join(', ')}) ORDER BY LENGTH(r.code)`,
      codes,
    );
    return rows.map(toNode);
  }

  async exists(code: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM region WHERE code = ?', [code]);
    return rows.length > 0;
  }
}
