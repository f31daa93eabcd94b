import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { HolidayEntry } from '@wfh/shared';
import { HolidayEntryEntity } from './holiday-entry.entity';

export interface EnteredYear {
  entries: HolidayEntry[];
  enteredAt: Date | null;
  enteredByName: string | null;
}

const plain = (row: HolidayEntryEntity): HolidayEntry => ({ date: row.date, kind: row.kind, name: row.name });

@Injectable()
export class HolidayCalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Every entry of every year: a few dozen rows a year, loaded whole into memory. */
  async all(): Promise<HolidayEntry[]> {
    return (await this.dataSource.getRepository(HolidayEntryEntity).find({ order: { date: 'ASC' } })).map(plain);
  }

  async ofYear(year: number): Promise<EnteredYear> {
    const rows = await this.dataSource.getRepository(HolidayEntryEntity).find({ where: { year }, order: { date: 'ASC' } });
    if (rows.length === 0) return { entries: [], enteredAt: null, enteredByName: null };
    // A year is saved whole, so its rows share one time and one person.
    const [{ enteredBy, enteredAt }] = rows as [HolidayEntryEntity];
    const [user]: Array<{ name: string | null }> = await this.dataSource.query('SELECT display_name AS name FROM app_user WHERE id = ?', [enteredBy]);
    return { entries: rows.map(plain), enteredAt, enteredByName: user?.name ?? null };
  }

  /** The year's entries become exactly these, in the caller's transaction. */
  async replaceYear(manager: EntityManager, year: number, entries: readonly HolidayEntry[], enteredBy: string, enteredAt: Date): Promise<void> {
    const repository = manager.getRepository(HolidayEntryEntity);
    await repository.delete({ year });
    if (entries.length === 0) return;
    await repository.insert(entries.map((entry) => ({ ...entry, year, enteredBy, enteredAt })));
  }
}
