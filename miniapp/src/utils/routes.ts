import { queryString } from './query';

/** Every page address the app navigates to, in one place. */
export const Routes = {
  home: '/pages/index/index',
  /** The region tree and name search; `from` opens the tree at that region. */
  chooseVillage: (from?: string) => `/packages/places/choose-village${queryString({ from })}`,
  site: (id: string) => `/packages/places/site${queryString({ id })}`,
  body: (id: string) => `/packages/places/body${queryString({ id })}`,
  askForHelp: (at: { siteId?: string; federationId: string }) =>
    `/packages/requests/index${queryString({ siteId: at.siteId, federationId: at.federationId })}`,
} as const;
