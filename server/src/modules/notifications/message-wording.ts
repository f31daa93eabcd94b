/**
 * What a message says. Sensitive requests are never named: whoever glances at her phone sees only
 * that there is a message. Activity messages name the activity (WeChat shows about 20 characters).
 */
type Wording = string | ((payload: Record<string, string>) => string);

const WORDING: Record<string, Wording> = {
  'request.new': '有一条新的求助需要您受理',
  'request.referred': '有一条求助转介给您，请受理',
  'request.returned': '您转介的求助被退回，请继续办理',
  'request.escalated': '有一条求助已转到您这里，请及时处理',
  'request.moved_up': '您的求助已转到上级妇联继续办理',
  'request.moved': '您的求助已转给更合适的妇联办理',
  'request.replied': '妇联回复了您的求助',
  'request.resolved': '您的求助已办结，请您评价',
  'activity.reminder': (p) => `「${p.title}」${p.when}开始`,
  'activity.promoted': (p) => `候补成功：「${p.title}」有位置了`,
  'activity.changed': (p) => `「${p.title}」时间或地点有变`,
  'activity.cancelled': (p) => `「${p.title}」已取消`,
  'concern.new': '有一条新的议题等您审核',
  'concern.published': (p) => `您的议题「${p.title}」已发布`,
  'concern.declined': (p) => `您的议题「${p.title}」未发布`,
  'concern.merged': (p) => `议题「${p.title}」已合并`,
  'concern.answered': (p) => `议题「${p.title}」有新进展`,
  'roster.care_due': (p) => `有位妇女已${p.weeks}周没联系了`,
  'feedback.new': '收到一条新的投诉建议',
  'feedback.answered': '县妇联答复了您的投诉建议',
};

export const DISCREET_WORDING = '您有一条新的消息';

export function wordingOf(topic: string, payload: Record<string, string>): string {
  if (payload.sensitive === 'true') return DISCREET_WORDING;
  const wording = WORDING[topic];
  if (wording === undefined) return DISCREET_WORDING;
  return typeof wording === 'string' ? wording : wording(payload);
}
