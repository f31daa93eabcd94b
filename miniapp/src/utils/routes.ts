import { queryString } from './query';

/** Every page address the app navigates to, in one place. */
export const Routes = {
  home: '/pages/index/index',
  /** Where the quick exit leaves to: nothing on it says who she is or what she was doing. */
  neutral: '/pages/neutral/index',
  /**
   * The region tree and name search; `from` opens the tree at that region. `back` returns to the
   * page that opened the chooser once she has confirmed (the help form), instead of to 首页.
   */
  chooseVillage: (from?: string, options: { back?: boolean } = {}) =>
    `/packages/places/choose-village${queryString({ from, back: options.back ? 1 : undefined })}`,
  site: (id: string) => `/packages/places/site${queryString({ id })}`,
  body: (id: string) => `/packages/places/body${queryString({ id })}`,
  /** 我要求助; from a site's 在这里求助 with that site and its body. */
  askForHelp: (at: { siteId?: string; federationId?: string } = {}) =>
    `/packages/requests/index${queryString({ siteId: at.siteId, federationId: at.federationId })}`,
  myRequests: '/packages/requests/mine',
  myRequest: (id: string) => `/packages/requests/detail${queryString({ id })}`,
  workbench: '/packages/workbench/index',
  handleRequest: (id: string) => `/packages/workbench/request${queryString({ id })}`,
  /** 代为登记求助 at her village body. */
  recordOnBehalf: (federationId: string) => `/packages/workbench/on-behalf${queryString({ federationId })}`,
  /** 外出请假: the chair's time away and who stands in. */
  coverSettings: (federationId: string) => `/packages/workbench/cover${queryString({ federationId })}`,
} as const;
