import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { UserEntity } from '../../modules/users/user.entity';
import type { Delivery, NotificationGateway } from '../../modules/notifications/outbox.worker';
import { PermanentDeliveryError, UncertainDeliveryError } from '../../modules/notifications/outbox.worker';
import type { WechatAccessToken } from './access-token';

interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/** The user has not agreed to (or has used up) subscriptions of this template: retrying cannot help. */
const NOT_SUBSCRIBED = 43101;
/** Failures before a byte reached WeChat: the message certainly did not go, so a retry cannot duplicate it. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Shanghai time in WeChat's "time" field format. */
function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * WeChat subscribe messages (订阅消息) through the official HTTP API. The access token is shared by
 * every instance through the cache, so they do not invalidate each other's tokens.
 */
export class WechatSubscribeGateway implements NotificationGateway {
  private readonly logger = new Logger(WechatSubscribeGateway.name);

  constructor(
    private readonly config: AppConfig,
    private readonly token: WechatAccessToken,
    private readonly dataSource: DataSource,
  ) {}

  async deliver(delivery: Delivery): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, openid: true }, where: { id: delivery.recipientUserId } });
    if (!user?.openid) throw new PermanentDeliveryError('no WeChat account to send to');
    const reply = await this.token.withToken((token) => this.send(token, user.openid!, delivery));
    if (!reply.errcode) return;
    if (reply.errcode === NOT_SUBSCRIBED) throw new PermanentDeliveryError('she has not subscribed to these messages');
    throw new Error(`WeChat send: ${reply.errcode} ${reply.errmsg}`);
  }

  /**
   * A send that may have reached WeChat without us hearing back (a timeout, a connection cut mid-way,
   * an answer that is not WeChat's) is uncertain, and must not be retried.
   */
  private async send(token: string, openid: string, delivery: Delivery): Promise<WechatReply> {
    try {
      return await this.post(token, openid, delivery);
    } catch (error) {
      const code = ((error as Error & { cause?: { code?: string } }).cause ?? {}).code;
      if (code && NOT_CONNECTED.has(code)) throw error;
      throw new UncertainDeliveryError(`WeChat send, no answer: ${(error as Error).message}`);
    }
  }

  private async post(token: string, openid: string, delivery: Delivery): Promise<WechatReply> {
    const response = await fetch(`${this.config.wechat.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: openid,
        template_id: this.config.wechat.subscribeTemplateId,
        page: 'packages/requests/index',
        miniprogram_state: this.config.nodeEnv === 'production' ? 'formal' : 'developer',
        data: { thing1: { value: delivery.text.slice(0, 20) }, time2: { value: shanghaiTime(new Date()) } },
      }),
      signal: AbortSignal.timeout(5000),
    });
    const reply = (await response.json()) as WechatReply;
    if (reply.errcode) this.logger.warn(`subscribe message refused: ${reply.errcode} ${reply.errmsg}`);
    return reply;
  }
}
