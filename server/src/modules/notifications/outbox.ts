import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { afterQuietHours } from '@wfh/shared';
import { insertRows } from '../../database/raw-insert';
import { OutboxEntity } from './outbox.entity';

export interface OutgoingMessage {
  recipientUserId: string;
  topic: string;
  /** Unique per event and recipient: writing the same message twice is a no-op, not a duplicate. */
  dedupeKey: string;
  payload: Record<string, string>;
  /** Sensitive and urgent: she may be in danger now, so quiet hours do not apply. */
  urgent: boolean;
  /** A reminder due later; quiet hours still apply to it. */
  notBefore?: Date;
}

/** Writes messages in the caller's transaction; the worker delivers them once it has committed. */
export async function enqueueMessages(manager: EntityManager, now: Date, messages: OutgoingMessage[]): Promise<void> {
  if (messages.length === 0) return;
  // INSERT IGNORE: a message already written under its dedupe key is left as it is.
  await insertRows(
    manager,
    OutboxEntity,
    messages.map((m) =>
      Object.assign(new OutboxEntity(), {
        id: randomUUID(),
        dedupeKey: m.dedupeKey,
        recipientUserId: m.recipientUserId,
        topic: m.topic,
        payload: m.payload,
        status: 'pending' as const,
        attempts: 0,
        deliverAfter: m.urgent ? now : afterQuietHours(m.notBefore ?? now),
        lastError: null,
        sentAt: null,
      }),
    ),
    { orIgnore: true },
  );
}

/**
 * Withdraws messages not yet sent whose dedupe keys start with `prefix`, e.g. the reminders of a
 * sign-up she cancelled. Sent ones stay as they were.
 */
export async function withdrawPendingMessages(manager: EntityManager, prefix: string): Promise<void> {
  // Prefixes are built from ids; a LIKE wildcard in one would withdraw other people's messages.
  if (/[%_\\]/.test(prefix)) throw new Error(`withdrawPendingMessages: unsafe prefix ${prefix}`);
  await manager
    .createQueryBuilder()
    .update(OutboxEntity)
    .set({ status: 'withdrawn' })
    .where('dedupe_key LIKE :prefix AND status = :pending', { prefix: `${prefix}%`, pending: 'pending' })
    .execute();
}
