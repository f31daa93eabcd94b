import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { HolidayEntryKind } from '@wfh/shared';

/**
 * One date of the holiday calendar a county admin entered: a day off or a 调休 workday, over what
 * the built-in library says. One row per date (the key forbids two answers for a day); the whole
 * deployment shares them, as the State Council's arrangement is national.
 */
@Entity('holiday_entry')
@Index('idx_holiday_entry_year', ['year'])
export class HolidayEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 10 })
  kind: HolidayEntryKind;

  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ name: 'entered_by', type: 'varchar', length: 36 })
  enteredBy: string;

  @Column({ name: 'entered_at', type: 'datetime', precision: 6 })
  enteredAt: Date;
}
