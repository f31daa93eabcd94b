import { Logger } from '@nestjs/common';
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import type { SmsConfig } from '../../modules/notifications/sms-config';
import { PermanentDeliveryError, UncertainDeliveryError } from '../../modules/notifications/outbox.worker';

type SmsClient = InstanceType<typeof sms.v20210111.Client>;

export interface SmsSend {
  /** A mainland mobile, normalised (11 digits). */
  phone: string;
  templateId: string;
  params: string[];
  /** The outbox row's id: Tencent echoes it back, so a text in its console can be traced to the row. */
  messageId: string;
}

/**
 * What Tencent's codes mean for the county admin who reads the failure, and whether waiting helps.
 * Codes: cloud.tencent.com/document/product/382/55981 (SendSms 错误码). Unknown codes are permanent:
 * sending again something the provider refused for a reason we do not know risks a duplicate.
 */
const CODES: Record<string, { meaning: string; retry?: boolean }> = {
  'LimitExceeded.PhoneNumberThirtySecondLimit': { meaning: '同一号码30秒内只能收一条，稍后会再发', retry: true },
  'LimitExceeded.PhoneNumberOneHourLimit': { meaning: '这个号码一小时内收到的短信已到上限，稍后会再发', retry: true },
  'LimitExceeded.PhoneNumberDailyLimit': { meaning: '这个号码今天收到的短信已到短信平台的上限，没有发出；请打电话告诉她' },
  'LimitExceeded.PhoneNumberSameContentDailyLimit': { meaning: '这个号码今天已收到过同样内容的短信，没有再发' },
  'FailedOperation.PhoneNumberInBlacklist': { meaning: '她回复过退订（TD），短信平台不再给这个号码发短信；请改用电话联系她' },
  'InvalidParameterValue.IncorrectPhoneNumber': { meaning: '登记的手机号不对，请核对她的手机号后改正' },
  'FailedOperation.InsufficientBalanceInSmsPackage': { meaning: '短信套餐包余量不足，请充值后再发' },
  'InvalidParameterValue.TemplateParameterFormatError': { meaning: '短信模板的变量格式不对，请技术人员检查 SMS_TEMPLATE_* 设置' },
  'InvalidParameterValue.TemplateParameterLengthLimit': { meaning: '短信模板的变量太长，请技术人员检查 SMS_TEMPLATE_* 设置' },
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': { meaning: '短信变量的个数与审核通过的模板不一致，请技术人员检查 SMS_TEMPLATE_* 设置' },
  'FailedOperation.TemplateIncorrectOrUnapproved': { meaning: '短信模板不存在或还没审核通过，请在短信控制台检查' },
  'FailedOperation.SignatureIncorrectOrUnapproved': { meaning: '短信签名不对或还没审核通过，请检查 SMS_SIGN_NAME' },
  'AuthFailure.SecretIdNotFound': { meaning: '短信账号密钥不对，请技术人员检查 SMS_SECRET_ID 和 SMS_SECRET_KEY' },
  'AuthFailure.SignatureFailure': { meaning: '短信账号密钥不对，请技术人员检查 SMS_SECRET_ID 和 SMS_SECRET_KEY' },
  'RequestLimitExceeded': { meaning: '短信平台暂时繁忙，稍后会再发', retry: true },
};

/** Failures before a byte reached Tencent: certainly not sent, so a retry cannot duplicate it. */
const NOT_CONNECTED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/;

/** Why a text ended failed (or waits), with Tencent's code first, as the admin's page shows it. */
export function smsRefusal(code: string, message?: string): { reason: string; retry: boolean } {
  const known = CODES[code] ?? (code.startsWith('InternalError') ? { meaning: '短信平台内部错误，稍后会再发', retry: true } : undefined);
  const meaning = known?.meaning ?? `短信平台拒绝发送（${(message ?? '').slice(0, 80)}）`;
  return { reason: `SMS_REFUSED: ${code} ${meaning}`.slice(0, 300), retry: known?.retry === true };
}

/** An answer that says the text may have been taken: never sent again (see OutboxStatus `unknown`). */
const uncertain = (why: string) => new UncertainDeliveryError(`SMS send, no answer: ${why}`);

/**
 * Text messages through Tencent Cloud SMS (SendSms, API 2021-01-11), with its official SDK, which
 * signs each request (TC3-HMAC-SHA256). One number per call: one outbox row is one text.
 */
export class TencentSmsGateway {
  private readonly logger = new Logger(TencentSmsGateway.name);
  private readonly client: SmsClient;

  constructor(private readonly config: SmsConfig) {
    this.client = new sms.v20210111.Client({
      credential: { secretId: config.secretId, secretKey: config.secretKey },
      region: config.region,
      profile: { httpProfile: { endpoint: config.endpoint.host, protocol: config.endpoint.protocol, reqMethod: 'POST', reqTimeout: 10 } },
    });
  }

  /** Tencent's SerialNo of a text it took. Throws PermanentDeliveryError, a plain Error (retry) or UncertainDeliveryError. */
  async send(message: SmsSend): Promise<string> {
    let answer: Awaited<ReturnType<SmsClient['SendSms']>>;
    try {
      answer = await this.client.SendSms({
        PhoneNumberSet: [`+86${message.phone}`],
        SmsSdkAppId: this.config.appId,
        SignName: this.config.signName,
        TemplateId: message.templateId,
        TemplateParamSet: message.params,
        SessionContext: message.messageId,
      });
    } catch (error) {
      const e = error as Error & { code?: string; httpCode?: number };
      if (e.code) throw this.refused(e.code, e.message);
      if (NOT_CONNECTED.test(e.message)) throw new Error(`SMS send, not connected: ${e.message}`);
      throw uncertain(e.httpCode ? `HTTP ${e.httpCode}` : e.message);
    }
    const status = answer.SendStatusSet?.[0];
    if (!status?.Code) throw uncertain('no SendStatusSet in the answer');
    if (status.Code === 'Ok') return status.SerialNo ?? '';
    throw this.refused(status.Code, status.Message);
  }

  private refused(code: string, message?: string): Error {
    const { reason, retry } = smsRefusal(code, message);
    this.logger.warn(`text refused: ${code} ${message ?? ''}`);
    return retry ? new Error(reason) : new PermanentDeliveryError(reason);
  }
}
