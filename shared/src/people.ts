import { shanghaiDate } from './shanghai-time';

/**
 * People's names. A person's name is the name the county listed her under (people import), else a
 * name she set herself (称呼, WeChat's nickname input), else none: the service never invents one, and
 * no list shows 「微信用户」. Where a view shows a person, it shows `personLabel`: her name when she has
 * one, else a neutral label chosen for the list it appears in.
 */

export const NICKNAME_LIMITS = { minLength: 1, maxLength: 20 } as const;

/**
 * Where a person without a name is shown, and to whom; each gives the label a village chair would
 * read without puzzling over it, and none reveals anything about her (no phone digits, no id
 * fragments), so a screenshot of a list tells a stranger nothing:
 *
 * - `self`: she looks at herself (我的, the PC console's "signing in as") → 「我」.
 * - `attendee`: an activity's attendee list, check-in and its spreadsheet; `number` is her place in
 *   the order of sign-up for that activity (fixed when she signs up, so it stays the same after
 *   others cancel and matches between the list, the check-in screen and the spreadsheet) → 「报名者 3」.
 * - `member`: someone holding a role at a body (members list, deputy picker, cover, roster keeper);
 *   `since` is when she took the role, so two such members in one list can be told apart →
 *   「未留姓名的成员（2026年3月5日加入）」, or 「未留姓名的成员」 without a date.
 * - `resident`: a woman in a contact roster or elsewhere as one of the people a body serves →
 *   「未留姓名的居民」.
 * - `requester`: the woman who asked for help, in a request a handler reads → 「求助的居民」.
 */
export type PersonLabelContext =
  | { as: 'self' }
  | { as: 'attendee'; number: number }
  | { as: 'member'; since?: string | Date | null }
  | { as: 'resident' }
  | { as: 'requester' };

/** The one way a person is shown: her name if she has one, else the neutral label for `context`. */
export function personLabel(name: string | null | undefined, context: PersonLabelContext): string {
  const given = name?.trim();
  if (given) return given;
  switch (context.as) {
    case 'self':
      return '我';
    case 'attendee':
      return `报名者 ${context.number}`;
    case 'member':
      return context.since ? `未留姓名的成员（${plainDay(context.since)}加入）` : '未留姓名的成员';
    case 'resident':
      return '未留姓名的居民';
    case 'requester':
      return '求助的居民';
  }
}

function plainDay(at: string | Date): string {
  const [year, month, day] = shanghaiDate(typeof at === 'string' ? new Date(at) : at).split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/**
 * Words that are not anyone's name: WeChat's own placeholders (its nickname input can fill in
 * 「微信用户」), the service's markers, and the labels above, which a nickname must never pass for.
 */
const NOT_NAMES = new Set(
  ['微信用户', '微信昵称', '昵称', '用户', '匿名', '匿名用户', '未命名', '无名', '游客', '我', '本人', 'wechat user', 'wechatuser', 'user',
    '代登记的居民', '已注销用户', '一位村民', '未留姓名的成员', '未留姓名的居民', '求助的居民'].map((word) => word.toLowerCase()),
);
const LABEL_LIKE = /^(报名者|未留姓名的)/;
/** Control characters (line breaks, tabs, NUL …), line and paragraph separators, and bidi overrides that reorder what others read. */
const NOT_PRINTABLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; message: string };

/** A name she sets for herself, trimmed, or why it cannot be her name, in words she can act on. */
export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.trim();
  if (NOT_PRINTABLE.test(nickname)) return { ok: false, message: '称呼里不能有换行或看不见的符号，请重新输入' };
  const length = [...nickname].length;
  if (length < NICKNAME_LIMITS.minLength) return { ok: false, message: '请填写您的称呼，例如“王秀英”或“王大姐”' };
  if (length > NICKNAME_LIMITS.maxLength) return { ok: false, message: `称呼太长了，请不超过${NICKNAME_LIMITS.maxLength}个字` };
  if (NOT_NAMES.has(nickname.toLowerCase()) || LABEL_LIKE.test(nickname)) {
    return { ok: false, message: `“${nickname}”不是称呼，请填写您的姓名或大家平时怎么叫您，例如“王大姐”` };
  }
  return { ok: true, nickname };
}
