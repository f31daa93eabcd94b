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

/** How often an import says how far it is, in rows (or writes): often enough for a bar that moves, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 200;

/** Told how many rows are done, every PROGRESS_EVERY rows and once at the end. */
export type RowProgress = (done: number) => Promise<void>;

/**
 * Runs a row reader over every data row, collecting problems and warnings in row order. Every
 * PROGRESS_EVERY rows it reports and lets the event loop run: a 20,000-row check must not keep this
 * instance from answering everyone else (among them the progress poll of this very import).
 */
export async function eachRow(
  kind: ImportKind,
  table: MatchedTable,
  read: (row: RowContext) => ImportRowOutcome | null,
  progress?: RowProgress,
): Promise<Omit<Plan<never>, 'writes'>> {
  const rows: ImportRowOutcome[] = [];
  const problems: ImportProblem[] = [...table.problems];
  const warnings: ImportProblem[] = [...table.warnings];
  for (const [index, data] of table.rows.entries()) {
    if (index > 0 && index % PROGRESS_EVERY === 0) {
      await progress?.(index);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const row = new RowContext(kind, data, table.headers);
    const done = isExampleRow(data) ? null : read(row);
    if (isExampleRow(data)) row.problem(null, '这是模板里的示例行：请删除这一行，或改成真实的内容');
    problems.push(...row.problems);
    warnings.push(...row.warnings);
    if (done && !row.bad) rows.push(done);
  }
  await progress?.(table.rows.length);
  return { rows, problems, warnings };
}
