import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxEntity } from './outbox.entity';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const QUIET_FROM_HOUR = 22;
const QUIET_UNTIL_HOUR = 7;

/** Nobody is messaged between 22:00 and 07:00 (Asia/Shanghai): such a message waits until 07:00. */
export function afterQuietHours(at: Date): Date {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const hour = local.getUTCHours();
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return at;
  const morning = new Date(local);
  if (hour >= QUIET_FROM_HOUR) morning.setUTCDate(morning.getUTCDate() + 1);
  morning.setUTCHours(QUIET_UNTIL_HOUR, 0, 0, 0);
  return new Date(morning.getTime() - SHANGHAI_OFFSET_MS);
}

export interface OutgoingMessage {
  recipientUserId: string;
  topic: string;
  /** Unique per event and recipient: writing the same message twice is a no-op, not a duplicate. */
  dedupeKey: string;
  payload: Record<string, string>;
  /** Sensitive and urgent: she may be in danger now, so quiet hours do not apply. */
  urgent: boolean;
}

/** Writes messages in the caller's transaction; the worker delivers them once it has committed. */
export async function enqueueMessages(manager: EntityManager, now: Date, messages: OutgoingMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxEntity)
    .values(
      messages.map((m) => ({
        id: randomUUID(),
        dedupeKey: m.dedupeKey,
        recipientUserId: m.recipientUserId,
        topic: m.topic,
        payload: m.payload,
        status: 'pending' as const,
        attempts: 0,
        deliverAfter: m.urgent ? now : afterQuietHours(now),
        lastError: null,
        sentAt: null,
      })),
    )
    .orIgnore()
    .execute();
}
