import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { CsvEncoding, SpreadsheetFormat } from '@wfh/shared';
import type { SheetRow } from './columns';

/**
 * Spreadsheets in and out: .xlsx through exceljs, .csv through csv-parse/csv-stringify. The format is
 * told by the bytes, not the content type: browsers on Windows send a .csv as application/vnd.ms-excel.
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** A county's whole roster is a few thousand rows; more in one file is a mistake (or a whole province). */
export const MAX_ROWS = 20_000;
/** What an .xlsx may unpack to: a few MB of XML for the largest real file, far less than a zip bomb. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export class UnreadableFile extends Error {}

export interface Sheet {
  name: string | null;
  rows: SheetRow[];
}

export interface ReadWorkbook {
  format: SpreadsheetFormat;
  encoding: CsvEncoding | null;
  sheets: Sheet[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function readSpreadsheet(file: Buffer): Promise<ReadWorkbook> {
  if (file.length === 0) throw new UnreadableFile('文件是空的，请选择填好的表格再上传');
  if (file.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new UnreadableFile('这是旧版 Excel 文件（.xls）：请在 Excel 里“另存为” Excel 工作簿（.xlsx）或 CSV 后再上传');
  }
  if (file.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(file);
  return readCsv(file);
}

// ---- xlsx ----

/** The sum of the sizes an .xlsx (a zip) says its parts unpack to, read from its central directory. */
export function unpackedSize(zip: Buffer): number {
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= searchFrom; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new UnreadableFile('这个 .xlsx 文件不完整，请重新保存后再上传');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new UnreadableFile('这个 .xlsx 文件不完整，请重新保存后再上传');
    const size = zip.readUInt32LE(at + 24);
    // 0xFFFFFFFF: a zip64 entry of 4 GB or more; no spreadsheet of a county is that.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/** A cell as the person sees it: rich text joined, a formula's result, a time as HH:mm. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) {
    const iso = value.toISOString();
    // Excel keeps a time of day as a date on 1899-12-30 (its day zero).
    return iso.startsWith('1899-12-30') || iso.startsWith('1899-12-31') ? iso.slice(11, 16) : iso.slice(0, 10);
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

async function readXlsx(file: Buffer): Promise<ReadWorkbook> {
  if (unpackedSize(file) > MAX_UNPACKED_BYTES) throw new UnreadableFile('这个 .xlsx 文件解开后太大了，请只保留要导入的那一张表');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw new UnreadableFile('读不出这个 .xlsx 文件：请在 Excel 或 WPS 里打开，另存为 .xlsx 后再上传');
  }
  let total = 0;
  const sheets: Sheet[] = workbook.worksheets.map((worksheet) => {
    const rows: SheetRow[] = [];
    const width = worksheet.columnCount;
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      // Cell by cell rather than row.values: a merged cell (a township written once beside its villages) reads as its master's value.
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
      rows.push({ number, cells });
    });
    total += rows.length;
    return { name: worksheet.name, rows };
  });
  if (total > MAX_ROWS) throw new UnreadableFile(`一个文件最多 ${MAX_ROWS} 行，请分成几个文件导入`);
  return { format: 'xlsx', encoding: null, sheets };
}

// ---- csv ----

/** UTF-8 (with or without the BOM Excel writes for "CSV UTF-8"), else GB18030, what Excel on Chinese Windows saves as plain "CSV". */
export function decodeCsv(file: Buffer): { text: string; encoding: CsvEncoding } {
  if ((file[0] === 0xff && file[1] === 0xfe) || (file[0] === 0xfe && file[1] === 0xff)) {
    throw new UnreadableFile('这是“Unicode 文本”文件：请在 Excel 里另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再上传');
  }
  if (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(file.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(file), encoding: 'utf-8' };
  } catch {
    // GB18030 is a superset of GBK and GB2312: whatever a Chinese Windows wrote, it reads.
    return { text: new TextDecoder('gb18030').decode(file), encoding: 'gb18030' };
  }
}

function readCsv(file: Buffer): ReadWorkbook {
  const { text, encoding } = decodeCsv(file);
  if (text.includes('\u0000')) throw new UnreadableFile('这不是表格文件：请上传 Excel 表格（.xlsx）或 CSV 文件（.csv）');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false }) as string[][];
  } catch {
    throw new UnreadableFile('读不出这个 CSV 文件：可能有没配对的引号。请在 Excel 里打开，另存为 .xlsx 后再上传');
  }
  if (records.length > MAX_ROWS) throw new UnreadableFile(`一个文件最多 ${MAX_ROWS} 行，请分成几个文件导入`);
  // Excel shows each record as one row, whatever line breaks are quoted inside it.
  const rows = records.map((cells, i) => ({ number: i + 1, cells })).filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  return { format: 'csv', encoding, sheets: [{ name: null, rows }] };
}

// ---- writing ----

export interface SheetContent {
  name: string;
  headers: string[];
  rows: string[][];
  /** A second sheet of instructions (xlsx only): one line per column. */
  notes?: Array<[column: string, note: string]>;
}

export async function writeSpreadsheet(format: SpreadsheetFormat, content: SheetContent): Promise<Buffer> {
  if (format === 'csv') {
    // The BOM makes Excel read it as UTF-8; escape_formulas keeps a cell from running as a formula.
    return Buffer.from(`\uFEFF${stringify([content.headers, ...content.rows], { escape_formulas: true, record_delimiter: 'windows' })}`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(content.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text format everywhere: Excel would otherwise turn a phone into 1.38E+10 and drop a code's digits.
  sheet.columns = content.headers.map((header, i) => ({
    header,
    width: Math.min(40, Math.max(10, header.length * 2 + 2, ...content.rows.slice(0, 200).map((r) => (r[i] ?? '').length * 2))),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of content.rows) sheet.addRow(row);
  if (content.notes) {
    const notes = workbook.addWorksheet('填写说明');
    notes.columns = [{ header: '列', width: 16 }, { header: '怎么填', width: 90 }];
    notes.getRow(1).font = { bold: true };
    for (const note of content.notes) notes.addRow(note);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
