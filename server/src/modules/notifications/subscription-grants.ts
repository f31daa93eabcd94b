import { SUBSCRIPTION_GRANT_CAP, type SubscriptionKind } from '@wfh/shared';
import type { EntityManager } from 'typeorm';
import { SubscriptionGrantEntity } from './subscription-grant.entity';

/**
 * The grant counts, each change one conditional statement so that two instances (or two taps) never
 * spend or add the same grant twice.
 */

/** Adds `count` grants, up to the cap. */
export async function addGrants(manager: EntityManager, userId: string, kind: SubscriptionKind, count: number): Promise<void> {
  if (count <= 0) return;
  const repo = manager.getRepository(SubscriptionGrantEntity);
  const raise = () =>
    manager
      .createQueryBuilder()
      .update(SubscriptionGrantEntity)
      .set({ remaining: () => `CASE WHEN remaining + ${count} > ${SUBSCRIPTION_GRANT_CAP} THEN ${SUBSCRIPTION_GRANT_CAP} ELSE remaining + ${count} END` })
      .where('user_id = :userId AND kind = :kind', { userId, kind })
      .execute();
  if ((await raise()).affected === 1) return;
  try {
    await repo.insert({ userId, kind, remaining: Math.min(count, SUBSCRIPTION_GRANT_CAP) });
  } catch (error) {
    // Another tap made the row between the two statements: add to it instead.
    if ((await raise()).affected !== 1) throw error;
  }
}

/** Takes one grant for a send; false when she has none left. */
export async function takeGrant(manager: EntityManager, userId: string, kind: SubscriptionKind): Promise<boolean> {
  const taken = await manager
    .createQueryBuilder()
    .update(SubscriptionGrantEntity)
    .set({ remaining: () => 'remaining - 1' })
    .where('user_id = :userId AND kind = :kind AND remaining > 0', { userId, kind })
    .execute();
  return taken.affected === 1;
}

/** Gives back a grant taken for a send that certainly did not reach her. */
export async function returnGrant(manager: EntityManager, userId: string, kind: SubscriptionKind): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(SubscriptionGrantEntity)
    .set({ remaining: () => 'remaining + 1' })
    .where('user_id = :userId AND kind = :kind', { userId, kind })
    .execute();
}

/** WeChat says she has none (43101): whatever was counted here is stale. */
export async function clearGrants(manager: EntityManager, userId: string, kind: SubscriptionKind): Promise<void> {
  await manager.getRepository(SubscriptionGrantEntity).update({ userId, kind }, { remaining: 0 });
}

export async function grantsOf(manager: EntityManager, userId: string): Promise<Map<string, number>> {
  const rows = await manager.getRepository(SubscriptionGrantEntity).find({ select: { kind: true, remaining: true }, where: { userId } });
  return new Map(rows.map((r) => [r.kind, r.remaining]));
}
