import { randomUUID } from 'node:crypto';
import { ImportKind, SITE_KIND_LABELS, type ServiceCategoryKey, type SiteKind, type WeeklyOpening } from '@wfh/shared';
import { formatPhone, normalisePhone } from '../../infra/crypto/phone-digest';
import type { BodyDirectory } from './body-directory';
import type { MatchedTable } from './columns';
import { change, outcome, phoneKey, readLocation, readPhone, readText, type Location } from './field-readers';
import { formatOpeningHours, parseOpeningHours, sameHours } from './opening-hours-text';
import { eachRow, type Plan, type RowProgress } from './plan';
import { readServices, readSiteKind, wordKey, writeServices } from './vocabulary';

/** A site as the import reads and writes it. */
export interface SiteRecord {
  id: string;
  federationId: string;
  kind: SiteKind;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  openingHours: WeeklyOpening[];
  openingHoursText: string | null;
  services: ServiceCategoryKey[];
  chairPublicName: string | null;
}

export type SiteChanges = Partial<Omit<SiteRecord, 'id'>>;

export interface SiteWrites {
  inserts: SiteRecord[];
  updates: Array<{ id: string; changes: SiteChanges }>;
}

export interface SitesState {
  directory: BodyDirectory;
  sites: SiteRecord[];
  /** Bodies' office locations (real ones only): where a new site without coordinates is put. */
  bodyLocations: Map<string, Location>;
}

/**
 * The hours as an export writes them: the county's own words while they still say what is kept, the
 * kept schedule written out once someone changed it in the app (or when there never were words).
 */
export function hoursTextOf(site: Pick<SiteRecord, 'openingHours' | 'openingHoursText'>): string {
  const text = site.openingHoursText;
  if (text) {
    const reading = parseOpeningHours(text);
    if (reading.ok ? sameHours(reading.hours, site.openingHours) : site.openingHours.length === 0) return text;
  }
  return site.openingHours.length > 0 ? formatOpeningHours(site.openingHours) : '';
}

const identity = (federationId: string, name: string) => `${federationId} ${wordKey(name)}`;

export async function planSites(table: MatchedTable, state: SitesState, progress?: RowProgress): Promise<Plan<SiteWrites>> {
  const { directory } = state;
  const byId = new Map(state.sites.map((s) => [s.id, s]));
  const byName = new Map(state.sites.map((s) => [identity(s.federationId, s.name), s]));
  const seen = new Map<string, number>();
  const writes: SiteWrites = { inserts: [], updates: [] };

  const plan = await eachRow(ImportKind.Sites, table, (row) => {
    const name = row.take('name', readText(row.text('name'), '名称', 80, true));
    const kind = row.take('kind', readSiteKind(row.text('kind')));
    const lookup = directory.resolve({ code: row.text('code'), township: row.text('township'), body: row.text('body') });
    if (!lookup.ok) row.problem(lookup.column, lookup.message);
    const address = row.take('address', readText(row.text('address'), '地址', 200, true));
    const locationColumn = row.has('coordinates') && !row.has('latitude') ? 'coordinates' : 'latitude';
    const location = row.take(locationColumn, readLocation(row.text('latitude'), row.text('longitude'), row.text('coordinates')));
    const hoursText = row.take('hours', readText(row.text('hours'), '开放时间', 100, false));
    const phone = row.has('phone') ? row.take('phone', readPhone(row.text('phone'))) : null;
    const services = row.has('services') ? row.take('services', readServices(row.text('services'))) : null;
    const chair = row.take('chair', readText(row.text('chair'), '负责人', 40, false));
    const siteId = row.text('siteId');
    const existingById = siteId ? byId.get(siteId) : undefined;
    if (siteId && !existingById) row.problem('siteId', '系统编号不是本县的阵地：新阵地请把这一格留空，不要自己填写');
    if (row.bad || !name || !kind || !lookup.ok || !address || location === undefined) return null;
    const body = lookup.body;

    let hours: WeeklyOpening[] | null = null;
    if (hoursText) {
      const reading = parseOpeningHours(hoursText);
      if (reading.ok) {
        hours = reading.hours;
        for (const assumed of reading.assumptions) row.warn('hours', `${assumed}；如果不对，请写上具体时间`);
      } else {
        hours = [];
        row.warn('hours', reading.message);
      }
    }

    const key = identity(body.id, name);
    const existing = existingById ?? (siteId ? undefined : byName.get(key));
    const fileKey = existing ? `id ${existing.id}` : key;
    const first = seen.get(fileKey);
    if (first !== undefined) {
      row.problem(existing ? 'siteId' : 'name', `和第 ${first} 行是同一个阵地（同一个组织里同名）：请删掉一行，或改个名字`);
      return null;
    }
    seen.set(fileKey, row.number);
    const clash = existingById ? byName.get(key) : undefined;
    if (clash && clash.id !== existingById!.id) {
      row.problem('name', `${directory.placeName(body)}已经有一个叫“${name}”的阵地了：请换个名字`);
      return null;
    }

    if (!existing) {
      const at = location ?? state.bodyLocations.get(body.id) ?? null;
      if (!at) {
        row.problem('latitude', `新阵地要有位置：请填写纬度和经度（在腾讯地图或高德地图上点选即可得到），或先在“妇联组织”导入里填写${directory.placeName(body)}妇联的办公地点`);
        return null;
      }
      if (!location) row.warn('latitude', `没有填写坐标，先用${directory.placeName(body)}妇联办公地点的位置；知道准确位置后请补上`);
      writes.inserts.push({
        id: randomUUID(),
        federationId: body.id,
        kind,
        name,
        address,
        ...at,
        phone: phone?.stored ?? null,
        openingHours: hours ?? [],
        openingHoursText: hoursText ?? null,
        services: services ?? [],
        chairPublicName: chair ?? null,
      });
      return outcome(row.number, 'create', `新建${SITE_KIND_LABELS[kind]}“${name}”（${directory.describe(body)}）`);
    }

    const changes: SiteChanges = {};
    const said: string[] = [];
    const set = <K extends keyof SiteChanges>(field: K, value: SiteChanges[K], words: string) => {
      changes[field] = value;
      said.push(words);
    };
    if (existing.name !== name) set('name', name, change('名称', existing.name, name));
    if (existing.kind !== kind) set('kind', kind, change('类型', SITE_KIND_LABELS[existing.kind], SITE_KIND_LABELS[kind]));
    if (existing.federationId !== body.id) {
      const before = directory.get(existing.federationId);
      set('federationId', body.id, change('所属组织', before ? directory.placeName(before) : existing.federationId, directory.placeName(body)));
    }
    if (existing.address !== address) set('address', address, change('地址', existing.address, address));
    if (location && (location.latitude !== existing.latitude || location.longitude !== existing.longitude)) {
      changes.latitude = location.latitude;
      changes.longitude = location.longitude;
      said.push(change('位置', `${existing.latitude}, ${existing.longitude}`, `${location.latitude}, ${location.longitude}`));
    }
    if (hoursText && hours) {
      const unchanged = hours.length > 0 ? sameHours(hours, existing.openingHours) : hoursText === hoursTextOf(existing);
      if (!unchanged) {
        changes.openingHours = hours;
        changes.openingHoursText = hoursText;
        said.push(change('开放时间', hoursTextOf(existing), hoursText));
      }
    }
    if (phone && phoneKey(existing.phone) !== phone.normalised) set('phone', phone.stored, change('电话', existing.phone, phone.stored));
    if (services && !sameSet(services, existing.services)) {
      set('services', services, change('服务内容', writeServices(existing.services), writeServices(services)));
    }
    if (chair && chair !== existing.chairPublicName) set('chairPublicName', chair, change('负责人', existing.chairPublicName, chair));
    if (said.length === 0) return outcome(row.number, 'leave', `不变：“${existing.name}”（${directory.placeName(body)}）`);
    writes.updates.push({ id: existing.id, changes });
    return outcome(row.number, 'change', `修改“${existing.name}”：${said.join('；')}`);
  }, progress);
  return { ...plan, writes };
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Every site of the county, in the import's own columns, so that importing this back changes nothing. */
export function exportSites(state: SitesState): Record<string, string>[] {
  const { directory } = state;
  return [...state.sites]
    .sort((a, b) => a.federationId.localeCompare(b.federationId) || a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id))
    .map((site) => {
      const body = directory.get(site.federationId);
      const township = body ? directory.townshipOf(body) : null;
      const phone = site.phone ? normalisePhone(site.phone) : null;
      return {
        name: site.name,
        kind: SITE_KIND_LABELS[site.kind],
        township: township ? directory.placeName(township) : '',
        body: body ? directory.placeName(body) : '',
        code: site.federationId,
        address: site.address,
        latitude: String(site.latitude),
        longitude: String(site.longitude),
        hours: hoursTextOf(site),
        phone: phone?.ok ? formatPhone(phone.phone) : (site.phone ?? ''),
        services: writeServices(site.services),
        chair: site.chairPublicName ?? '',
        siteId: site.id,
      };
    });
}
