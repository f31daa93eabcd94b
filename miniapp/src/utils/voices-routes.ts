import { queryString } from './query';

/**
 * The pages of 议事 (concerns and the women's council) and of the contact rosters. Kept apart from
 * routes.ts so the home tab, which links here, carries only these few strings.
 */
export const VoicesRoutes = {
  /** 议事 of her own village or community. */
  board: '/packages/voices/index',
  raise: '/packages/voices/raise',
  concern: (id: string) => `/packages/voices/concern${queryString({ id })}`,
  /** She types in (or arrives with) the code an executive member gave her. */
  joinRoster: (code?: string) => `/packages/voices/join${queryString({ code })}`,
  /** 议题审核 of a body, for its chair and deputies. */
  moderate: (federationId: string) => `/packages/workbench/concerns${queryString({ federationId })}`,
  roster: (federationId: string) => `/packages/workbench/roster${queryString({ federationId })}`,
  rosterEntry: (id: string) => `/packages/workbench/roster-entry${queryString({ id })}`,
} as const;
