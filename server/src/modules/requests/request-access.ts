import { RoleKind, isWithinRegion, type Actor } from '@wfh/shared';

export interface RequestScope {
  womanUserId: string;
  sensitive: boolean;
  /** The body holding it now. */
  federationId: string;
  /** Every body that has held or referred it. */
  involvedFederationIds: readonly string[];
}

const HANDLER_ROLES = new Set([RoleKind.Chair, RoleKind.Deputy, RoleKind.Staff, RoleKind.Admin]);

/**
 * Who may read a request. Her own, always. Staff: for ordinary requests, any body above or at one
 * that has held it (a township watches its villages); for sensitive ones only the bodies that have
 * held it themselves: the township sees a village's domestic-violence request only once it escalates.
 */
export function canReadRequest(actor: Actor | null, request: RequestScope): boolean {
  if (!actor) return false;
  if (actor.userId === request.womanUserId) return true;
  return actor.grants.some(
    (grant) =>
      HANDLER_ROLES.has(grant.role) &&
      request.involvedFederationIds.some((body) => (request.sensitive ? body === grant.federationId : isWithinRegion(body, grant.federationId))),
  );
}

/** Who may act on it: a role held at the very body that holds it now. */
export function canHandleRequest(actor: Actor | null, request: RequestScope): boolean {
  return actor !== null && actor.grants.some((grant) => HANDLER_ROLES.has(grant.role) && grant.federationId === request.federationId);
}

/** Whose inbox: a body she holds a role at. */
export function canSeeInbox(actor: Actor | null, federationId: string): boolean {
  return actor !== null && actor.grants.some((grant) => HANDLER_ROLES.has(grant.role) && grant.federationId === federationId);
}

/**
 * Watching a body's inbox from above (a township its villages, a county its townships): the
 * ordinary requests only, to read, not to act on. A sensitive one stays with the body that holds
 * it until it escalates, which is how the body above steps in.
 */
export function canOverseeInbox(actor: Actor | null, federationId: string): boolean {
  return (
    actor !== null &&
    actor.grants.some((grant) => HANDLER_ROLES.has(grant.role) && grant.federationId !== federationId && isWithinRegion(federationId, grant.federationId))
  );
}

/** The bodies whose inbox she answers: each body she holds a handler role at, once. */
export function handlerBodies(actor: Actor | null): string[] {
  return actor === null ? [] : [...new Set(actor.grants.filter((grant) => HANDLER_ROLES.has(grant.role)).map((grant) => grant.federationId))];
}
