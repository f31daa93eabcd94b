import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface Compiled {
  sqlHead: string;
  tuple: string;
  columns: ColumnMetadata[];
}

/** Per data source (the tests run MariaDB and the embedded SQLite side by side), per entity and column set. */
const compiledByDataSource = new WeakMap<object, Map<string, Compiled>>();

function compile(manager: EntityManager, target: EntityTarget<ObjectLiteral>, present: string[], orIgnore: boolean): Compiled {
  const connection = manager.connection;
  let cache = compiledByDataSource.get(connection);
  if (!cache) compiledByDataSource.set(connection, (cache = new Map()));
  const metadata = connection.getMetadata(target);
  const key = `${metadata.name}|${orIgnore ? 'ignore' : ''}|${present.join(',')}`;
  let compiled = cache.get(key);
  if (!compiled) {
    const driver = connection.driver;
    const columns = present.map((property) => metadata.findColumnWithPropertyName(property)!);
    const verb = !orIgnore ? 'INSERT INTO' : connection.options.type === 'sqljs' ? 'INSERT OR IGNORE INTO' : 'INSERT IGNORE INTO';
    compiled = {
      sqlHead: `${verb} ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `,
      tuple: `(${columns.map(() => '?').join(', ')})`,
      columns,
    };
    cache.set(key, compiled);
  }
  return compiled;
}

/**
 * A plain INSERT of entity rows in one statement, its text built once per entity and column set
 * (issue #18: the query builder rebuilt it, walking every column's metadata, on each call). Values
 * go through the driver's own conversion (dates, booleans, simple-json), as the builder's do, so the
 * row stored is the same; a property left undefined takes the column's default, as with the
 * builder. Every row must set the same properties as the first. Hot write paths only.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  options: { orIgnore?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const present = metadata.columns.filter((c) => c.getEntityValue(rows[0]!) !== undefined).map((c) => c.propertyName);
  const { sqlHead, tuple, columns } = compile(manager, target, present, options.orIgnore === true);
  const driver = manager.connection.driver;
  const parameters: unknown[] = [];
  for (const row of rows) {
    for (const column of columns) parameters.push(driver.preparePersistentValue(column.getEntityValue(row), column));
  }
  await manager.query(sqlHead + rows.map(() => tuple).join(', '), parameters);
}

/** A date as the driver binds it in raw SQL: the embedded sql.js cannot bind a Date itself. */
export function sqlDate(manager: EntityManager, target: EntityTarget<ObjectLiteral>, property: string, value: Date): unknown {
  const column = manager.connection.getMetadata(target).findColumnWithPropertyName(property)!;
  return manager.connection.driver.preparePersistentValue(value, column);
}

/**
 * Entities from raw rows (`SELECT *` of the entity's table), each value through the driver's own
 * conversion as a find() would do, without building the query each time (issue #18). Hot read paths only.
 */
export function hydrateRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: Array<Record<string, unknown>>): T[] {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => !c.isVirtualProperty);
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  });
}
