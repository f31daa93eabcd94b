/** Small places where women are, each belonging to one federation body. */
export enum SiteKind {
  WomensHome = 'womens_home',
  WomensMicroHome = 'womens_micro_home',
  WomensGroup = 'womens_group',
  RightsStation = 'rights_station',
  ChildrensHome = 'childrens_home',
}

export const SITE_KIND_LABELS: Record<SiteKind, string> = {
  [SiteKind.WomensHome]: '妇女之家',
  [SiteKind.WomensMicroHome]: '妇女微家',
  [SiteKind.WomensGroup]: '妇女小组',
  [SiteKind.RightsStation]: '维权站',
  [SiteKind.ChildrensHome]: '儿童之家',
};

/** 0 = Sunday … 6 = Saturday, times "HH:mm" in Asia/Shanghai. */
export interface WeeklyOpening {
  weekday: number;
  opens: string;
  closes: string;
}
