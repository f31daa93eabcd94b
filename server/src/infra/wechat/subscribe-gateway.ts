import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { UserEntity } from '../../modules/users/user.entity';
import type { SubscriptionKind } from '@wfh/shared';
import { pageOf, templateData, type SubscribeTemplate } from '../../modules/notifications/message-templates';
import type { Delivery, NotificationGateway } from '../../modules/notifications/outbox.worker';
import { NotSubscribedError, PermanentDeliveryError, UncertainDeliveryError } from '../../modules/notifications/outbox.worker';
import type { WechatAccessToken } from './access-token';
import { fieldValueProblem } from './subscribe-fields';

interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/** The user has not agreed to (or has used up) subscriptions of this template: retrying cannot help. */
const NOT_SUBSCRIBED = 43101;
/** A field's value broke its type's rule: the same message would be refused again. */
const BAD_FIELD_VALUE = 47003;
/** Failures before a byte reached WeChat: the message certainly did not go, so a retry cannot duplicate it. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * WeChat subscribe messages (订阅消息) through the official HTTP API. The access token is shared by
 * every instance through the cache, so they do not invalidate each other's tokens.
 */
export class WechatSubscribeGateway implements NotificationGateway {
  private readonly logger = new Logger(WechatSubscribeGateway.name);
  readonly templateKinds: ReadonlySet<SubscriptionKind>;

  constructor(
    private readonly config: AppConfig,
    private readonly token: WechatAccessToken,
    private readonly dataSource: DataSource,
  ) {
    this.templateKinds = new Set(Object.keys(config.wechat.templates) as SubscriptionKind[]);
  }

  async deliver(delivery: Delivery): Promise<void> {
    const template = this.config.wechat.templates[delivery.kind];
    if (!template) throw new PermanentDeliveryError(`no template for ${delivery.kind}`);
    const user = await this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, openid: true }, where: { id: delivery.recipientUserId } });
    if (!user?.openid) throw new PermanentDeliveryError('no WeChat account to send to');
    const data = templateData(template, delivery.message);
    // Settings are checked at start; a value from an old row could still break a rule, and WeChat would refuse it.
    for (const [key, { value }] of Object.entries(data)) {
      const problem = fieldValueProblem(template.fields.find((f) => f.key === key)!.type, value);
      if (problem) throw new PermanentDeliveryError(`BAD_FIELD: ${key} "${value}" is not ${problem}; not sent`);
    }
    const reply = await this.token.withToken((token) => this.send(token, user.openid!, template, delivery, data));
    if (!reply.errcode) return;
    if (reply.errcode === NOT_SUBSCRIBED) throw new NotSubscribedError();
    if (reply.errcode === BAD_FIELD_VALUE) throw new PermanentDeliveryError(`BAD_FIELD: WeChat refused a field value (47003 ${reply.errmsg}); not sent`);
    throw new Error(`WeChat send: ${reply.errcode} ${reply.errmsg}`);
  }

  /**
   * A send that may have reached WeChat without us hearing back (a timeout, a connection cut mid-way,
   * an answer that is not WeChat's) is uncertain, and must not be retried.
   */
  private async send(token: string, openid: string, template: SubscribeTemplate, delivery: Delivery, data: Record<string, { value: string }>): Promise<WechatReply> {
    try {
      return await this.post(token, openid, template, delivery, data);
    } catch (error) {
      const code = ((error as Error & { cause?: { code?: string } }).cause ?? {}).code;
      if (code && NOT_CONNECTED.has(code)) throw error;
      throw new UncertainDeliveryError(`WeChat send, no answer: ${(error as Error).message}`);
    }
  }

  private async post(token: string, openid: string, template: SubscribeTemplate, delivery: Delivery, data: Record<string, { value: string }>): Promise<WechatReply> {
    const response = await fetch(`${this.config.wechat.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: openid,
        template_id: template.templateId,
        page: pageOf(delivery.message.topic, delivery.message.payload),
        miniprogram_state: this.config.nodeEnv === 'production' ? 'formal' : 'developer',
        lang: 'zh_CN',
        data,
      }),
      signal: AbortSignal.timeout(5000),
    });
    const reply = (await response.json()) as WechatReply;
    if (reply.errcode) this.logger.warn(`subscribe message refused: ${reply.errcode} ${reply.errmsg}`);
    return reply;
  }
}
