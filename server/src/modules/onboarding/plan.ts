import type { ImportKind, ImportProblem, ImportRowOutcome } from '@wfh/shared';
import type { MatchedTable } from './columns';
import { isExampleRow, RowContext } from './field-readers';

/**
 * What an import would do, decided from the file and the county's data as they are: the same answer
 * for the dry run and, inside the commit's transaction, for the commit itself.
 */
export interface Plan<W> {
  rows: ImportRowOutcome[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
  writes: W;
}

/** Runs a row reader over every data row, collecting problems and warnings in row order. */
export function eachRow(kind: ImportKind, table: MatchedTable, read: (row: RowContext) => ImportRowOutcome | null): Omit<Plan<never>, 'writes'> {
  const rows: ImportRowOutcome[] = [];
  const problems: ImportProblem[] = [...table.problems];
  const warnings: ImportProblem[] = [...table.warnings];
  for (const data of table.rows) {
    const row = new RowContext(kind, data, table.headers);
    const done = isExampleRow(data) ? null : read(row);
    if (isExampleRow(data)) row.problem(null, '这是模板里的示例行：请删除这一行，或改成真实的内容');
    problems.push(...row.problems);
    warnings.push(...row.warnings);
    if (done && !row.bad) rows.push(done);
  }
  return { rows, problems, warnings };
}
