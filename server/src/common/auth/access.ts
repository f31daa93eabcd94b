import { can, isOwner, type Actor, type Permission } from '@wfh/shared';
import { forbidden, notFound, unauthorized } from '../errors/app-exception';

/**
 * The one place that turns the shared access rules into HTTP answers. Services call these before
 * every read or write of a body's data or a woman's own things.
 */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

export function requirePermission(actor: Actor | null, permission: Permission, federationId: string): Actor {
  const who = requireActor(actor);
  if (!can(who, permission, federationId)) throw forbidden();
  return who;
}

/** Someone else's things answer 404, so that their existence does not leak either. */
export function requireOwner(actor: Actor | null, ownerUserId: string): Actor {
  const who = requireActor(actor);
  if (!isOwner(who, ownerUserId)) throw notFound();
  return who;
}
