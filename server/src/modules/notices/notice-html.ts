import sanitizeHtml from 'sanitize-html';
import { NOTICE_INTERNAL_LINK, noticeLinkLabel, noticeTextToHtml, type NoticeBodyFormat, type NoticeLink } from '@wfh/shared';

/**
 * A notice's body is sanitised once, when it is written, and stored as the result: reads hand it to
 * the mini-program's rich-text as it is. sanitize-html (parser-based, widely used and kept up) does
 * the work; a hand-written filter of HTML is how script gets through.
 *
 * Kept: headings, paragraphs, lists, emphasis, line breaks; links to https addresses and to this
 * mini-program's activity, site and body pages; https images (there is no image upload for notices
 * yet, so an image is one already on the web). Everything else goes: script and style with their
 * content, event handlers, style attributes, javascript: and data: addresses.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'br', 'a', 'img'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['https'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // A link anywhere but https or our own pages keeps its words and loses its address (an <a> without
    // href is plain text). Renaming it to a tag not allowed here would unbalance sanitize-html's closing tags.
    a: (tagName, attribs): sanitizeHtml.Tag => (isAllowedHref(attribs.href) ? { tagName, attribs: { href: attribs.href! } } : { tagName, attribs: {} as sanitizeHtml.Attributes }),
    img: (tagName, attribs) => ({ tagName, attribs: /^https:\/\//i.test(attribs.src ?? '') ? pick(attribs, ['src', 'alt']) : {} }),
    b: 'strong',
    i: 'em',
    h1: 'h2',
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

function pick(attribs: sanitizeHtml.Attributes, names: string[]): sanitizeHtml.Attributes {
  return Object.fromEntries(names.filter((n) => attribs[n] !== undefined).map((n) => [n, attribs[n]!]));
}

function isAllowedHref(href: string | undefined): boolean {
  if (!href) return false;
  return /^https:\/\/[^\s]+$/i.test(href) || NOTICE_INTERNAL_LINK.test(href);
}

/** What the author wrote, as the HTML to store. */
export function noticeBodyHtml(body: string, format: NoticeBodyFormat): string {
  const html = format === 'text' ? noticeTextToHtml(body) : body;
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Whether the body says anything once sanitised (tags alone, or only script, say nothing). */
export function hasWords(html: string): boolean {
  return sanitizeHtml(html, { allowedTags: ['img'], allowedAttributes: { img: ['src'] } }).replace(/&nbsp;|\s/g, '') !== '';
}

const ANCHOR = /<a href="([^"]*)">([\s\S]*?)<\/a>/g;

/**
 * The links of a stored body, as buttons: weapp's rich-text shows a link but cannot follow it. The
 * stored HTML is sanitize-html's own output, so its anchors have exactly this one form.
 */
export function noticeLinks(html: string): NoticeLink[] {
  const links: NoticeLink[] = [];
  for (const [, rawHref, inner] of html.matchAll(ANCHOR)) {
    const href = decodeEntities(rawHref!);
    const text = decodeEntities(inner!.replace(/<[^>]*>/g, '')).trim();
    const internal = href.startsWith('/');
    if (links.some((l) => l.href === href)) continue;
    links.push({ href, internal, label: text && text !== href ? text : noticeLinkLabel(href) });
  }
  return links;
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
