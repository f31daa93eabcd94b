import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { In, LessThan, LessThanOrEqual, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { LOCK_SERVICE, type LockService } from '../../infra/redis/coordination';
import { LeasedSweeper } from '../../infra/redis/leased-sweeper';
import type { SubscriptionKind } from '@wfh/shared';
import { kindOfTopic, type TemplateMessage } from './message-templates';
import { wordingOf } from './message-wording';
import { OutboxEntity } from './outbox.entity';
import { clearGrants, returnGrant, takeGrant } from './subscription-grants';
import { maskPhone } from '../../infra/crypto/phone-digest';
import { UserEntity } from '../users/user.entity';
import { SMS_REASONS, SmsChannel } from './sms-channel';
import { smsParams, type SmsTemplate } from './sms-templates';

/** A message's way out: a channel (with the number and template for a text), or why it has none. */
type Route =
  | { channel: 'wechat' | 'log' }
  | { channel: 'sms'; phone: string; template: SmsTemplate }
  | { refusal: string; channel: 'sms' | null };

export interface Delivery {
  recipientUserId: string;
  text: string;
  /** The outbox row's id: a gateway that can deduplicate uses it. */
  messageId: string;
  /** Which template, and which of her grants, the message uses. */
  kind: SubscriptionKind;
  message: TemplateMessage;
}

/** Where messages go: WeChat subscribe messages in production, the log in development. */
export interface NotificationGateway {
  /**
   * null: takes any message without consent (the log). Otherwise the kinds it has a template for;
   * each send then spends one of her grants, and none is sent without one.
   */
  readonly templateKinds: ReadonlySet<SubscriptionKind> | null;
  deliver(delivery: Delivery): Promise<void>;
}

/** Why a message ended failed, in words a county admin reads beside it. */
export const FAILURE_REASONS = {
  noTemplate: 'NO_TEMPLATE: 这类消息还没有配置微信模板，没有发出',
  noSubscription: 'NO_SUBSCRIPTION: 她没有开通这类提醒（或次数已用完），没有发出',
  notSubscribed: 'NOT_SUBSCRIBED: 微信说她没有开通这类提醒，没有发出',
} as const;

export const NOTIFICATION_GATEWAY = Symbol('NOTIFICATION_GATEWAY');

/** A delivery that can never succeed (no WeChat account, no subscription): no retries. */
export class PermanentDeliveryError extends Error {}

/** WeChat holds no grant of hers for this template (43101): the count kept here was stale. */
export class NotSubscribedError extends PermanentDeliveryError {
  constructor() {
    super(FAILURE_REASONS.notSubscribed);
  }
}

/** The message may have been delivered (a timeout or a broken connection after sending): no retries either. */
export class UncertainDeliveryError extends Error {}

export class LogGateway implements NotificationGateway {
  readonly templateKinds = null;
  private readonly logger = new Logger('notifications');
  async deliver(delivery: Delivery): Promise<void> {
    this.logger.log(`to ${delivery.recipientUserId}: ${delivery.text}`);
  }
}

const TICK_MS = 5_000;
const LEASE_MS = 4_500;
const BATCH = 100;
const MAX_ATTEMPTS = 8;
/**
 * One send is a token fetch, the send and at most one retry with a fresh token, 5 s each: a claim
 * older than this belongs to an instance that stopped mid-send.
 */
export const SENDING_TIMEOUT_MS = 2 * 60_000;
const INTERRUPTED_NOTE = 'sending was interrupted; not sent again, it may have arrived';

/** Which process claimed a row, for the log when it stops mid-send. */
const INSTANCE = `${hostname()}#${process.pid}`.slice(0, 80);

/** 1 min, 2, 4 … up to an hour between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers committed outbox rows, oldest first, with retries, at most once each. Every row is
 * claimed (pending → sending, a conditional UPDATE only one instance can win) before it is handed to
 * the gateway, and marked sent after. Nothing ever goes back from `sending` to `pending` unless the
 * gateway said for certain that it did not deliver: a send cut off by a crash or a broken connection
 * ends as `unknown`, logged, never repeated. The lease only keeps instances from contending for the
 * same rows; the claims are what hold when a batch outlives it or an instance is killed mid-send.
 */
@Injectable()
export class OutboxWorker extends LeasedSweeper<{ sent: number; failed: number }> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_GATEWAY) private readonly gateway: NotificationGateway,
    @Inject(LOCK_SERVICE) locks: LockService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sms: SmsChannel,
  ) {
    super(locks, { lease: 'outbox:deliver', leaseMs: LEASE_MS, everyMs: TICK_MS });
  }

  /** `failed` counts every message not sent this round: to be retried, given up, or cut off mid-send. */
  protected async sweep(): Promise<{ sent: number; failed: number }> {
    const outbox = this.dataSource.getRepository(OutboxEntity);
    let sent = 0;
    let failed = 0;
    const now = this.clock.now();
    await this.giveUpOnInterrupted(now);
    const due = await outbox.find({ where: { status: 'pending', deliverAfter: LessThanOrEqual(now) }, order: { deliverAfter: 'ASC', id: 'ASC' }, take: BATCH });
    for (const message of due) {
      const claim = await outbox.update({ id: message.id, status: 'pending' }, { status: 'sending', claimedAt: now, claimedBy: INSTANCE });
      if (claim.affected !== 1) continue;
      const attempts = message.attempts + 1;
      const kind = kindOfTopic(message.topic);
      const route = await this.route(message, kind, now);
      if ('refusal' in route) {
        failed++;
        await outbox.update({ id: message.id, status: 'sending' }, { status: 'failed', attempts, lastError: route.refusal, channel: route.channel });
        continue;
      }
      let providerAnswer: string | null = null;
      try {
        if (route.channel === 'sms') {
          const serialNo = await this.sms.send({ phone: route.phone, templateId: route.template.templateId, params: smsParams(route.template, this.templateMessage(message)), messageId: message.id });
          providerAnswer = `${maskPhone(route.phone)} Ok ${serialNo}`.slice(0, 200);
        } else {
          await this.gateway.deliver({
            recipientUserId: message.recipientUserId,
            text: wordingOf(message.topic, message.payload),
            messageId: message.id,
            kind: kind!,
            message: this.templateMessage(message),
          });
        }
      } catch (error) {
        failed++;
        if (route.channel === 'wechat') await this.settleGrant(message.recipientUserId, kind!, error as Error);
        await this.recordFailure(message.id, attempts, error as Error, now);
        continue;
      }
      // `unknown` too: a send slower than the timeout did arrive after all.
      await outbox.update({ id: message.id, status: In(['sending', 'unknown']) }, { status: 'sent', sentAt: now, attempts, channel: route.channel, ...(providerAnswer ? { providerAnswer } : {}) });
      sent++;
    }
    return { sent, failed };
  }

  private templateMessage(message: OutboxEntity): TemplateMessage {
    return { topic: message.topic, payload: message.payload, createdAt: message.createdAt };
  }

  /**
   * Which channel a message takes, or why it cannot go. WeChat first, with her grant. A text when
   * she has no WeChat (a woman a chair recorded by phone) or, for staff, when her grants ran out: a
   * new request must reach someone. A woman with WeChat who gave no grant gets nothing: texting her
   * instead would override the choice she made in WeChat's dialog.
   */
  private async route(message: OutboxEntity, kind: SubscriptionKind | null, now: Date): Promise<Route> {
    const userId = message.recipientUserId;
    const user = await this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, openid: true }, where: { id: userId } });
    if (!user?.openid) {
      if (this.sms.enabled) return this.smsRoute(message, kind, now);
      // Development without any channel: the log takes it.
      if (this.gateway.templateKinds === null) return { channel: 'log' };
      return { refusal: SMS_REASONS.noChannel, channel: null };
    }
    const refusal = await this.consent(userId, kind);
    if (refusal === null) return { channel: this.gateway.templateKinds === null ? 'log' : 'wechat' };
    if (this.sms.enabled && refusal !== FAILURE_REASONS.notSubscribed && (await this.sms.isStaff(userId))) return this.smsRoute(message, kind, now);
    return { refusal, channel: null };
  }

  private async smsRoute(message: OutboxEntity, kind: SubscriptionKind | null, now: Date): Promise<Route> {
    const route = await this.sms.route(message.id, message.recipientUserId, kind, now);
    return 'refusal' in route ? { refusal: route.refusal, channel: route.phone ? 'sms' : null } : { channel: 'sms', ...route };
  }

  /**
   * Takes one of her grants for this message before it is sent, or says why it cannot go. Taking it
   * first means two instances can never spend one grant twice; a send that certainly did not reach
   * her gives it back (settleGrant).
   */
  private async consent(userId: string, kind: SubscriptionKind | null): Promise<string | null> {
    const kinds = this.gateway.templateKinds;
    if (kinds === null) return null;
    if (kind === null || !kinds.has(kind)) return FAILURE_REASONS.noTemplate;
    return (await takeGrant(this.dataSource.manager, userId, kind)) ? null : FAILURE_REASONS.noSubscription;
  }

  /** A send that may have arrived keeps its grant spent; one WeChat refused for want of a grant clears them. */
  private async settleGrant(userId: string, kind: SubscriptionKind, error: Error): Promise<void> {
    if (error instanceof UncertainDeliveryError) return;
    if (error instanceof NotSubscribedError) await clearGrants(this.dataSource.manager, userId, kind);
    else await returnGrant(this.dataSource.manager, userId, kind);
  }

  private async recordFailure(id: string, attempts: number, error: Error, now: Date): Promise<void> {
    const lastError = String(error.message).slice(0, 300);
    const outbox = this.dataSource.getRepository(OutboxEntity);
    if (error instanceof UncertainDeliveryError) {
      this.logger.warn(`message ${id}: ${lastError}; marked unknown, not sent again`);
      await outbox.update({ id, status: 'sending' }, { status: 'unknown', attempts, lastError });
      return;
    }
    const permanent = error instanceof PermanentDeliveryError;
    await outbox.update(
      { id, status: 'sending' },
      { attempts, status: permanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', deliverAfter: new Date(now.getTime() + backoffMs(attempts)), lastError },
    );
  }

  /** Rows whose instance stopped between claim and result: they may have reached her phone, so they end here. */
  private async giveUpOnInterrupted(now: Date): Promise<void> {
    const outbox = this.dataSource.getRepository(OutboxEntity);
    const cutOff = new Date(now.getTime() - SENDING_TIMEOUT_MS);
    const stuck = await outbox.find({ select: { id: true, claimedBy: true }, where: { status: 'sending', claimedAt: LessThan(cutOff) }, take: BATCH });
    for (const row of stuck) {
      const result = await outbox.update({ id: row.id, status: 'sending', claimedAt: LessThan(cutOff) }, { status: 'unknown', lastError: INTERRUPTED_NOTE });
      if (result.affected === 1) this.logger.warn(`message ${row.id}: ${row.claimedBy ?? 'an instance'} stopped while sending it; marked unknown, not sent again`);
    }
  }
}
