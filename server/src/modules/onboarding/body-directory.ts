import { RegionLevel, isWithinRegion, parentRegionCode, placeNameOf } from '@wfh/shared';
import { wordKey } from './vocabulary';

export interface DirectoryBody {
  id: string;
  regionName: string;
  name: string;
  level: RegionLevel;
}

export type BodyLookup =
  | { ok: true; body: DirectoryBody }
  | { ok: false; column: 'body' | 'township' | 'code'; message: string };

/** Endings people leave off or add ("懿路" for 懿路村, "懿路村委会"): a name's stem matches without them. */
const ENDINGS = /(村民委员会|居民委员会|村委会|居委会|妇联|村|社区|嘎查|镇|乡|街道|苏木|办事处)$/;
const MAX_LISTED = 6;

function stem(text: string): string {
  let s = wordKey(text);
  for (let i = 0; i < 2 && ENDINGS.test(s); i++) s = s.replace(ENDINGS, '');
  return s;
}

/**
 * A county's bodies, found as a sheet names them: by code, by name (the everyday place name, the
 * statistical name, or the body's name with 妇联), by name within a township, or by a township and
 * village written together ("新台子镇懿路村"). A name two villages share is never guessed: the
 * answer lists both, with their townships and codes, so the county can say which.
 */
export class BodyDirectory {
  private readonly byId = new Map<string, DirectoryBody>();
  private readonly byName = new Map<string, DirectoryBody[]>();
  private readonly byStem = new Map<string, DirectoryBody[]>();
  readonly county: DirectoryBody;

  constructor(countyId: string, bodies: readonly DirectoryBody[]) {
    for (const body of bodies) {
      if (!isWithinRegion(body.id, countyId)) continue;
      this.byId.set(body.id, body);
      const place = placeNameOf(body.regionName);
      for (const key of new Set([place, body.regionName, body.name].map(wordKey))) push(this.byName, key, body);
      const s = stem(place);
      if (s) push(this.byStem, s, body);
    }
    const county = this.byId.get(countyId);
    if (!county) throw new Error(`BodyDirectory: the county ${countyId} is not among its bodies`);
    this.county = county;
  }

  /** Every body of the county, in code order. */
  all(): DirectoryBody[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  get(id: string): DirectoryBody | undefined {
    return this.byId.get(id);
  }

  /** The everyday name: "懿路村", "新台子镇", "铁岭县". */
  placeName(body: DirectoryBody): string {
    return placeNameOf(body.regionName);
  }

  /** The township a body lies in (itself for a township), or null for the county. */
  townshipOf(body: DirectoryBody): DirectoryBody | null {
    if (body.level === RegionLevel.Township) return body;
    if (body.level === RegionLevel.Village) return this.byId.get(parentRegionCode(body.id)!) ?? null;
    return null;
  }

  /** "懿路村（新台子镇，211221101200）": enough to tell two of the same name apart. */
  describe(body: DirectoryBody): string {
    const township = body.level === RegionLevel.Village ? this.townshipOf(body) : null;
    return `${this.placeName(body)}（${township ? `${this.placeName(township)}，` : ''}${body.id}）`;
  }

  /** The body a row means, from its code, its township and its body name (each may be empty). */
  resolve(input: { code?: string; township?: string; body?: string }): BodyLookup {
    const code = (input.code ?? '').replace(/\s/g, '');
    let bodyText = (input.body ?? '').trim();
    const townshipText = (input.township ?? '').trim();
    if (/^\d+$/.test(bodyText) && code === '') return this.byCode(bodyText, 'body');
    if (code !== '') {
      const found = this.byCode(code, 'code');
      if (!found.ok || bodyText === '') return found;
      const named = this.byText(bodyText, townshipText);
      if (named.ok && named.body.id !== found.body.id) {
        return { ok: false, column: 'code', message: `区划代码 ${code} 是${this.describe(found.body)}，和填写的“${bodyText}”不一致：请核对是哪一个` };
      }
      return found;
    }
    if (bodyText === '' && townshipText === '') return { ok: false, column: 'body', message: '请填写所属的村（社区）或乡镇（街道），或者区划代码' };
    if (bodyText === '') bodyText = townshipText;
    return this.byText(bodyText, townshipText === bodyText ? '' : townshipText);
  }

  private byCode(code: string, column: 'body' | 'code'): BodyLookup {
    if (!/^(\d{6}|\d{9}|\d{12})$/.test(code)) {
      return { ok: false, column, message: `区划代码“${code}”的位数不对：村（社区）12位、乡镇（街道）9位、县6位` };
    }
    const body = this.byId.get(code);
    if (body) return { ok: true, body };
    if (!isWithinRegion(code, this.county.id)) return { ok: false, column, message: `区划代码 ${code} 不在${this.placeName(this.county)}：只能导入本县的组织` };
    return { ok: false, column, message: `${this.placeName(this.county)}没有区划代码为 ${code} 的组织，请核对` };
  }

  private byText(text: string, townshipText: string): BodyLookup {
    let within: DirectoryBody = this.county;
    if (townshipText !== '') {
      const found = this.candidates(townshipText, this.county.id);
      const isTownship = (b: DirectoryBody) => b.level === RegionLevel.Township;
      const township = this.pick({ exact: found.exact.filter(isTownship), stem: found.stem.filter(isTownship) });
      if (township.length !== 1) {
        return township.length === 0
          ? { ok: false, column: 'township', message: `${this.placeName(this.county)}没有叫“${townshipText}”的乡镇（街道）${this.suggest(townshipText, RegionLevel.Township)}` }
          : { ok: false, column: 'township', message: this.ambiguous(townshipText, township) };
      }
      within = township[0];
    }
    let found = this.pick(this.candidates(text, within.id));
    // "新台子镇懿路村", or with the county in front: a township's name at the start narrows the search.
    if (found.length === 0) found = this.pick(this.splitWritten(text, within));
    if (found.length === 1) return { ok: true, body: found[0] };
    if (found.length > 1) return { ok: false, column: 'body', message: this.ambiguous(text, found) };
    const where = within === this.county ? this.placeName(this.county) : this.placeName(within);
    return { ok: false, column: 'body', message: `${where}没有叫“${text}”的村（社区）或乡镇（街道）${this.suggest(text)}` };
  }

  /** Exact names before stems, so "新华村" never also finds "新华社区" when 新华村 exists. */
  private candidates(text: string, withinId: string): { exact: DirectoryBody[]; stem: DirectoryBody[] } {
    const inside = (b: DirectoryBody) => isWithinRegion(b.id, withinId);
    return {
      exact: (this.byName.get(wordKey(text)) ?? []).filter(inside),
      stem: (this.byStem.get(stem(text)) ?? []).filter(inside),
    };
  }

  private pick(found: { exact: DirectoryBody[]; stem: DirectoryBody[] }): DirectoryBody[] {
    return unique(found.exact.length > 0 ? found.exact : found.stem);
  }

  private splitWritten(text: string, within: DirectoryBody): { exact: DirectoryBody[]; stem: DirectoryBody[] } {
    let rest = wordKey(text);
    const county = wordKey(this.placeName(this.county));
    if (rest.startsWith(county) && rest.length > county.length) rest = rest.slice(county.length);
    const exact: DirectoryBody[] = [];
    const stems: DirectoryBody[] = [];
    for (const body of this.byId.values()) {
      if (body.level !== RegionLevel.Township || !isWithinRegion(body.id, within.id)) continue;
      for (const prefix of new Set([wordKey(this.placeName(body)), stem(this.placeName(body))])) {
        if (!prefix || !rest.startsWith(prefix) || rest.length === prefix.length) continue;
        const inside = this.candidates(rest.slice(prefix.length), body.id);
        exact.push(...inside.exact.filter((b) => b.id !== body.id));
        stems.push(...inside.stem.filter((b) => b.id !== body.id));
      }
    }
    if (exact.length === 0 && stems.length === 0 && rest !== wordKey(text)) return this.candidates(rest, within.id);
    return { exact, stem: stems };
  }

  private ambiguous(text: string, found: DirectoryBody[]): string {
    const listed = found.slice(0, MAX_LISTED).map((b) => this.describe(b)).join('、');
    const more = found.length > MAX_LISTED ? `等${found.length}个` : '';
    return `“${text}”有${found.length}个：${listed}${more}。请在“乡镇（街道）”列写上乡镇，或在“区划代码”列写上代码`;
  }

  private suggest(text: string, level?: RegionLevel): string {
    const key = stem(text);
    if (key.length < 2) return '，请核对名称';
    const near = [...this.byId.values()]
      .filter((b) => (level ? b.level === level : true) && (stem(this.placeName(b)).includes(key) || key.includes(stem(this.placeName(b)) || '\u0000')))
      .slice(0, MAX_LISTED);
    return near.length > 0 ? `。是不是：${near.map((b) => this.describe(b)).join('、')}？` : '，请核对名称';
  }
}

function push(map: Map<string, DirectoryBody[]>, key: string, body: DirectoryBody): void {
  const list = map.get(key);
  if (list) list.push(body);
  else map.set(key, [body]);
}

function unique(bodies: DirectoryBody[]): DirectoryBody[] {
  return [...new Map(bodies.map((b) => [b.id, b])).values()];
}
