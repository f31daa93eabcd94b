/**
 * Imports from the spreadsheets a county already keeps (its 妇女之家, its bodies' contact details, its
 * people), each with a dry run, an all-or-nothing commit and an export in the same columns.
 */
export enum ImportKind {
  /** 妇女之家, 妇女微家, 维权站 … */
  Sites = 'sites',
  /** The county's own bodies: office address, phone, hours, location, registered women. */
  Bodies = 'bodies',
  /** Chairs, deputies, 执委, township staff and county admins, recognised later by their phone. */
  People = 'people',
}

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  [ImportKind.Sites]: '阵地（妇女之家等）',
  [ImportKind.Bodies]: '妇联组织',
  [ImportKind.People]: '人员名单',
};

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** The largest file an import takes: a county's largest sheet is well under 1 MB. */
export const IMPORT_FILE_MAX_BYTES = 8 * 1024 * 1024;

/** What a CSV was read as; null for .xlsx, which carries its own encoding. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export type ImportAction = 'create' | 'change' | 'leave';

export interface ImportRowOutcome {
  /** The row number as the spreadsheet shows it (the header row is usually 1). */
  row: number;
  action: ImportAction;
  /** What would happen, in words: "新建 懿路村妇女之家", "修改 电话：… → …". */
  summary: string;
}

export interface ImportProblem {
  row: number;
  /** The column as the file names it, or null for a problem of the whole row or file. */
  column: string | null;
  /** What is wrong and how to fix it, in Chinese. */
  message: string;
}

export interface ImportCounts {
  /** Data rows read (empty rows not counted). */
  rows: number;
  create: number;
  change: number;
  leave: number;
  /** Rows with at least one problem: none of them is imported, and a commit is refused while any exist. */
  badRows: number;
  problems: number;
  warnings: number;
}

export interface ImportReport {
  kind: ImportKind;
  format: SpreadsheetFormat;
  encoding: CsvEncoding | null;
  /** The worksheet read (xlsx only). */
  sheet: string | null;
  dryRun: boolean;
  /** True only when a commit wrote its changes. */
  committed: boolean;
  rows: ImportRowOutcome[];
  problems: ImportProblem[];
  /** Taken as written but worth a look (opening hours kept as text, an assumed time). Never block a commit. */
  warnings: ImportProblem[];
  counts: ImportCounts;
}

/**
 * Where an import of a large file stands, for the console to show while it waits: the server reads the
 * file, checks (plans) every row, writes the changes of a commit, then is done (the report is the
 * import's own answer). `done` of `total` rows, or of the writes while writing; 0 of 0 while reading.
 */
export type ImportPhase = 'reading' | 'checking' | 'writing' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}
