/**
 * The stored body is sanitised by the server; here images only get a width that fits the phone
 * (rich-text draws them at their own size otherwise). Kept out of the page modules: in WeChat a
 * page module exports its page only, so another page importing from it gets nothing.
 */
export function fitImages(html: string): string {
  return html.replace(/<img /g, '<img style="max-width:100%;height:auto" ');
}
