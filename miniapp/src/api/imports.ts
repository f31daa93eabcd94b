import { ApiPaths, ErrorCode, pathOf, type ImportKind, type ImportProgress, type ImportReport, type SpreadsheetFormat } from '@wfh/shared';
import { queryString } from '../utils/query';
import { apiDownload, apiRequest, type DownloadedFile, type FileBody } from './client';
import { ApiError } from './errors';

// A county's imports and exports (县妇联管理 › 导入导出). The page shows every failure itself, where
// she is looking, so the calls are quiet.

/** The largest sheet takes a while to check and write: far longer than an ordinary call may take. */
export const IMPORT_TIMEOUT_MS = 5 * 60_000;

export const SPREADSHEET_CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The template of an import, with its example rows (and, in .xlsx, how to fill each column). */
export function downloadImportTemplate(countyId: string, kind: ImportKind, format: SpreadsheetFormat): Promise<DownloadedFile> {
  return apiDownload({ path: `${pathOf(ApiPaths.countyImportTemplate, { countyId, kind })}${queryString({ format })}`, quiet: true });
}

/** The county's data of this kind, in the import's own columns. */
export function downloadExport(countyId: string, kind: ImportKind, format: SpreadsheetFormat): Promise<DownloadedFile> {
  return apiDownload({ path: `${pathOf(ApiPaths.countyExport, { countyId, kind })}${queryString({ format })}`, quiet: true });
}

export interface ImportUpload {
  /** true: only check; false: commit, all or nothing. */
  dryRun: boolean;
  /** The id the page polls (fetchImportProgress) while the server works. */
  progressId: string;
  file: Omit<FileBody, 'contentType'> & { format: SpreadsheetFormat };
}

const isReport = (body: unknown): body is ImportReport =>
  typeof body === 'object' && body !== null && Array.isArray((body as ImportReport).problems) && typeof (body as ImportReport).counts === 'object';

/**
 * Sends the file to be checked or imported. A commit refused for its problems (the county's data
 * changed since the check) answers with the same report, so it is returned, not thrown.
 */
export async function importSpreadsheet(countyId: string, kind: ImportKind, upload: ImportUpload): Promise<ImportReport> {
  const { format, ...file } = upload.file;
  try {
    return await apiRequest<ImportReport>({
      method: 'POST',
      path: `${pathOf(ApiPaths.countyImport, { countyId, kind })}${queryString({ dryRun: upload.dryRun, progressId: upload.progressId })}`,
      file: { ...file, contentType: SPREADSHEET_CONTENT_TYPES[format] },
      timeoutMs: IMPORT_TIMEOUT_MS,
      quiet: true,
    });
  } catch (error) {
    if (error instanceof ApiError && error.code === ErrorCode.ImportHasProblems && isReport(error.body)) return error.body;
    throw error;
  }
}

/** Where her import stands; null before the server has begun on it (or once it is long gone). */
export async function fetchImportProgress(countyId: string, progressId: string): Promise<ImportProgress | null> {
  try {
    return await apiRequest<ImportProgress>({ path: pathOf(ApiPaths.countyImportProgress, { countyId, progressId }), quiet: true });
  } catch (error) {
    if (error instanceof ApiError && error.code === ErrorCode.ImportProgressNotFound) return null;
    throw error;
  }
}
