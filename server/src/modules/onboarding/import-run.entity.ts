import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CsvEncoding, ImportKind, SpreadsheetFormat } from '@wfh/shared';

/**
 * One committed import: what file (its SHA-256, never its contents), by whom, and what it did. The
 * audit log entry of the commit points here.
 */
@Entity('import_run')
@Index('idx_import_run_county', ['countyId', 'importedAt'])
export class ImportRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'county_id', type: 'varchar', length: 6 })
  countyId: string;

  @Column({ type: 'varchar', length: 10 })
  kind: ImportKind;

  @Column({ type: 'varchar', length: 4 })
  format: SpreadsheetFormat;

  @Column({ type: 'varchar', length: 10, nullable: true })
  encoding: CsvEncoding | null;

  @Column({ name: 'file_sha256', type: 'varchar', length: 64 })
  fileSha256: string;

  @Column({ name: 'row_count', type: 'int' })
  rowCount: number;

  @Column({ name: 'created_count', type: 'int' })
  createdCount: number;

  @Column({ name: 'changed_count', type: 'int' })
  changedCount: number;

  @Column({ name: 'left_count', type: 'int' })
  leftCount: number;

  @Column({ name: 'imported_by', type: 'varchar', length: 36 })
  importedBy: string;

  @Column({ name: 'imported_at', type: 'datetime', precision: 6 })
  importedAt: Date;
}
