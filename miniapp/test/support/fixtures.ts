import {
  RegionLevel,
  RoleKind,
  type AuthTokens,
  type DemoPerson,
  type FederationDetail,
  type MeResponse,
  type UserProfile,
} from '@wfh/shared';

export const demoPeople: DemoPerson[] = [
  { key: 'villager', displayName: '王秀英', description: '村民，家住新台子镇懿路村' },
  { key: 'chair', displayName: '李桂兰', description: '懿路村妇联主席' },
];

export const villager: UserProfile = {
  id: 'u-villager',
  displayName: '王秀英',
  nameListed: false,
  homeFederationId: '211221100201',
  isDemo: true,
};

export function tokensFor(user: UserProfile, suffix = '1'): AuthTokens {
  return { accessToken: `access-${suffix}`, refreshToken: `refresh-${suffix}`, expiresIn: 900, user };
}

const summary = (id: string, name: string, level: RegionLevel, regionName: string) => ({
  id,
  name,
  level,
  regionName,
  active: true,
});

export const yiluVillage: FederationDetail = {
  ...summary('211221100201', '懿路村妇联', RegionLevel.Village, '懿路村'),
  parentId: '211221100',
  breadcrumb: [
    summary('21', '辽宁省妇联', RegionLevel.Province, '辽宁省'),
    summary('2112', '铁岭市妇联', RegionLevel.City, '铁岭市'),
    summary('211221', '铁岭县妇联', RegionLevel.County, '铁岭县'),
    summary('211221100', '新台子镇妇联', RegionLevel.Township, '新台子镇'),
  ],
  address: '新台子镇懿路村村委会',
  phone: '024-12345678',
  officeHours: '工作日 8:30-16:30',
  latitude: null,
  longitude: null,
  locationIsDemo: false,
};

export const meWithHome: MeResponse = { user: villager, roles: [], home: yiluVillage };

export const meWithoutHome: MeResponse = {
  user: { ...villager, homeFederationId: null },
  roles: [],
  home: null,
};

export const meAsChair: MeResponse = {
  user: { id: 'u-chair', displayName: '李桂兰', nameListed: false, homeFederationId: '211221100201', isDemo: true },
  roles: [
    { role: RoleKind.Chair, federationId: '211221100201', federationName: '懿路村妇联' },
    { role: RoleKind.Staff, federationId: '211221100', federationName: '新台子镇妇联' },
  ],
  home: yiluVillage,
};
