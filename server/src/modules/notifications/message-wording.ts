/**
 * What a message says. Sensitive requests are never named: whoever glances at her phone sees only
 * that there is a message.
 */
const WORDING: Record<string, string> = {
  'request.new': '有一条新的求助需要您受理',
  'request.referred': '有一条求助转介给您，请受理',
  'request.returned': '您转介的求助被退回，请继续办理',
  'request.escalated': '有一条求助已转到您这里，请及时处理',
  'request.replied': '妇联回复了您的求助',
  'request.resolved': '您的求助已办结，请您评价',
};

export const DISCREET_WORDING = '您有一条新的消息';

export function wordingOf(topic: string, payload: Record<string, string>): string {
  if (payload.sensitive === 'true') return DISCREET_WORDING;
  return WORDING[topic] ?? DISCREET_WORDING;
}
