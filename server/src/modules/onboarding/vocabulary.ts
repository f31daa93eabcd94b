import {
  RegionLevel,
  RoleKind,
  SERVICE_CATEGORY_NAMES,
  SITE_KIND_LABELS,
  ServiceCategoryKey,
  SiteKind,
  levelOfRole,
} from '@wfh/shared';
import type { Read } from './field-readers';

/**
 * The words counties write for roles, kinds of site and services, mapped to the keys the system
 * keeps. Each list starts with the word an export writes, so that an export reads back unchanged.
 */

/** The same word however it is typed: full-width brackets, spaces, "（兼）" notes. */
export function wordKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .replace(/[\s*※]/g, '')
    .toLowerCase();
}

function lookup<T>(entries: Array<[T, string[]]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const word of words) map.set(wordKey(word), value);
  return map;
}

// ---- roles ----

/** The word an export writes for each role. */
export const ROLE_WORDS: Record<RoleKind, string> = {
  [RoleKind.Chair]: '主席',
  [RoleKind.Deputy]: '副主席',
  [RoleKind.Executive]: '执委',
  [RoleKind.Staff]: '工作人员',
  [RoleKind.Admin]: '管理员',
};

const ROLE_ENTRIES: Array<[RoleKind, string[]]> = [
  // 妇女主任 / 妇代会主任: what the village chair was called before 2016's 妇代会改妇联; many sheets still say so.
  [RoleKind.Chair, ['主席', '妇联主席', '村妇联主席', '社区妇联主席', '村（社区）妇联主席', '妇女主任', '妇代会主任']],
  [RoleKind.Deputy, ['副主席', '妇联副主席', '村妇联副主席', '社区妇联副主席', '村（社区）妇联副主席', '兼职副主席']],
  // shared/roles.ts: the executive role covers 执委 and 妇女代表 alike.
  [RoleKind.Executive, ['执委', '妇联执委', '村妇联执委', '社区妇联执委', '村（社区）妇联执委', '妇女代表']],
  [
    RoleKind.Staff,
    ['工作人员', '专干', '妇联专干', '乡镇妇联专干', '街道妇联专干', '妇联工作人员', '乡镇妇联工作人员', '街道妇联工作人员', '乡镇（街道）妇联工作人员',
      '乡镇妇联主席', '街道妇联主席', '乡镇妇联副主席', '街道妇联副主席'],
  ],
  [RoleKind.Admin, ['管理员', '县妇联管理员', '区妇联管理员', '县（区）妇联管理员', '系统管理员', '平台管理员']],
];
const ROLES = lookup(ROLE_ENTRIES);
const CHAIR_WORDS = new Set(['主席', '副主席', '妇联主席', '妇联副主席'].map(wordKey));

export const ACCEPTED_ROLE_WORDS = '主席、副主席、执委、妇女代表（村、社区）；专干、工作人员（乡镇、街道）；管理员（县妇联）';

const LEVEL_WORDS: Partial<Record<RegionLevel, string>> = {
  [RegionLevel.Village]: '村（社区）',
  [RegionLevel.Township]: '乡镇（街道）',
  [RegionLevel.County]: '县（区）',
};

/**
 * The role a word names at a body of the given level. A township's 主席 or 副主席 is, in this system,
 * the township's staff: taken as such, with a note. A county's 主席 is not thereby an admin.
 */
export function readRole(word: string, level: RegionLevel): Read<RoleKind> {
  const key = wordKey(word);
  if (key === '') return { ok: false, message: `请填写职务：${ACCEPTED_ROLE_WORDS}` };
  let role = ROLES.get(key);
  if (role === undefined) return { ok: false, message: `不认识的职务“${word.trim()}”，可以填写：${ACCEPTED_ROLE_WORDS}` };
  let note: string | undefined;
  if (level === RegionLevel.Township && CHAIR_WORDS.has(key)) {
    role = RoleKind.Staff;
    note = `乡镇（街道）妇联的“${word.trim()}”按“工作人员”登记`;
  }
  const needed = levelOfRole(role);
  if (needed !== level) {
    const here = LEVEL_WORDS[level] ?? '这一级';
    const words = ROLE_ENTRIES.filter(([r]) => levelOfRole(r) === level).map(([r]) => ROLE_WORDS[r]);
    const hint = level === RegionLevel.County && CHAIR_WORDS.has(key)
      ? '县妇联的同志要管理本县的，请写“管理员”'
      : words.length > 0 ? `${here}妇联的职务请写：${words.join('、')}` : `${here}不能设职务`;
    return { ok: false, message: `“${word.trim()}”是${LEVEL_WORDS[needed]}妇联的职务，这一行的组织是${here}：${hint}` };
  }
  return { ok: true, value: role, warning: note };
}

// ---- kinds of site ----

const KIND_ENTRIES: Array<[SiteKind, string[]]> = [
  [SiteKind.WomensHome, [SITE_KIND_LABELS[SiteKind.WomensHome], '村妇女之家', '社区妇女之家', '妇女儿童之家']],
  [SiteKind.WomensMicroHome, [SITE_KIND_LABELS[SiteKind.WomensMicroHome], '微家', '巾帼微家']],
  [SiteKind.WomensGroup, [SITE_KIND_LABELS[SiteKind.WomensGroup], '小组']],
  [SiteKind.RightsStation, [SITE_KIND_LABELS[SiteKind.RightsStation], '妇女维权站', '妇女儿童维权站', '维权服务站', '妇女儿童维权服务站', '维权岗', '妇女维权岗']],
  [SiteKind.ChildrensHome, [SITE_KIND_LABELS[SiteKind.ChildrensHome], '儿童快乐家园']],
];
const KINDS = lookup(KIND_ENTRIES);
export const ACCEPTED_KIND_WORDS = Object.values(SITE_KIND_LABELS).join('、');

export function readSiteKind(word: string): Read<SiteKind> {
  const kind = KINDS.get(wordKey(word));
  if (kind !== undefined) return { ok: true, value: kind };
  return { ok: false, message: word.trim() === '' ? `请填写类型：${ACCEPTED_KIND_WORDS}` : `不认识的类型“${word.trim()}”，可以填写：${ACCEPTED_KIND_WORDS}` };
}

// ---- services ----

const SERVICE_ENTRIES: Array<[ServiceCategoryKey, string[]]> = [
  [ServiceCategoryKey.LegalAid, ['法律帮助', '法律咨询', '法律援助', '法律服务', '维权', '权益维护', '维权服务', '普法']],
  [ServiceCategoryKey.DomesticViolence, ['反家暴', '反家庭暴力', '家暴求助', '家庭暴力', '家暴']],
  [ServiceCategoryKey.MarriageMediation, ['婚姻家庭调解', '纠纷调解', '矛盾调解', '婚姻调解', '调解', '婚调', '矛盾纠纷调解']],
  [ServiceCategoryKey.Counselling, ['心理咨询', '心理辅导', '心理健康', '心理服务']],
  [ServiceCategoryKey.FamilyEducation, ['家庭教育', '家教指导', '亲子教育']],
  [ServiceCategoryKey.Employment, ['就业创业', '就业', '创业', '技能培训', '巾帼创业', '就业帮扶']],
  [ServiceCategoryKey.Hardship, ['困难帮扶', '帮扶救助', '救助', '帮困', '关爱帮扶', '困难救助']],
  [ServiceCategoryKey.CancerScreening, ['两癌检查', '两癌筛查', '两癌救助', '两癌']],
  [ServiceCategoryKey.Other, []],
].map(([key, words]) => [key as ServiceCategoryKey, [SERVICE_CATEGORY_NAMES[key as ServiceCategoryKey], ...(words as string[])]]);
const SERVICES = lookup(SERVICE_ENTRIES);
export const ACCEPTED_SERVICE_WORDS = Object.values(SERVICE_CATEGORY_NAMES).join('、');

/** "法律咨询、心理疏导，家庭教育": a list in any of the usual separators; unknown words are named. */
export function readServices(text: string): Read<ServiceCategoryKey[]> {
  const words = text.split(/[、,，;；/／|｜\s]+/).map((w) => w.trim()).filter(Boolean);
  const services: ServiceCategoryKey[] = [];
  const unknown: string[] = [];
  for (const word of words) {
    const key = SERVICES.get(wordKey(word));
    if (key === undefined) unknown.push(word);
    else if (!services.includes(key)) services.push(key);
  }
  if (unknown.length > 0) {
    return { ok: false, message: `不认识的服务“${unknown.join('、')}”，可以填写：${ACCEPTED_SERVICE_WORDS}（其他服务写“其他”）` };
  }
  return { ok: true, value: services };
}

/** How an export writes a site's services: the catalogue's own names, in the catalogue's order. */
export function writeServices(services: readonly ServiceCategoryKey[]): string {
  return (Object.keys(SERVICE_CATEGORY_NAMES) as ServiceCategoryKey[]).filter((k) => services.includes(k)).map((k) => SERVICE_CATEGORY_NAMES[k]).join('、');
}
