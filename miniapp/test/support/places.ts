import {
  RegionLevel,
  ServiceCategoryKey,
  SiteKind,
  type NearbyPlace,
  type RegionDetail,
  type RegionNode,
  type SearchHit,
  type SiteDetail,
  type SiteSummary,
} from '@wfh/shared';

/** Where she stands in these tests (GCJ-02, as WeChat reports it). */
export const here = { latitude: 42.22349, longitude: 123.72811 };

const place = (fields: Partial<NearbyPlace> & Pick<NearbyPlace, 'type' | 'id' | 'name' | 'distanceMetres'>): NearbyPlace => ({
  federationId: '211221101200',
  kind: null,
  level: null,
  latitude: 42.224,
  longitude: 123.735,
  address: null,
  phone: null,
  services: [],
  openNow: null,
  isDemo: false,
  ...fields,
});

export const yiluMicroHome = place({
  type: 'site',
  id: 'site-yilu',
  name: '懿路村妇女微家',
  kind: SiteKind.WomensMicroHome,
  distanceMetres: 850,
  address: '铁岭县新台子镇懿路村村民服务中心一楼',
  services: [ServiceCategoryKey.FamilyEducation, ServiceCategoryKey.Counselling],
  openNow: true,
  isDemo: true,
});

export const yiluBody = place({
  type: 'body',
  id: '211221101200',
  name: '懿路村妇联',
  level: RegionLevel.Village,
  distanceMetres: 1240,
  isDemo: true,
});

export const townshipHome = place({
  type: 'site',
  id: 'site-xintaizi',
  name: '新台子镇妇女之家',
  federationId: '211221101',
  kind: SiteKind.WomensHome,
  distanceMetres: 3240,
  address: '铁岭县新台子镇党群服务中心二楼',
  services: [ServiceCategoryKey.LegalAid],
  openNow: false,
});

export const nearbyPlaces: NearbyPlace[] = [yiluMicroHome, yiluBody, townshipHome];

const node = (code: string, name: string, level: RegionLevel, hasChildren = true): RegionNode => ({
  code,
  name,
  level,
  hasChildren,
});

export const liaoning = node('21', '辽宁省', RegionLevel.Province);
export const tieling = node('2112', '铁岭市', RegionLevel.City);
export const tielingCounty = node('211221', '铁岭县', RegionLevel.County);
export const yinzhou = node('211202', '银州区', RegionLevel.County);
export const xintaizi = node('211221101', '新台子镇', RegionLevel.Township);
export const yiluVillageNode = node('211221101200', '懿路村民委员会', RegionLevel.Village, false);
export const dongguVillageNode = node('211221101201', '东孤家子村民委员会', RegionLevel.Village, false);

/** The children the fake server answers for each region code. */
export const regionChildren: Record<string, RegionNode[]> = {
  '21': [tieling],
  '2112': [yinzhou, tielingCounty],
  '211221': [xintaizi],
  '211221101': [yiluVillageNode, dongguVillageNode],
};

export const xintaiziDetail: RegionDetail = { ...xintaizi, breadcrumb: [liaoning, tieling, tielingCounty] };

export const searchHits: SearchHit[] = [
  {
    type: 'body',
    id: '211221101200',
    name: '懿路村妇联',
    federationId: '211221101200',
    level: RegionLevel.Village,
    kind: null,
    path: '辽宁省 › 铁岭市 › 铁岭县 › 新台子镇',
  },
  {
    type: 'site',
    id: 'site-yilu',
    name: '懿路村妇女微家',
    federationId: '211221101200',
    level: null,
    kind: SiteKind.WomensMicroHome,
    path: '辽宁省 › 铁岭市 › 铁岭县 › 新台子镇 › 懿路村民委员会',
  },
  {
    type: 'body',
    id: '211221101',
    name: '新台子镇妇联',
    federationId: '211221101',
    level: RegionLevel.Township,
    kind: null,
    path: '辽宁省 › 铁岭市 › 铁岭县',
  },
];

const officeWeek = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: '08:30', closes: '11:30' },
  { weekday, opens: '13:30', closes: '17:00' },
]);

export const yiluSite: SiteDetail = {
  id: 'site-yilu',
  federationId: '211221101200',
  federationName: '懿路村妇联',
  kind: SiteKind.WomensMicroHome,
  name: '懿路村妇女微家',
  address: '铁岭县新台子镇懿路村村民服务中心一楼',
  latitude: 42.224076,
  longitude: 123.735739,
  phone: '0410-0000047',
  // Saturday mornings too, listed out of order on purpose.
  openingHours: [{ weekday: 6, opens: '09:00', closes: '11:30' }, ...officeWeek.reverse()],
  openingExceptions: [
    { date: '2099-10-08', closed: false, opens: '09:00', closes: '12:00' },
    { date: '2099-10-01', closed: true },
    { date: '2000-01-03', closed: true },
  ],
  services: [ServiceCategoryKey.FamilyEducation, ServiceCategoryKey.Counselling, ServiceCategoryKey.Hardship],
  chairPublicName: '张春梅',
  photoUrl: null,
  active: true,
  isDemo: true,
  openNow: true,
};

/** The same site as a body's site list has it. */
export function summaryOf(site: SiteDetail): SiteSummary {
  const { federationName: _federationName, openNow: _openNow, ...summary } = site;
  return summary;
}
