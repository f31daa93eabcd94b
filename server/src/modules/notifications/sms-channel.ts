import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SubscriptionKind } from '@wfh/shared';
import { In, IsNull, MoreThan, type DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { maskPhone, normalisePhone } from '../../infra/crypto/phone-digest';
import type { SmsSend } from '../../infra/sms/tencent-sms';
import { ListedPersonEntity } from '../onboarding/listed-person.entity';
import { ServiceRequestEntity } from '../requests/service-request.entity';
import { RoleAssignmentEntity } from '../roles/role-assignment.entity';
import { UserEntity } from '../users/user.entity';
import { OutboxEntity } from './outbox.entity';
import { SmsPreferenceEntity } from './sms-preference.entity';
import type { SmsTemplate } from './sms-templates';

/** Sends one text; the Tencent gateway in production, a stand-in in unit tests. */
export interface SmsSender {
  send(message: SmsSend): Promise<string>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/** Why a text was not sent, in words a county admin reads beside it. */
export const SMS_REASONS = {
  noChannel: 'NO_CHANNEL: 她没有用微信，短信也没有开通，没有发出；请打电话告诉她',
  noTemplate: 'NO_SMS_TEMPLATE: 这类消息还没有配置短信模板，没有发出',
  optedOut: 'OPTED_OUT: 她说过不要短信，没有发出；请打电话告诉她',
  noPhone: 'NO_PHONE: 没有她的手机号，没有发出；请在名单或代为登记的求助里补上手机号',
  landline: 'NO_PHONE: 登记的是固定电话，收不到短信，没有发出；请打电话告诉她',
  twoPhones: 'NO_PHONE: 名单里她有两个不同的手机号，没有发出；请在人员名单里只留一个',
  rateLimited: (limit: number) => `RATE_LIMITED: 她一天内已收到${limit}条短信，这条没有再发；请打电话告诉她`,
} as const;

const MOBILE = /^1[3-9]\d{9}$/;
const DAY_MS = 24 * 3600 * 1000;

/** Where a text for her goes, or why none can. */
export type SmsRoute = { phone: string; template: SmsTemplate } | { refusal: string; phone?: string };

/**
 * The second channel: who may get a text, at which number, and whether she had too many today.
 * Phones are never stored for texts: a woman recorded by phone has hers in the request the chair
 * recorded; staff have theirs in the county's people list, which gave them their roles.
 */
@Injectable()
export class SmsChannel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
    @Inject(SMS_SENDER) private readonly sender: SmsSender | null,
  ) {}

  get enabled(): boolean {
    return this.config.sms !== null && this.sender !== null;
  }

  /** Staff hold a role: their WeChat grants running out must not stop a new request reaching them. */
  async isStaff(userId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(RoleAssignmentEntity).count({ where: { userId, revokedAt: IsNull() } })) > 0;
  }

  /**
   * Checks everything that can stop a text before it is sent. The row is marked `sms` first and the
   * count includes it, so two instances sending her texts at once can only both stop, never both
   * go past the limit.
   */
  async route(messageId: string, userId: string, kind: SubscriptionKind | null, now: Date): Promise<SmsRoute> {
    const sms = this.config.sms;
    if (!sms || !this.sender) return { refusal: SMS_REASONS.noChannel };
    const template = kind ? sms.templates[kind] : undefined;
    if (!template) return { refusal: SMS_REASONS.noTemplate };
    const preference = await this.dataSource.getRepository(SmsPreferenceEntity).findOne({ where: { userId } });
    if (preference && !preference.enabled) return { refusal: SMS_REASONS.optedOut };
    const found = await this.phoneOf(userId);
    if ('refusal' in found) return found;
    const outbox = this.dataSource.getRepository(OutboxEntity);
    await outbox.update({ id: messageId, status: 'sending' }, { channel: 'sms', providerAnswer: maskPhone(found.phone) });
    const today = await outbox.count({
      where: { recipientUserId: userId, channel: 'sms', status: In(['sending', 'sent', 'unknown']), claimedAt: MoreThan(new Date(now.getTime() - DAY_MS)) },
    });
    if (today > sms.dailyLimitPerPerson) return { refusal: SMS_REASONS.rateLimited(sms.dailyLimitPerPerson), phone: found.phone };
    return { phone: found.phone, template };
  }

  send(message: SmsSend): Promise<string> {
    return this.sender!.send(message);
  }

  /**
   * Her mobile: the one on the latest request a chair recorded for her, else (staff) the one the
   * county listed her under for the roles she holds. Landlines take no texts.
   */
  private async phoneOf(userId: string): Promise<{ phone: string } | { refusal: string }> {
    const recorded = await this.dataSource.getRepository(ServiceRequestEntity).findOne({
      select: { id: true, contactEnc: true },
      where: { womanUserId: userId, onBehalf: true },
      order: { createdAt: 'DESC' },
    });
    const candidates: string[] = [];
    if (recorded) {
      const contact = JSON.parse(this.cipher.decrypt(recorded.contactEnc)) as { phone?: string };
      if (contact.phone) candidates.push(contact.phone);
    } else {
      candidates.push(...(await this.listedPhones(userId)));
    }
    const phones = [...new Set(candidates.map((raw) => normalisePhone(raw)).filter((p) => p.ok).map((p) => (p as { phone: string }).phone))];
    if (phones.length === 0) return { refusal: SMS_REASONS.noPhone };
    const mobiles = phones.filter((p) => MOBILE.test(p));
    if (mobiles.length === 0) return { refusal: SMS_REASONS.landline };
    if (mobiles.length > 1) return { refusal: SMS_REASONS.twoPhones };
    return { phone: mobiles[0]! };
  }

  /** The county lists people by phone, body and role; her listed name tells her listing from a colleague's. */
  private async listedPhones(userId: string): Promise<string[]> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, displayName: true, nameListed: true }, where: { id: userId } });
    if (!user?.nameListed || !user.displayName) return [];
    const roles = await this.dataSource.getRepository(RoleAssignmentEntity).find({ select: { federationId: true, role: true }, where: { userId, revokedAt: IsNull() } });
    if (roles.length === 0) return [];
    const listed = await this.dataSource.getRepository(ListedPersonEntity).find({
      select: { phoneEnc: true, federationId: true, role: true },
      where: roles.map((r) => ({ federationId: r.federationId, role: r.role, name: user.displayName! })),
    });
    return listed.map((l) => this.cipher.decrypt(l.phoneEnc));
  }
}
