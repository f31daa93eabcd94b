import { reminderTimes, shanghaiWallClock, type ReminderKind } from '@wfh/shared';
import type { EntityManager } from 'typeorm';
import { enqueueMessages, withdrawPendingMessages, type OutgoingMessage } from '../notifications/outbox';
import type { ActivityEntity } from './activity.entity';
import type { SignupEntity } from './signup.entity';

/**
 * The messages activities cause, all through the outbox in the caller's transaction. Dedupe keys start
 * with `act:<activity>:` so that reminders can be withdrawn when she cancels or the time changes.
 */

function shortTitle(title: string): string {
  return title.length > 10 ? `${title.slice(0, 9)}…` : title;
}

/** "12月5日9:00" in Shanghai time. */
export function plainDateTime(at: Date): string {
  const local = shanghaiWallClock(at);
  const minutes = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日${local.getUTCHours()}:${minutes}`;
}

const WHEN_BY_KIND: Record<ReminderKind, (a: ActivityEntity) => string> = {
  day_before: (a) => `明天${plainDateTime(a.startsAt).replace(/^.*日/, '')}`,
  two_hours_before: (a) => `今天${plainDateTime(a.startsAt).replace(/^.*日/, '')}`,
};

const reminderPrefix = (activityId: string, signupId?: string) => `act:${activityId}:r:${signupId ? `${signupId}:` : ''}`;

/** A confirmed seat gets its reminders (the day before, two hours before; never at night). */
export async function scheduleReminders(manager: EntityManager, activity: ActivityEntity, signup: SignupEntity, now: Date): Promise<void> {
  if (!signup.ownerUserId) return;
  const ownerUserId = signup.ownerUserId;
  const messages: OutgoingMessage[] = reminderTimes(activity.startsAt, now).map(({ kind, at }) => ({
    recipientUserId: ownerUserId,
    topic: 'activity.reminder',
    dedupeKey: `${reminderPrefix(activity.id, signup.id)}${kind}:${activity.startsAt.getTime()}`,
    payload: { activityId: activity.id, title: shortTitle(activity.title), when: WHEN_BY_KIND[kind](activity), startsAt: activity.startsAt.toISOString() },
    urgent: false,
    notBefore: at,
  }));
  await enqueueMessages(manager, now, messages);
}

export function withdrawReminders(manager: EntityManager, activityId: string, signupId?: string): Promise<void> {
  return withdrawPendingMessages(manager, reminderPrefix(activityId, signupId));
}

export async function notifyPromoted(manager: EntityManager, activity: ActivityEntity, signup: SignupEntity, now: Date): Promise<void> {
  if (!signup.ownerUserId) return;
  await enqueueMessages(manager, now, [
    {
      recipientUserId: signup.ownerUserId,
      topic: 'activity.promoted',
      dedupeKey: `act:${activity.id}:p:${signup.id}`,
      payload: { activityId: activity.id, title: shortTitle(activity.title), startsAt: activity.startsAt.toISOString() },
      urgent: false,
    },
  ]);
}

/** Tells every woman holding a seat or a waiting place, once each however many seats she holds. */
export async function notifyHolders(
  manager: EntityManager,
  activity: ActivityEntity,
  holders: SignupEntity[],
  topic: 'activity.changed' | 'activity.cancelled',
  now: Date,
): Promise<void> {
  const owners = [...new Set(holders.map((s) => s.ownerUserId).filter((id): id is string => id !== null))];
  const tag = topic === 'activity.changed' ? `c:${now.getTime()}` : 'x';
  await enqueueMessages(
    manager,
    now,
    owners.map((ownerUserId) => ({
      recipientUserId: ownerUserId,
      topic,
      dedupeKey: `act:${activity.id}:${tag}:${ownerUserId}`,
      payload: { activityId: activity.id, title: shortTitle(activity.title), startsAt: activity.startsAt.toISOString() },
      urgent: false,
    })),
  );
}
