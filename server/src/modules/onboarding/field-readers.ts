import { isInsideChina as insideChina, PHONE_PATTERN, type ImportProblem, type ImportRowOutcome } from '@wfh/shared';
import { formatPhone, normalisePhone } from '../../infra/crypto/phone-digest';
import { COLUMNS, type ColumnKey, type DataRow, type MatchedTable } from './columns';
import type { ImportKind } from '@wfh/shared';

export type Read<T> = { ok: true; value: T; warning?: string } | { ok: false; message: string };

/**
 * What one row of a plan collects: its problems (the row is then not imported), its warnings, and
 * the column names as the file wrote them.
 */
export class RowContext {
  readonly problems: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];

  constructor(
    readonly kind: ImportKind,
    readonly row: DataRow,
    private readonly headers: MatchedTable['headers'],
  ) {}

  get number(): number {
    return this.row.number;
  }

  text(key: ColumnKey): string {
    return this.row.values[key] ?? '';
  }

  has(key: ColumnKey): boolean {
    return this.text(key) !== '';
  }

  column(key: ColumnKey): string {
    return this.headers[key] ?? COLUMNS[this.kind].find((c) => c.key === key)?.header ?? key;
  }

  problem(key: ColumnKey | null, message: string): void {
    this.problems.push({ row: this.number, column: key ? this.column(key) : null, message });
  }

  warn(key: ColumnKey | null, message: string): void {
    this.warnings.push({ row: this.number, column: key ? this.column(key) : null, message });
  }

  /** A reading's value, or undefined with its message recorded against the column. */
  take<T>(key: ColumnKey, reading: Read<T>): T | undefined {
    if (!reading.ok) {
      this.problem(key, reading.message);
      return undefined;
    }
    if (reading.warning) this.warn(key, reading.warning);
    return reading.value;
  }

  get bad(): boolean {
    return this.problems.length > 0;
  }
}

/** Rows the template ships as examples: importing one by mistake would create a fake place. */
export function isExampleRow(row: DataRow): boolean {
  return Object.values(row.values).some((value) => /^[(（]?示例[)）]?/.test(value ?? ''));
}

export const EXAMPLE_MARK = '（示例）';

export function readText(value: string, label: string, maxLength: number, required: boolean): Read<string | null> {
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '') return required ? { ok: false, message: `请填写${label}` } : { ok: true, value: null };
  if (text.length > maxLength) return { ok: false, message: `${label}太长了：最多 ${maxLength} 个字，现在是 ${text.length} 个字` };
  return { ok: true, value: text };
}

/** A person's name: Chinese or Latin letters, "·" between the parts of a minority name. */
export function readPersonName(value: string): Read<string> {
  const name = value.replace(/\s+/g, ' ').trim();
  if (name === '') return { ok: false, message: '请填写姓名' };
  if (name.length > 40) return { ok: false, message: '姓名太长了：最多 40 个字' };
  if (!/^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z·•.\s]*$/u.test(name)) {
    return { ok: false, message: `“${name}”不像一个姓名：只写姓名，职务和电话写在各自的列里` };
  }
  return { ok: true, value: name };
}

export interface Phone {
  /** normalisePhone's one spelling, for comparing and the digest. */
  normalised: string;
  /** What is stored for a site or body: as written when the API's pattern takes it. */
  stored: string;
}

export function readPhone(value: string): Read<Phone> {
  const normalised = normalisePhone(value);
  if (!normalised.ok) return { ok: false, message: normalised.message };
  const written = value.replace(/\s+/g, ' ').trim();
  const stored = PHONE_PATTERN.test(written) ? written : formatPhone(normalised.phone).replace('转', '-');
  return { ok: true, value: { normalised: normalised.phone, stored } };
}

/** The same phone however it was written, or the text itself when it is no phone (old free text). */
export function phoneKey(stored: string | null): string | null {
  if (stored === null || stored.trim() === '') return null;
  const normalised = normalisePhone(stored);
  return normalised.ok ? normalised.phone : stored.trim();
}

function readDegrees(text: string): number | null {
  const cleaned = text.normalize('NFKC').replace(/[°度\s]/g, '').replace(/^[NnEe北东]/, '').replace(/[NnEe北东]$/, '');
  if (!/^-?\d{1,3}(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export interface Location {
  latitude: number;
  longitude: number;
}

/**
 * 纬度 and 经度, or both in one "坐标" cell. Within China a latitude never exceeds 54 and a longitude
 * is never below 73, so a swapped pair is told apart for certain: taken the right way round, with a word.
 */
export function readLocation(latText: string, lngText: string, pairText: string): Read<Location | null> {
  let a = latText;
  let b = lngText;
  if (a === '' && b === '' && pairText !== '') {
    const parts = pairText.normalize('NFKC').split(/[,，;；\s]+/).filter(Boolean);
    if (parts.length !== 2) return { ok: false, message: '坐标请写成“纬度,经度”，例如“42.2915,123.8421”' };
    [a, b] = parts;
  }
  if (a === '' && b === '') return { ok: true, value: null };
  if (a === '' || b === '') return { ok: false, message: '纬度和经度要一起填写' };
  const first = readDegrees(a);
  const second = readDegrees(b);
  if (first === null || second === null) {
    return { ok: false, message: '坐标请写成小数（度），例如纬度 42.2915、经度 123.8421；度分秒请先换算成小数' };
  }
  if (insideChina(first, second)) return { ok: true, value: { latitude: first, longitude: second } };
  if (insideChina(second, first)) {
    return { ok: true, value: { latitude: second, longitude: first }, warning: '纬度和经度好像填反了，已经按纬度 ' + second + '、经度 ' + first + ' 读取' };
  }
  return { ok: false, message: `(${a}, ${b}) 不在中国境内：请在腾讯地图或高德地图上重新取点（GCJ-02 坐标）` };
}

/** 登记妇女人数: "1234", "1,234", "1234人". */
export function readCount(value: string): Read<number | null> {
  const cleaned = value.normalize('NFKC').replace(/[,\s人名]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+$/.test(cleaned)) return { ok: false, message: '人数请写整数，例如 1234' };
  const n = Number(cleaned);
  if (n > 10_000_000) return { ok: false, message: '人数太大了，请核对' };
  return { ok: true, value: n };
}

export const outcome = (row: number, action: ImportRowOutcome['action'], summary: string): ImportRowOutcome => ({ row, action, summary });

/** "电话 024-1 → 024-2": one change, in words. */
export const change = (label: string, before: string | null | undefined, after: string | null | undefined) =>
  `${label} ${before && before !== '' ? before : '（空）'} → ${after && after !== '' ? after : '（空）'}`;
