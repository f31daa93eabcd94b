/**
 * WeChat one-time subscribe messages (一次性订阅消息). Each 「允许」 she taps in
 * wx.requestSubscribeMessage lets the server send her one message of that template; the server counts
 * them per person and kind and never sends without one.
 */
export enum SubscriptionKind {
  /** Her request moved on: replied, resolved, moved to another body. */
  RequestUpdate = 'request_update',
  /** A chair's body has a new (or referred, or returned) request to take. */
  NewRequest = 'new_request',
  /** A request passed its deadline and came up to her body. */
  Escalation = 'escalation',
  /** An activity she signed up for starts soon, or changed, or was cancelled. */
  ActivityReminder = 'activity_reminder',
  /** A seat came free and she moved up from the waiting list. */
  SeatFreed = 'seat_freed',
}

export const SUBSCRIPTION_KINDS: readonly SubscriptionKind[] = Object.values(SubscriptionKind);

/** What each kind tells her, in the words shown beside its count. */
export const SUBSCRIPTION_KIND_LABELS: Record<SubscriptionKind, string> = {
  [SubscriptionKind.RequestUpdate]: '求助有进展',
  [SubscriptionKind.NewRequest]: '有新的求助',
  [SubscriptionKind.Escalation]: '有求助转到您这里',
  [SubscriptionKind.ActivityReminder]: '活动开始前提醒',
  [SubscriptionKind.SeatFreed]: '候补有了位置',
};

/** WeChat's answer per template id: only 'accept' grants a send. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';
export const SUBSCRIBE_ANSWERS: readonly SubscribeAnswer[] = ['accept', 'reject', 'ban', 'filter'];

/** wx.requestSubscribeMessage takes at most this many template ids per call. */
export const SUBSCRIBE_TEMPLATES_PER_ASK = 3;

/** Grants kept per person and kind: far more than anyone needs, a bound on a client that misreports. */
export const SUBSCRIPTION_GRANT_CAP = 50;

export interface SubscriptionCount {
  kind: SubscriptionKind;
  /** The WeChat template to ask for; null when the server has none for this kind (development). */
  templateId: string | null;
  /** Messages of this kind the server may still send her. */
  remaining: number;
}

export interface MySubscriptions {
  kinds: SubscriptionCount[];
}

/** What wx.requestSubscribeMessage answered, per template id, passed on as it came. */
export interface SubscriptionAnswers {
  answers: Record<string, SubscribeAnswer>;
}

// ---- text messages (SMS), the second channel ----

/** Whether the server may send her text messages when WeChat cannot reach her. */
export interface SmsPreference {
  enabled: boolean;
}

/** How a message went out, or was meant to. */
export type MessageChannel = 'wechat' | 'sms' | 'log';

/**
 * A message that did not reach its person, as a county admin sees it: what it was about, to whom
 * (a label and a masked phone, never the number), and why, in words she can act on.
 */
export interface FailedMessageView {
  id: string;
  /** What it was about, e.g. 求助有进展; never the category of a request. */
  kindLabel: string;
  /** Her listed or chosen name, or 代为登记的妇女 for a woman recorded by phone. */
  recipientLabel: string;
  /** "138****0001" when a phone was tried; null otherwise. */
  maskedPhone: string | null;
  channel: MessageChannel | null;
  /** The code first (NO_SUBSCRIPTION, RATE_LIMITED, the provider's code …), then what it means. */
  reason: string;
  createdAt: string;
}
