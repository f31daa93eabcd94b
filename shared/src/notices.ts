/**
 * Notices (通知公告、政策解读、活动回顾): a body publishes to its own subtree. A woman reads those of
 * her village and of every body above it; the body sees how many women of each body under it opened
 * one, never who.
 */

export type NoticeKind = 'announcement' | 'policy' | 'review';

export const NOTICE_KINDS: readonly NoticeKind[] = ['announcement', 'policy', 'review'];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  announcement: '通知公告',
  policy: '政策解读',
  review: '活动回顾',
};

/**
 * `scheduled` turns into `published` by itself at `publishAt`: every read compares with the clock, so
 * no job has to run for it. Views always carry the state as it is now.
 */
export type NoticeState = 'draft' | 'scheduled' | 'published' | 'withdrawn';

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  draft: '草稿',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
};

/**
 * How the body is written: `text` is the small markup a chair types on a phone (see
 * noticeTextToHtml), `html` comes from a PC or another system. Either way the server sanitises it.
 */
export type NoticeBodyFormat = 'text' | 'html';

export const NOTICE_LIMITS = {
  title: 60,
  body: 10000,
} as const;

export interface NoticeInput {
  kind: NoticeKind;
  title: string;
  body: string;
  /** Absent: `text`. */
  bodyFormat?: NoticeBodyFormat;
}

export type NoticeUpdateInput = Partial<NoticeInput>;

export interface NoticePublishInput {
  /** Absent or null: now. A time in the future: it is scheduled and shows from then on. */
  publishAt?: string | null;
}

/** A link in a notice, shown as a large button under it (links inside rich-text cannot be tapped on weapp). */
export interface NoticeLink {
  label: string;
  href: string;
  /** A page of this mini-program (an activity, a site) rather than a web address. */
  internal: boolean;
}

/** One line of her list on the home page. */
export interface NoticeSummary {
  id: string;
  kind: NoticeKind;
  title: string;
  federationId: string;
  federationName: string;
  publishedAt: string;
  /** She has not opened it yet. */
  unread: boolean;
}

/** A notice as anyone may read it once it is out; the managers also get its state and source. */
export interface NoticeView {
  id: string;
  kind: NoticeKind;
  title: string;
  federationId: string;
  federationName: string;
  /** Sanitised on write: only headings, paragraphs, lists, emphasis, https links and images. */
  bodyHtml: string;
  links: NoticeLink[];
  state: NoticeState;
  /** When it is (or will be) out; null for a draft. */
  publishedAt: string | null;
  withdrawnAt: string | null;
  /** What the author wrote, for editing: managers only, otherwise null. */
  source: { body: string; bodyFormat: NoticeBodyFormat } | null;
  canManage: boolean;
}

/** How many women of one body opened a notice, against the women the body registers. Never who. */
export interface NoticeReachRow {
  federationId: string;
  name: string;
  opened: number;
  /** The body's registered women (its subtree's sum); null while none is set. */
  registered: number | null;
  /** opened ÷ registered, 0..1; null without a registered number. */
  rate: number | null;
}

export interface NoticeReach {
  noticeId: string;
  total: NoticeReachRow;
  /** Each body directly under the publisher (for a village: none). */
  bodies: NoticeReachRow[];
}

/** One line of a body's own list, for its managers. */
export interface ManagedNotice {
  id: string;
  kind: NoticeKind;
  title: string;
  state: NoticeState;
  publishedAt: string | null;
  withdrawnAt: string | null;
  updatedAt: string;
  /** Women under the body who opened it. */
  opened: number;
}

/** Pages of this mini-program a notice may link to; anything else must be an https address. */
export const NOTICE_INTERNAL_LINK = /^\/packages\/(activities\/detail|places\/site|places\/body|public\/body)\?id=[A-Za-z0-9_-]{1,64}$/;

const INTERNAL_LABELS: Record<string, string> = {
  'activities/detail': '查看活动',
  'places/site': '查看阵地',
  'places/body': '查看妇联',
  'public/body': '查看妇联',
};

/** What a link says on its button: the words around it are the author's; a bare address gets a plain name. */
export function noticeLinkLabel(href: string): string {
  const internal = /^\/packages\/([a-z]+\/[a-z]+)\?/.exec(href);
  if (internal) return INTERNAL_LABELS[internal[1]!] ?? '查看详情';
  return '打开链接';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const IMAGE_LINE = /^https:\/\/\S+\.(?:jpe?g|png|gif|webp)(?:\?\S*)?$/i;
const LINKABLE = /(https:\/\/[^\s<>"'，。；！？、）]+|\/packages\/[a-z]+\/[a-z]+\?id=[A-Za-z0-9_-]{1,64})/g;

function inline(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(LINKABLE)) {
    const href = match[0];
    const at = match.index ?? 0;
    html += escapeHtml(text.slice(last, at));
    const internal = href.startsWith('/');
    if (internal && !NOTICE_INTERNAL_LINK.test(href)) html += escapeHtml(href);
    else html += `<a href="${escapeHtml(href)}">${escapeHtml(internal ? noticeLinkLabel(href) : href)}</a>`;
    last = at + href.length;
  }
  return html + escapeHtml(text.slice(last));
}

/**
 * The small markup a chair types on her phone, as HTML:
 *   "# 标题"            → a heading
 *   "- 一项" / "1. 一项" → a list (bulleted / numbered)
 *   a blank line        → a new paragraph
 *   a line that is only an https image address → the image
 *   https addresses and this mini-program's page paths → links
 * Everything else is text: "<" stays "<", never a tag. The server sanitises the result all the same.
 */
export function noticeTextToHtml(text: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.join('<br />')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${i}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const bullet = /^[-•·]\s+(.*)$/.exec(line);
    const numbered = /^\d{1,2}[.、．]\s*(.*)$/.exec(line);
    if (line === '') {
      flushParagraph();
      flushList();
    } else if (line.startsWith('# ') || line.startsWith('#　')) {
      flushParagraph();
      flushList();
      out.push(`<h3>${inline(line.slice(2).trim())}</h3>`);
    } else if (bullet || numbered) {
      flushParagraph();
      const tag = bullet ? 'ul' : 'ol';
      if (list && list.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push(inline((bullet ?? numbered)![1]!));
    } else if (IMAGE_LINE.test(line)) {
      flushParagraph();
      flushList();
      out.push(`<p><img src="${escapeHtml(line)}" /></p>`);
    } else {
      flushList();
      paragraph.push(inline(line));
    }
  }
  flushParagraph();
  flushList();
  return out.join('');
}
