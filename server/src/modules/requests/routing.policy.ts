import {
  REGION_LEVEL_LABELS,
  RegionLevel,
  isValidRegionCode,
  isWithinRegion,
  parentRegionCode,
  regionCodeLength,
  regionLevelOf,
  type ServiceCategoryKey,
} from '@wfh/shared';

/** "Requests of this category from this region go to that body", set by a county admin. */
export interface RoutingRule {
  /** A region code (2, 4, 6, 9 or 12 digits); the rule covers that region and everything below it. */
  regionPrefix: string;
  categoryKey: ServiceCategoryKey;
  targetFederationId: string;
  /** How the reason names the target, e.g. "铁岭县妇联维权站"; the target body's name when null. */
  label: string | null;
}

export interface RoutingBody {
  id: string;
  name: string;
  level: RegionLevel;
  active: boolean;
  /** Someone holds the body's handling role now (a chair or a deputy standing in, staff, an admin). */
  hasActiveHandler: boolean;
}

export interface RoutingInput {
  /** Her confirmed village or community (12 digits). */
  homeFederationId: string;
  category: { key: ServiceCategoryKey; name: string; handlingLevel: RegionLevel };
  rules: readonly RoutingRule[];
  /** The home body, its ancestors, and the targets of matching rules with their ancestors. */
  bodies: ReadonlyMap<string, RoutingBody>;
}

export type RoutingFailure = 'unknown_region' | 'no_active_handler';

export type RoutingDecision =
  | { ok: true; federationId: string; reason: string }
  | { ok: false; failure: RoutingFailure; reason: string };

/** Steps of a reason are read as one sentence by the woman and the handler. */
const STEP_SEPARATOR = '；';

/** Who is missing when a body cannot take a request, named as the federation names its roles. */
const MISSING_HANDLER: Record<RegionLevel, string> = {
  [RegionLevel.Village]: '主席',
  [RegionLevel.Township]: '工作人员',
  [RegionLevel.County]: '管理员',
  [RegionLevel.City]: '管理员',
  [RegionLevel.Province]: '管理员',
};

/** The walk up stops at the county: it answers for every village under it, and nothing above it takes requests on its own. */
const AT_OR_ABOVE_COUNTY: ReadonlySet<RegionLevel> = new Set([RegionLevel.Province, RegionLevel.City, RegionLevel.County]);

function fail(failure: RoutingFailure, steps: readonly string[]): RoutingDecision {
  return { ok: false, failure, reason: steps.join(STEP_SEPARATOR) };
}

/** "乡镇（街道）" reads "按乡镇（街道）级受理", "县级" reads "按县级受理". */
function byLevel(level: RegionLevel): string {
  const label = REGION_LEVEL_LABELS[level];
  return `按${label.endsWith('级') ? label : `${label}级`}受理`;
}

/** The most specific rule for her region and this category; equal prefixes go to the smaller target id, so the choice never depends on rule order. */
function mostSpecificRule(homeId: string, categoryKey: ServiceCategoryKey, rules: readonly RoutingRule[]): RoutingRule | null {
  let best: RoutingRule | null = null;
  for (const rule of rules) {
    if (rule.categoryKey !== categoryKey) continue;
    if (!isValidRegionCode(rule.regionPrefix) || !isWithinRegion(homeId, rule.regionPrefix)) continue;
    const longer = best === null || rule.regionPrefix.length > best.regionPrefix.length;
    const tieWon = best !== null && rule.regionPrefix.length === best.regionPrefix.length && rule.targetFederationId < best.targetFederationId;
    if (longer || tieWon) best = rule;
  }
  return best;
}

/** "本村（社区）", "本乡镇（街道）" for her own village and township; the body's name otherwise (a county, a rule target elsewhere). */
function whoseBody(body: RoutingBody, homeId: string): string {
  const own = (body.level === RegionLevel.Village || body.level === RegionLevel.Township) && isWithinRegion(homeId, body.id);
  return own ? `本${REGION_LEVEL_LABELS[body.level]}` : body.name;
}

/** Why a body cannot take the request now, or null when it can. */
function unavailable(body: RoutingBody, homeId: string): string | null {
  if (!body.active) return `${body.name}暂未开通`;
  if (!body.hasActiveHandler) return `${whoseBody(body, homeId)}暂无在岗${MISSING_HANDLER[body.level]}`;
  return null;
}

/** From the first responsible body, up to the first one that can take it, stopping at the county. */
function walkUp(start: RoutingBody, input: RoutingInput, firstStep: string): RoutingDecision {
  const steps = [firstStep];
  let body = start;
  for (let why = unavailable(body, input.homeFederationId); why !== null; why = unavailable(body, input.homeFederationId)) {
    if (AT_OR_ABOVE_COUNTY.has(body.level)) return fail('no_active_handler', [...steps, `${why}，无法自动分派`]);
    const parentId = parentRegionCode(body.id);
    const parent = parentId === null ? undefined : input.bodies.get(parentId);
    if (parent === undefined) return fail('unknown_region', [...steps, `${why}，但未找到${body.name}的上级妇联，无法自动分派`]);
    steps.push(`${why}，转至${parent.name}`);
    body = parent;
  }
  return { ok: true, federationId: body.id, reason: steps.join(STEP_SEPARATOR) };
}

/**
 * Which body handles a new request, and why in words she and the handler can read: the most specific
 * routing rule, else the category's handling level applied to her village, then up while a body cannot
 * take it.
 */
export function routeRequest(input: RoutingInput): RoutingDecision {
  const { homeFederationId: homeId, category, bodies } = input;
  const home = bodies.get(homeId);
  if (home === undefined || regionLevelOf(homeId) !== RegionLevel.Village) {
    const notVillage = home !== undefined ? `${home.name}不是村（社区）妇联，请选择您所在的村（社区）` : null;
    return fail('unknown_region', [notVillage ?? `未找到所选的村（社区）妇联（${homeId}）`]);
  }

  const rule = mostSpecificRule(homeId, category.key, input.rules);
  if (rule !== null) {
    const target = bodies.get(rule.targetFederationId);
    if (target === undefined) {
      return fail('unknown_region', [`${category.name}的分派规则指向的妇联（${rule.targetFederationId}）不存在，无法自动分派`]);
    }
    return walkUp(target, input, `${rule.label ?? target.name}：${category.name}按规定由此受理`);
  }

  const level = category.handlingLevel;
  const responsibleId = homeId.slice(0, regionCodeLength(level));
  const responsible = bodies.get(responsibleId);
  if (responsible === undefined) {
    return fail('unknown_region', [`未找到${home.name}所属的${REGION_LEVEL_LABELS[level]}妇联（${responsibleId}）`]);
  }
  const first = level === RegionLevel.Village ? `${responsible.name}：由本村（社区）妇联受理` : `${responsible.name}：${category.name}${byLevel(level)}`;
  return walkUp(responsible, input, first);
}
