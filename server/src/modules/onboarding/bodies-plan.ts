import { ImportKind } from '@wfh/shared';
import { formatPhone, normalisePhone } from '../../infra/crypto/phone-digest';
import type { BodyDirectory, DirectoryBody } from './body-directory';
import type { MatchedTable } from './columns';
import { change, outcome, phoneKey, readCount, readLocation, readPhone, readText } from './field-readers';
import { parseOpeningHours } from './opening-hours-text';
import { eachRow, type Plan, type RowProgress } from './plan';

/** What the import keeps of a body: its public contact details, its office location, its registered women. */
export interface BodyRecord extends DirectoryBody {
  address: string | null;
  phone: string | null;
  officeHours: string | null;
  latitude: number | null;
  longitude: number | null;
  locationIsDemo: boolean;
  registeredWomen: number | null;
}

export type BodyChanges = Partial<Pick<BodyRecord, 'address' | 'phone' | 'officeHours' | 'latitude' | 'longitude' | 'locationIsDemo' | 'registeredWomen'>>;

export interface BodyWrites {
  updates: Array<{ id: string; changes: BodyChanges }>;
}

export interface BodiesState {
  directory: BodyDirectory;
  bodies: BodyRecord[];
}

/**
 * Bodies are never created here (they come from the national division codes); a row fills in what a
 * body's profile lacks or corrects it. An empty cell leaves that detail as it is.
 */
export async function planBodies(table: MatchedTable, state: BodiesState, progress?: RowProgress): Promise<Plan<BodyWrites>> {
  const { directory } = state;
  const byId = new Map(state.bodies.map((b) => [b.id, b]));
  const seen = new Map<string, number>();
  const writes: BodyWrites = { updates: [] };

  const plan = await eachRow(ImportKind.Bodies, table, (row) => {
    const lookup = directory.resolve({ code: row.text('code'), township: row.text('township'), body: row.text('body') });
    if (!lookup.ok) row.problem(lookup.column, lookup.message);
    const address = row.take('address', readText(row.text('address'), '办公地址', 200, false));
    const phone = row.has('phone') ? row.take('phone', readPhone(row.text('phone'))) : null;
    const hours = row.take('hours', readText(row.text('hours'), '办公时间', 100, false));
    const locationColumn = row.has('coordinates') && !row.has('latitude') ? 'coordinates' : 'latitude';
    const location = row.take(locationColumn, readLocation(row.text('latitude'), row.text('longitude'), row.text('coordinates')));
    const women = row.take('registeredWomen', readCount(row.text('registeredWomen')));
    if (row.bad || !lookup.ok || location === undefined) return null;
    const body = byId.get(lookup.body.id)!;
    const name = `${directory.placeName(body)}妇联`;
    const first = seen.get(body.id);
    if (first !== undefined) {
      row.problem('body', `和第 ${first} 行是同一个组织：请把两行合成一行`);
      return null;
    }
    seen.set(body.id, row.number);
    if (hours) {
      const reading = parseOpeningHours(hours);
      if (!reading.ok) row.warn('hours', '办公时间没能看懂，已按原文保存；可以写成“周一至周五 8:30-17:00”');
    }

    const changes: BodyChanges = {};
    const said: string[] = [];
    if (address && address !== body.address) {
      changes.address = address;
      said.push(change('办公地址', body.address, address));
    }
    if (phone && phoneKey(body.phone) !== phone.normalised) {
      changes.phone = phone.stored;
      said.push(change('办公电话', body.phone, phone.stored));
    }
    if (hours && hours !== body.officeHours) {
      changes.officeHours = hours;
      said.push(change('办公时间', body.officeHours, hours));
    }
    // A demo location becomes a real one even at the same point: it is now the county's word.
    if (location && (location.latitude !== body.latitude || location.longitude !== body.longitude || body.locationIsDemo)) {
      Object.assign(changes, { latitude: location.latitude, longitude: location.longitude, locationIsDemo: false });
      said.push(change('办公地点', body.latitude === null ? null : `${body.latitude}, ${body.longitude}`, `${location.latitude}, ${location.longitude}`));
    }
    if (women !== null && women !== undefined && women !== body.registeredWomen) {
      changes.registeredWomen = women;
      said.push(change('登记妇女人数', body.registeredWomen === null ? null : String(body.registeredWomen), String(women)));
    }
    if (said.length === 0) return outcome(row.number, 'leave', `不变：${name}`);
    writes.updates.push({ id: body.id, changes });
    return outcome(row.number, 'change', `更新${name}：${said.join('；')}`);
  }, progress);
  return { ...plan, writes };
}

/** Every body of the county, county first, then each township followed by its villages. */
export function exportBodies(state: BodiesState): Record<string, string>[] {
  const { directory } = state;
  return [...state.bodies]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((body) => {
      const township = directory.townshipOf(body);
      const phone = body.phone ? normalisePhone(body.phone) : null;
      const located = body.latitude !== null && body.longitude !== null && !body.locationIsDemo;
      return {
        township: township ? directory.placeName(township) : '',
        body: directory.placeName(body),
        code: body.id,
        address: body.address ?? '',
        phone: phone?.ok ? formatPhone(phone.phone) : (body.phone ?? ''),
        hours: body.officeHours ?? '',
        latitude: located ? String(body.latitude) : '',
        longitude: located ? String(body.longitude) : '',
        registeredWomen: body.registeredWomen === null ? '' : String(body.registeredWomen),
      };
    });
}
