import { IMPORT_FILE_MAX_BYTES, ImportKind, type ImportAction, type ImportProgress, type SpreadsheetFormat } from '@wfh/shared';
import type { PickedFile } from './platform';

/** What each import is called on the page's tabs, and what its sheet holds. */
export const IMPORT_KINDS: ReadonlyArray<readonly [ImportKind, string]> = [
  [ImportKind.Sites, '阵地'],
  [ImportKind.Bodies, '妇联组织'],
  [ImportKind.People, '人员名单'],
];

export const IMPORT_KIND_WORDS: Record<ImportKind, string> = {
  [ImportKind.Sites]: '妇女之家、妇女微家、维权站等阵地：名称、类型、所属村（社区）、地址、位置、开放时间、电话和服务内容。',
  [ImportKind.Bodies]: '各级妇联的办公地址、电话、办公时间、位置和登记妇女人数。组织本身来自国家区划代码，这里只补充和更正它们的信息。',
  [ImportKind.People]: '村（社区）主席、副主席、执委，乡镇（街道）工作人员和县妇联管理员。她们用登记的手机号登录后，就有相应的职务。',
};

export const ACTION_WORDS: Record<ImportAction, string> = { create: '新增', change: '修改', leave: '不变' };

/** The file she chose, ready to send. */
export interface SheetFile {
  name: string;
  size: number;
  format: SpreadsheetFormat;
  data: Blob | ArrayBuffer;
}

const MAX_MB = IMPORT_FILE_MAX_BYTES / 1024 / 1024;

/** The file as the import takes it, or what to tell her about it: checked here, before minutes of uploading. */
export function sheetFileOf(picked: PickedFile): SheetFile | { problem: string } {
  const extension = /\.([^.]+)$/.exec(picked.name.trim().toLowerCase())?.[1] ?? '';
  if (extension === 'xls' || extension === 'et') return { problem: '这是旧格式的表格：请在 Excel 或 WPS 里“另存为” .xlsx 文件后再选' };
  if (extension !== 'xlsx' && extension !== 'csv') return { problem: '请选择 Excel 表格（.xlsx）或 CSV 文件（.csv）' };
  if (picked.size === 0) return { problem: '这个文件是空的，请检查后重新选择' };
  if (picked.size > IMPORT_FILE_MAX_BYTES) return { problem: `文件太大了（最大 ${MAX_MB} MB）：请只保留要导入的那一张表，或分成几个文件` };
  return { name: picked.name, size: picked.size, format: extension, data: picked.data };
}

/** Where an import is, in words and as a share of the current step (null: no figure to show). */
export interface ProgressWords {
  text: string;
  share: number | null;
}

/**
 * The upload first (a share where the platform reports it), then the server's own phases once it
 * has begun on the file: the server's word wins as soon as there is one.
 */
export function progressWords(uploaded: number | null, progress: ImportProgress | null): ProgressWords {
  const share = (done: number, total: number) => (total > 0 ? Math.min(1, done / total) : null);
  if (progress === null) {
    if (uploaded === null) return { text: '正在上传表格…', share: null };
    if (uploaded < 1) return { text: `正在上传表格：${Math.floor(uploaded * 100)}%`, share: uploaded };
    return { text: '已经上传，正在读取表格…', share: null };
  }
  switch (progress.phase) {
    case 'reading':
      return { text: '正在读取表格…', share: null };
    case 'checking':
      return { text: `正在检查：第 ${progress.done} 行，共 ${progress.total} 行`, share: share(progress.done, progress.total) };
    case 'writing':
      return { text: `正在导入：已写入 ${progress.done} 条，共 ${progress.total} 条`, share: share(progress.done, progress.total) };
    case 'done':
      return { text: '马上就好…', share: 1 };
  }
}
