/** A unique index refused the row: on MySQL/MariaDB `ER_DUP_ENTRY`, on the embedded SQLite a constraint message. */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string; message?: string } }).driverError?.code ?? (error as { code?: string }).code;
  const message = String((error as Error).message ?? '');
  return code === 'ER_DUP_ENTRY' || message.includes('UNIQUE constraint failed');
}
