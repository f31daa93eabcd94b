import Taro from '@tarojs/taro';
import { SUBSCRIBE_ANSWERS, SUBSCRIBE_TEMPLATES_PER_ASK, type SubscribeAnswer } from '@wfh/shared';

export type AskOutcome =
  | { status: 'answered'; answers: Record<string, SubscribeAnswer> }
  /** Her WeChat has subscribe messages switched off (设置 → 订阅消息), or the call failed. */
  | { status: 'blocked' };

/**
 * WeChat's dialog for these templates. It must be called straight from her tap (WeChat refuses it
 * otherwise), so the template ids are loaded before she taps, never fetched inside the handler.
 */
export async function askForReminders(templateIds: string[]): Promise<AskOutcome> {
  const tmplIds = templateIds.slice(0, SUBSCRIBE_TEMPLATES_PER_ASK);
  try {
    // entityIds is Alipay's; Taro's type asks for it, WeChat takes tmplIds alone.
    const result = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
    const answers: Record<string, SubscribeAnswer> = {};
    for (const id of tmplIds) {
      const answer = result[id];
      if ((SUBSCRIBE_ANSWERS as readonly unknown[]).includes(answer)) answers[id] = answer as SubscribeAnswer;
    }
    return { status: 'answered', answers };
  } catch {
    return { status: 'blocked' };
  }
}

/** "还可以提醒您 3 次", or that none are left. */
export function remainingWords(remaining: number): string {
  return remaining > 0 ? `还可以提醒您 ${remaining} 次` : '还没有开通提醒';
}
