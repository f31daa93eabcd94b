import { ImportKind, RegionLevel } from '@wfh/shared';
import { BodyDirectory, type DirectoryBody } from '../../src/modules/onboarding/body-directory';
import { COLUMNS, matchColumns, type SheetRow } from '../../src/modules/onboarding/columns';
import { wordKey } from '../../src/modules/onboarding/vocabulary';

const sheet = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ number: i + 1, cells }));

describe('column headers as people write them', () => {
  it('finds each column under its usual names, brackets, spaces and notes ignored', () => {
    const table = matchColumns(ImportKind.People, sheet(['序号', ' 姓 名 ', '手机号码（必填）', '乡镇', '村（社区）', '职务'], ['1', '张春梅', '13812345678', '新台子镇', '懿路村', '主席']));
    expect(table.problems).toEqual([]);
    expect(table.warnings).toEqual([]);
    expect(table.headers).toEqual({ name: '姓 名', phone: '手机号码（必填）', township: '乡镇', body: '村（社区）', role: '职务' });
    expect(table.rows).toEqual([{ number: 2, values: { name: '张春梅', phone: '13812345678', township: '新台子镇', body: '懿路村', role: '主席' } }]);
  });

  it('finds the header under a title row, and keeps the sheet’s own row numbers', () => {
    const table = matchColumns(ImportKind.Sites, sheet(['铁岭县妇女之家名单（2026年）'], [], ['名称', '类型', '所属组织', '详细地址', '纬度（GCJ-02）', '经度'], ['懿路村妇女之家', '妇女之家', '懿路村', '村委会', '42.1', '123.5']));
    expect(table.headerRow).toBe(3);
    expect(table.rows.map((r) => r.number)).toEqual([4]);
    expect(table.rows[0]!.values.latitude).toBe('42.1');
  });

  it('names a missing required column and how else it may be headed', () => {
    const table = matchColumns(ImportKind.People, sheet(['姓名', '所属组织'], ['张春梅', '懿路村']));
    expect(table.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('缺少“手机号”列'),
      expect.stringContaining('缺少“职务”列'),
    ]);
    expect(table.problems[0]!.row).toBe(1);
  });

  it('says when it found no header at all, and what the columns are', () => {
    const table = matchColumns(ImportKind.Bodies, sheet(['张三', '李四'], ['1', '2']));
    expect(table.problems).toEqual([{ row: 1, column: null, message: expect.stringContaining('没有找到表头') }]);
    expect(table.problems[0]!.message).toContain('办公地址');
  });

  it('skips unknown columns with a word, and reads only the first of two columns that mean the same', () => {
    const table = matchColumns(ImportKind.People, sheet(['姓名', '手机', '联系电话', '所属组织', '职务', '民族'], ['张春梅', '13812345678', '024-1', '懿路村', '主席', '汉']));
    expect(table.rows[0]!.values.phone).toBe('13812345678');
    expect(table.warnings.map((w) => w.column)).toEqual(['联系电话', '民族']);
  });

  it('strips the apostrophe a spreadsheet uses to keep a cell as text', () => {
    const table = matchColumns(ImportKind.People, sheet(['姓名', '手机号', '所属组织', '职务'], ['张春梅', "'+86 138 1234 5678", '懿路村', '主席']));
    expect(table.rows[0]!.values.phone).toBe('+86 138 1234 5678');
  });

  it.each(Object.values(ImportKind))('gives every header of the %s import to exactly one column', (kind) => {
    const owners = new Map<string, string>();
    for (const spec of COLUMNS[kind]) {
      for (const alias of [spec.header, ...spec.aliases]) {
        const key = wordKey(alias);
        if (owners.has(key) && owners.get(key) !== spec.key) throw new Error(`${alias} is both ${owners.get(key)} and ${spec.key}`);
        owners.set(key, spec.key);
      }
    }
  });
});

describe('bodies found by the names a county writes', () => {
  const body = (id: string, regionName: string, level: RegionLevel): DirectoryBody => ({ id, regionName, name: `${regionName}妇联`, level });
  const directory = new BodyDirectory('211221', [
    body('211221', '铁岭县', RegionLevel.County),
    body('211221101', '新台子镇', RegionLevel.Township),
    body('211221101200', '懿路村民委员会', RegionLevel.Village),
    body('211221101201', '新华村民委员会', RegionLevel.Village),
    body('211221102', '阿吉镇', RegionLevel.Township),
    body('211221102200', '新华村民委员会', RegionLevel.Village),
    body('211221102001', '阿吉社区居民委员会', RegionLevel.Village),
    body('211223', '西丰县', RegionLevel.County),
  ]);
  const found = (input: Parameters<BodyDirectory['resolve']>[0]) => {
    const lookup = directory.resolve(input);
    return lookup.ok ? lookup.body.id : lookup;
  };

  it.each([
    [{ body: '懿路村' }, '211221101200'],
    [{ body: '懿路村委会' }, '211221101200'],
    [{ body: '懿路村民委员会' }, '211221101200'],
    [{ body: '懿路村妇联' }, '211221101200'],
    [{ body: '懿路' }, '211221101200'],
    [{ body: '新台子镇懿路村' }, '211221101200'],
    [{ body: '铁岭县新台子镇懿路村' }, '211221101200'],
    [{ body: '阿吉社区' }, '211221102001'],
    [{ body: '阿吉镇' }, '211221102'],
    [{ township: '阿吉镇' }, '211221102'],
    [{ body: '铁岭县' }, '211221'],
    [{ body: '新华村', township: '阿吉' }, '211221102200'],
    [{ body: '阿吉镇新华村' }, '211221102200'],
    [{ code: '211221101201' }, '211221101201'],
    [{ body: '211221101201' }, '211221101201'],
    [{ code: '211221101201', body: '新华村' }, '211221101201'],
  ])('%j → %s', (input, id) => {
    expect(found(input)).toBe(id);
  });

  it('lists both villages of a shared name with their townships and codes, and how to choose', () => {
    const lookup = directory.resolve({ body: '新华村' });
    expect(lookup).toEqual({ ok: false, column: 'body', message: expect.stringContaining('“新华村”有2个') });
    if (!lookup.ok) {
      expect(lookup.message).toContain('新华村（新台子镇，211221101201）');
      expect(lookup.message).toContain('新华村（阿吉镇，211221102200）');
      expect(lookup.message).toContain('乡镇（街道）');
    }
  });

  it.each([
    [{ body: '东风村' }, 'body', '没有叫“东风村”'],
    [{ code: '211223100200' }, 'code', '不在铁岭县'],
    [{ code: '2112211012' }, 'code', '位数不对'],
    [{ code: '211221101299' }, 'code', '没有区划代码为 211221101299'],
    [{ code: '211221101200', body: '新华村', township: '新台子镇' }, 'code', '不一致'],
    [{ body: '懿路村', township: '东风镇' }, 'township', '没有叫“东风镇”的乡镇'],
    [{}, 'body', '请填写所属的村'],
  ])('%j is refused on its %s column: %s', (input, column, words) => {
    expect(directory.resolve(input)).toEqual({ ok: false, column, message: expect.stringContaining(words) });
  });
});
