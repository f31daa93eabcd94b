import { ImportKind, type ImportProblem } from '@wfh/shared';
import { wordKey } from './vocabulary';

/**
 * The columns of each import, as a county's own sheets head them. Matching ignores spaces,
 * full-width brackets and notes in brackets ("纬度（GCJ-02）", "手机号（必填）"), so "手机号码",
 * "联系电话" and "手机号" all find the phone. The first header of each column is what the template
 * and the export write.
 */
export type ColumnKey =
  | 'name'
  | 'kind'
  | 'township'
  | 'body'
  | 'code'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'coordinates'
  | 'hours'
  | 'phone'
  | 'services'
  | 'chair'
  | 'siteId'
  | 'registeredWomen'
  | 'role';

export interface ColumnSpec {
  key: ColumnKey;
  /** What the template and the export write. */
  header: string;
  aliases: string[];
  required: boolean;
  /** For the template's instructions sheet. */
  note: string;
  /** Read on import, never written (a single "坐标" column instead of 纬度 and 经度). */
  importOnly?: true;
}

const TOWNSHIP: ColumnSpec = {
  key: 'township',
  header: '乡镇（街道）',
  aliases: ['乡镇', '街道', '所属乡镇', '所在乡镇', '乡镇街道', '乡镇名称', '所属街道', '乡（镇、街道）'],
  required: false,
  note: '可以不填；村（社区）重名时用它区分',
};
const BODY_ALIASES = ['所属组织', '所在组织', '组织', '组织名称', '村（社区）', '村社区', '村', '社区', '所在村', '所属村', '所在村（社区）', '所属村（社区）',
  '行政村', '村居', '单位', '所在单位', '所属单位', '妇联组织', '所属妇联', '村（社区）名称', '村名'];
const BODY_NOTE = '村（社区）、乡镇（街道）或县妇联的名称，例如“懿路村”；重名时会列出候选，请写区划代码或乡镇';
const CODE: ColumnSpec = {
  key: 'code',
  header: '区划代码',
  aliases: ['行政区划代码', '统计用区划代码', '区划编码', '代码', '组织代码', '村（社区）代码'],
  required: false,
  note: '可以不填；填了就按代码找组织（12位村、9位乡镇、6位县），比名称更准',
};
const LATITUDE: ColumnSpec = {
  key: 'latitude',
  header: '纬度',
  aliases: ['lat', 'latitude', '纬度坐标'],
  required: false,
  note: 'GCJ-02 坐标（腾讯地图、高德地图上取点所得，不要用百度地图），小数，例如 42.2915',
};
const LONGITUDE: ColumnSpec = {
  key: 'longitude',
  header: '经度',
  aliases: ['lng', 'lon', 'longitude', '经度坐标'],
  required: false,
  note: 'GCJ-02 坐标，小数，例如 123.8421',
};
const COORDINATES: ColumnSpec = {
  key: 'coordinates',
  header: '坐标',
  aliases: ['经纬度', '位置坐标', '定位'],
  required: false,
  note: '也可以把纬度、经度写在一格里，用逗号隔开',
  importOnly: true,
};

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  [ImportKind.Sites]: [
    { key: 'name', header: '名称', aliases: ['阵地名称', '站点名称', '名字', '妇女之家名称', '阵地', '场所名称'], required: true, note: '例如“懿路村妇女之家”；同一个村（社区）里不要重名' },
    { key: 'kind', header: '类型', aliases: ['阵地类型', '类别', '种类', '阵地类别', '场所类型'], required: true, note: '妇女之家、妇女微家、妇女小组、维权站、儿童之家' },
    TOWNSHIP,
    { key: 'body', header: '所属组织', aliases: BODY_ALIASES, required: false, note: BODY_NOTE },
    CODE,
    { key: 'address', header: '地址', aliases: ['详细地址', '地点', '阵地地址', '所在地址', '位置', '场所地址'], required: true, note: '妇女能找到的地址，例如“新台子镇懿路村村委会一楼”' },
    LATITUDE,
    LONGITUDE,
    COORDINATES,
    { key: 'hours', header: '开放时间', aliases: ['开放时段', '服务时间', '开放时间段', '活动时间', '办公时间'], required: false, note: '照平常的写法，例如“周一至周五 8:30-17:30”“每周六上午”；看不懂的会原样保存' },
    { key: 'phone', header: '电话', aliases: ['联系电话', '电话号码', '联系方式', '手机', '服务电话', '咨询电话', '手机号'], required: false, note: '手机11位，固定电话带区号，例如 0410-1234567' },
    { key: 'services', header: '服务内容', aliases: ['服务项目', '服务', '提供服务', '服务类别', '服务类型'], required: false, note: '用顿号隔开，例如“法律帮助与维权、心理疏导”' },
    { key: 'chair', header: '负责人', aliases: ['联系人', '负责人姓名', '阵地负责人', '主席'], required: false, note: '对外公布的负责人称呼，例如“张主席”' },
    { key: 'siteId', header: '系统编号', aliases: ['系统编号（请勿修改）'], required: false, note: '导出时系统填写，用来认出改了名字的阵地；新阵地请留空' },
  ],
  [ImportKind.Bodies]: [
    TOWNSHIP,
    { key: 'body', header: '组织名称', aliases: BODY_ALIASES, required: false, note: BODY_NOTE },
    CODE,
    { key: 'address', header: '办公地址', aliases: ['地址', '办公地点', '详细地址', '所在地址'], required: false, note: '妇联的办公地点' },
    { key: 'phone', header: '办公电话', aliases: ['电话', '联系电话', '电话号码', '联系方式'], required: false, note: '手机11位，固定电话带区号' },
    { key: 'hours', header: '办公时间', aliases: ['开放时间', '工作时间', '办公时段'], required: false, note: '照平常的写法，例如“周一至周五 8:30-17:00”' },
    LATITUDE,
    LONGITUDE,
    COORDINATES,
    { key: 'registeredWomen', header: '登记妇女人数', aliases: ['妇女人数', '登记妇女数', '妇女总数', '花名册人数', '联系妇女人数', '妇女数'], required: false, note: '妇女花名册上的人数（知晓率的分母），整数' },
  ],
  [ImportKind.People]: [
    { key: 'name', header: '姓名', aliases: ['名字', '人员姓名'], required: true, note: '本人姓名' },
    { key: 'phone', header: '手机号', aliases: ['手机', '手机号码', '电话', '联系电话', '电话号码', '联系方式', '移动电话'], required: true, note: '她绑定微信的手机号：用这个号码登录，就自动有这里登记的职务' },
    TOWNSHIP,
    { key: 'body', header: '所属组织', aliases: BODY_ALIASES, required: false, note: BODY_NOTE },
    CODE,
    { key: 'role', header: '职务', aliases: ['职位', '角色', '担任职务', '岗位', '现任职务'], required: true, note: '村（社区）：主席、副主席、执委、妇女代表；乡镇（街道）：专干、工作人员；县妇联：管理员' },
  ],
};

/** Columns a county's sheet often has that the import has no use for: skipped without a word. */
const IGNORED = new Set(['序号', '编号', '备注', '说明', 'no', 'no.', '序', '排序'].map(wordKey));

/** How far down a sheet the header row may be (under a title row or two). */
const HEADER_SEARCH_ROWS = 10;

export interface SheetRow {
  /** As the spreadsheet shows it. */
  number: number;
  cells: string[];
}

export interface DataRow {
  number: number;
  /** Trimmed text by column, '' where empty or absent. */
  values: Partial<Record<ColumnKey, string>>;
}

export interface MatchedTable {
  headerRow: number;
  /** The header as the file wrote it, for problem reports. */
  headers: Partial<Record<ColumnKey, string>>;
  rows: DataRow[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

function specOf(kind: ImportKind, header: string): ColumnSpec | undefined {
  const key = wordKey(header);
  if (key === '') return undefined;
  return COLUMNS[kind].find((spec) => [spec.header, ...spec.aliases].some((alias) => wordKey(alias) === key));
}

function matchedCount(kind: ImportKind, row: SheetRow): number {
  return new Set(row.cells.map((cell) => specOf(kind, cell)?.key).filter(Boolean)).size;
}

/** The row that heads the table: the first of the top rows that names at least two known columns. */
export function findHeaderRow(kind: ImportKind, rows: readonly SheetRow[]): SheetRow | null {
  return rows.slice(0, HEADER_SEARCH_ROWS).find((row) => matchedCount(kind, row) >= 2) ?? null;
}

/** Spreadsheet programs' own text prefix, and the one our CSV export adds against formula injection. */
function cellValue(text: string | undefined): string {
  const trimmed = (text ?? '').trim();
  return trimmed.startsWith("'") ? trimmed.slice(1).trim() : trimmed;
}

export function columnList(kind: ImportKind): string {
  return COLUMNS[kind].filter((c) => !c.importOnly).map((c) => c.header).join('、');
}

/** Reads a sheet's table: which column is which, then each non-empty row below the header. */
export function matchColumns(kind: ImportKind, rows: readonly SheetRow[]): MatchedTable {
  const header = findHeaderRow(kind, rows);
  if (!header) {
    return {
      headerRow: 0,
      headers: {},
      rows: [],
      problems: [{ row: rows[0]?.number ?? 1, column: null, message: `没有找到表头：第一行应当是列名，例如 ${columnList(kind)}。可以先下载模板，照着填写` }],
      warnings: [],
    };
  }
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const indexOf: Partial<Record<ColumnKey, number>> = {};
  const headers: Partial<Record<ColumnKey, string>> = {};
  header.cells.forEach((cell, index) => {
    const text = cell.trim();
    if (text === '') return;
    const spec = specOf(kind, text);
    if (!spec) {
      if (!IGNORED.has(wordKey(text))) warnings.push({ row: header.number, column: text, message: `不认识“${text}”这一列，已跳过；可以用的列：${columnList(kind)}` });
      return;
    }
    if (indexOf[spec.key] !== undefined) {
      warnings.push({ row: header.number, column: text, message: `“${text}”和“${headers[spec.key]}”是同一列，只读了前面的“${headers[spec.key]}”` });
      return;
    }
    indexOf[spec.key] = index;
    headers[spec.key] = text;
  });
  for (const spec of COLUMNS[kind]) {
    if (spec.required && indexOf[spec.key] === undefined) {
      problems.push({ row: header.number, column: null, message: `缺少“${spec.header}”列：请在表头加上“${spec.header}”（也可以写作${spec.aliases.slice(0, 3).map((a) => `“${a}”`).join('')}）` });
    }
  }
  if (indexOf.body === undefined && indexOf.code === undefined && indexOf.township === undefined) {
    const bodyHeader = COLUMNS[kind].find((c) => c.key === 'body')!.header;
    problems.push({ row: header.number, column: null, message: `缺少“${bodyHeader}”列：每一行要写明是哪个村（社区）或乡镇（街道），也可以用“区划代码”列` });
  }
  const data: DataRow[] = [];
  for (const row of rows) {
    if (row.number <= header.number) continue;
    const values: Partial<Record<ColumnKey, string>> = {};
    for (const [key, index] of Object.entries(indexOf) as Array<[ColumnKey, number]>) values[key] = cellValue(row.cells[index]);
    if (Object.values(values).every((v) => v === '')) continue;
    data.push({ number: row.number, values });
  }
  return { headerRow: header.number, headers, rows: data, problems, warnings };
}
