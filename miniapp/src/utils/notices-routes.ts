import { queryString } from './query';

/** The pages of notices, kept apart from routes.ts so the home tab carries only these few strings. */
export const NoticesRoutes = {
  notice: (id: string) => `/packages/notices/detail${queryString({ id })}`,
  /** A body's notices, for its chair, deputies, township staff and county admins. */
  manage: (federationId: string) => `/packages/notices/manage${queryString({ federationId })}`,
  /** A new notice (no id) or an existing one. */
  edit: (federationId: string, id?: string) => `/packages/notices/edit${queryString({ federationId, id })}`,
} as const;
