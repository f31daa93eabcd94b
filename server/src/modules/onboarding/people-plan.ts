import { randomUUID } from 'node:crypto';
import { ImportKind, ROLE_LABELS, type RoleKind } from '@wfh/shared';
import { formatPhone, maskPhone, normalisePhone } from '../../infra/crypto/phone-digest';
import type { BodyDirectory } from './body-directory';
import type { MatchedTable } from './columns';
import { change, outcome, readPersonName, readPhone } from './field-readers';
import { eachRow, type Plan, type RowProgress } from './plan';
import { readRole, ROLE_WORDS } from './vocabulary';

/** A listing as planned and read back; the phone normalised, in the clear only in memory. */
export interface ListingRecord {
  id: string;
  name: string;
  phoneDigest: string;
  federationId: string;
  role: RoleKind;
}

export interface NewListing extends ListingRecord {
  phone: string;
}

export interface PeopleWrites {
  inserts: NewListing[];
  updates: Array<{ id: string; name: string }>;
}

export interface PeopleState {
  directory: BodyDirectory;
  /** The county's listings. */
  listings: ListingRecord[];
  /** Listings elsewhere of the phones in the file: one phone is one person, across counties too. */
  elsewhere: ListingRecord[];
  digest: (normalisedPhone: string) => string;
}

const keyOf = (l: Pick<ListingRecord, 'phoneDigest' | 'federationId' | 'role'>) => `${l.phoneDigest} ${l.federationId} ${l.role}`;

/** The phones a file lists, normalised: what the service looks up elsewhere before planning. */
export function phonesIn(table: MatchedTable): string[] {
  const phones = new Set<string>();
  for (const row of table.rows) {
    const phone = normalisePhone(row.values.phone ?? '');
    if (phone.ok) phones.add(phone.phone);
  }
  return [...phones];
}

/**
 * One listing per phone, body and role. The roles are granted when she signs in with that phone, so
 * a phone given to two names is refused here, not left for her sign-in to trip over.
 */
export async function planPeople(table: MatchedTable, state: PeopleState, progress?: RowProgress): Promise<Plan<PeopleWrites>> {
  const { directory } = state;
  const byKey = new Map(state.listings.map((l) => [keyOf(l), l]));
  const seenKeys = new Map<string, number>();
  const nameOfPhone = new Map<string, { name: string; row: number }>();
  const writes: PeopleWrites = { inserts: [], updates: [] };
  const listedKeys = new Set<string>();

  const plan = await eachRow(ImportKind.People, table, (row) => {
    const name = row.take('name', readPersonName(row.text('name')));
    const phone = row.take('phone', readPhone(row.text('phone')));
    const lookup = directory.resolve({ code: row.text('code'), township: row.text('township'), body: row.text('body') });
    if (!lookup.ok) row.problem(lookup.column, lookup.message);
    const role = lookup.ok ? row.take('role', readRole(row.text('role'), lookup.body.level)) : undefined;
    if (row.bad || !name || !phone || !lookup.ok || !role) return null;
    const body = lookup.body;
    const digest = state.digest(phone.normalised);
    const key = keyOf({ phoneDigest: digest, federationId: body.id, role: role });
    const where = `${directory.placeName(body)}妇联${ROLE_WORDS[role]}`;

    const first = seenKeys.get(key);
    if (first !== undefined) {
      row.problem('phone', `和第 ${first} 行重复：同一个人在同一个组织的同一职务只登记一次`);
      return null;
    }
    const sameNumber = nameOfPhone.get(digest);
    if (sameNumber && sameNumber.name !== name) {
      row.problem('phone', `这个手机号在第 ${sameNumber.row} 行登记的是“${sameNumber.name}”：一个手机号只能登记给一个人，请核对`);
      return null;
    }
    seenKeys.set(key, row.number);
    nameOfPhone.set(digest, { name, row: row.number });
    listedKeys.add(key);

    const existing = byKey.get(key);
    if (!existing) {
      writes.inserts.push({ id: randomUUID(), name, phoneDigest: digest, federationId: body.id, role: role, phone: phone.normalised });
      return outcome(row.number, 'create', `新增 ${name}：${where}，手机 ${maskPhone(phone.normalised)}`);
    }
    if (existing.name === name) return outcome(row.number, 'leave', `不变：${name}，${where}`);
    writes.updates.push({ id: existing.id, name });
    return outcome(row.number, 'change', `修改 ${where}：${change('姓名', existing.name, name)}`);
  }, progress);

  // Listings this file leaves alone keep their names: a phone of the file already listed under
  // another name elsewhere is a second person on one number.
  const refusedRows = new Set<number>();
  for (const other of [...state.listings, ...state.elsewhere]) {
    const listed = nameOfPhone.get(other.phoneDigest);
    if (!listed || listed.name === other.name || listedKeys.has(keyOf(other)) || refusedRows.has(listed.row)) continue;
    const body = directory.get(other.federationId);
    const whom = body ? `“${other.name}”（${directory.placeName(body)}妇联${ROLE_WORDS[other.role]}）` : '其他县的另一位同志';
    plan.problems.push({ row: listed.row, column: table.headers.phone ?? '手机号', message: `这个手机号已经登记给了${whom}：一个手机号只能登记给一个人，请核对` });
    refusedRows.add(listed.row);
  }
  if (refusedRows.size > 0) {
    plan.rows = plan.rows.filter((r) => !refusedRows.has(r.row));
    plan.problems.sort((a, b) => a.row - b.row);
  }
  return { ...plan, writes };
}

/** Every listing of the county, phones readable: the export is audited as the personal data it is. */
export function exportPeople(directory: BodyDirectory, listings: Array<ListingRecord & { phone: string }>): Record<string, string>[] {
  return [...listings]
    .sort((a, b) => a.federationId.localeCompare(b.federationId) || roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name, 'zh'))
    .map((l) => {
      const body = directory.get(l.federationId);
      const township = body ? directory.townshipOf(body) : null;
      return {
        name: l.name,
        phone: formatPhone(l.phone),
        township: township ? directory.placeName(township) : '',
        body: body ? directory.placeName(body) : '',
        code: l.federationId,
        role: ROLE_WORDS[l.role],
      };
    });
}

const ORDER = Object.keys(ROLE_LABELS);
const roleOrder = (role: RoleKind) => ORDER.indexOf(role);
