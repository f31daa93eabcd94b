import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, SUBSCRIPTION_KINDS, type Actor, type MySubscriptions, type SubscriptionAnswers, type SubscriptionKind } from '@wfh/shared';
import type { DataSource } from 'typeorm';
import { requireActor } from '../../common/auth/access';
import { badRequest } from '../../common/errors/app-exception';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { addGrants, grantsOf } from './subscription-grants';

const ERROR_FIELD = '这个提醒已经不用了，请返回上一页再点一次开通提醒';

/** Her reminder grants: what the mini-program shows ("还可以提醒您 N 次") and what it reports after asking. */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async mine(actor: Actor | null): Promise<MySubscriptions> {
    const { userId } = requireActor(actor);
    const counts = await grantsOf(this.dataSource.manager, userId);
    return {
      kinds: SUBSCRIPTION_KINDS.map((kind) => ({ kind, templateId: this.config.wechat.templates[kind]?.templateId ?? null, remaining: counts.get(kind) ?? 0 })),
    };
  }

  /**
   * Each accept adds one grant of its template's kind; reject, ban and filter add none. A template id
   * the server does not use (the settings changed since the page loaded) is refused, so that she asks
   * again for the templates the server will actually send.
   */
  async record(actor: Actor | null, body: SubscriptionAnswers): Promise<MySubscriptions> {
    const { userId } = requireActor(actor);
    const kindOf = new Map(Object.values(this.config.wechat.templates).map((t) => [t!.templateId, t!.kind]));
    const accepted = new Map<SubscriptionKind, number>();
    for (const [templateId, answer] of Object.entries(body.answers)) {
      const kind = kindOf.get(templateId);
      if (!kind) throw badRequest(ErrorCode.SubscriptionTemplateUnknown, [{ field: 'answers', message: ERROR_FIELD }]);
      if (answer === 'accept') accepted.set(kind, (accepted.get(kind) ?? 0) + 1);
    }
    await this.dataSource.transaction(async (manager) => {
      for (const [kind, count] of accepted) await addGrants(manager, userId, kind, count);
    });
    return this.mine(actor);
  }
}
