import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, Permission, RegionLevel, regionLevelOf, SUBSCRIPTION_KIND_LABELS, type Actor, type FailedMessageView, type MessageChannel, type SmsPreference } from '@wfh/shared';
import type { DataSource } from 'typeorm';
import { requireActor, requirePermission } from '../../common/auth/access';
import { badRequest, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { canSeeInbox } from '../requests/request-access';
import { ServiceRequestEntity } from '../requests/service-request.entity';
import { kindOfTopic } from './message-templates';
import { SmsPreferenceEntity } from './sms-preference.entity';

const FAILURES_SHOWN = 200;
const FAILURES_DAYS = 30;

interface FailedRow {
  id: string;
  topic: string;
  payload: string;
  status: string;
  last_error: string | null;
  channel: MessageChannel | null;
  provider_answer: string | null;
  created_at: Date | string;
  display_name: string | null;
}

/** 不要短信, and what a county admin sees of the messages that reached nobody. */
@Injectable()
export class SmsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async mine(actor: Actor | null): Promise<SmsPreference> {
    const { userId } = requireActor(actor);
    return this.preferenceOf(userId);
  }

  async setMine(actor: Actor | null, enabled: boolean): Promise<SmsPreference> {
    const { userId } = requireActor(actor);
    await this.save(userId, enabled, userId);
    return { enabled };
  }

  /**
   * A woman recorded by phone has no WeChat to say 不要短信 with: the chair of her village records it
   * for her, on the request she recorded.
   */
  async setForRecorded(actor: Actor | null, requestId: string, enabled: boolean): Promise<SmsPreference> {
    const { userId } = requireActor(actor);
    const request = await this.dataSource.getRepository(ServiceRequestEntity).findOne({ select: { id: true, womanUserId: true, onBehalf: true, homeFederationId: true }, where: { id: requestId } });
    if (!request || !canSeeInbox(actor, request.homeFederationId)) throw notFound(ErrorCode.RequestNotFound);
    if (!request.onBehalf) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'enabled', message: '这位妇女自己用微信求助，要不要短信请她在「我的」里自己设置' }]);
    }
    await this.save(request.womanUserId, enabled, userId);
    return { enabled };
  }

  /**
   * The county's messages of the last 30 days that reached nobody (failed, or cut off mid-send), to
   * anyone whose home or role is in the county. No phone in full; no name beside a message about a
   * sensitive request, which would tell whoever sees the screen that she made one.
   */
  async failedOfCounty(actor: Actor | null, countyId: string): Promise<FailedMessageView[]> {
    if (regionLevelOf(countyId) !== RegionLevel.County) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'countyId', message: '发送失败的消息按县（区）查看' }]);
    }
    requirePermission(actor, Permission.AdministerCounty, countyId);
    const since = new Date(this.clock.now().getTime() - FAILURES_DAYS * 24 * 3600 * 1000);
    const inCounty = `${countyId}%`;
    const rows: FailedRow[] = await this.dataSource
      .createQueryBuilder()
      .select(['o.id AS id', 'o.topic AS topic', 'o.payload AS payload', 'o.status AS status', 'o.last_error AS last_error', 'o.channel AS channel', 'o.provider_answer AS provider_answer', 'o.created_at AS created_at', 'u.display_name AS display_name'])
      .from('outbox', 'o')
      .innerJoin('app_user', 'u', 'u.id = o.recipient_user_id')
      .where("o.status IN ('failed', 'unknown') AND o.deliver_after > :since", { since })
      .andWhere(
        '(u.home_federation_id LIKE :inCounty OR EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.revoked_at IS NULL AND r.federation_id LIKE :inCounty) OR EXISTS (SELECT 1 FROM service_request s WHERE s.woman_user_id = u.id AND s.home_federation_id LIKE :inCounty))',
        { inCounty },
      )
      .orderBy('o.created_at', 'DESC')
      .limit(FAILURES_SHOWN)
      .getRawMany();
    return rows.map((row) => {
      const kind = kindOfTopic(row.topic);
      const sensitive = (JSON.parse(row.payload) as Record<string, string>).sensitive === 'true';
      return {
        id: row.id,
        kindLabel: kind ? SUBSCRIPTION_KIND_LABELS[kind] : '其他消息',
        recipientLabel: sensitive ? '一位妇女（为保护她，不显示名字）' : (row.display_name ?? '代为登记或未留名字的妇女'),
        maskedPhone: /^\d{3}\*{4}\d{4}/.exec(row.provider_answer ?? '')?.[0] ?? null,
        channel: row.channel,
        reason: row.last_error ?? (row.status === 'unknown' ? 'UNKNOWN: 发送中断，可能已经收到，没有再发' : '没有发出'),
        createdAt: new Date(row.created_at).toISOString(),
      };
    });
  }

  private async preferenceOf(userId: string): Promise<SmsPreference> {
    const row = await this.dataSource.getRepository(SmsPreferenceEntity).findOne({ where: { userId } });
    return { enabled: row?.enabled ?? true };
  }

  private async save(userId: string, enabled: boolean, recordedBy: string): Promise<void> {
    // upsert: two taps at once both land, the later one wins.
    await this.dataSource.getRepository(SmsPreferenceEntity).upsert({ userId, enabled, recordedBy }, ['userId']);
  }
}
