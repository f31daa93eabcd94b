import { useEffect } from 'react';
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { sharesToChat } from '../utils/platform';
import { Routes } from '../utils/routes';

/**
 * What a page hands WeChat to share: the words on the card and the page, with its id, that the card
 * opens. No image is given: the project has none that fits a card (assets/ holds only the map
 * marker), so a chat card shows WeChat's screenshot of the page and 朋友圈 the mini-program's icon.
 */
export interface ShareCard {
  title: string;
  /** A page address as Routes builds it ("/packages/activities/detail?id=…"). */
  path: string;
}

/** Until the page has something it may share, a stray share (an old menu) sends only the home page. */
const HOME_CARD: ShareCard = { title: '网上妇女之家', path: Routes.home };

/** The chat card: WeChat opens `path` when it is tapped, the page stack empty. */
export function chatShare(card: ShareCard | null): ShareCard {
  return card ?? HOME_CARD;
}

/**
 * 朋友圈 always reopens the page it was shared from, so it takes only the query that picks the
 * thing (the id), without the page's path.
 */
export function timelineShare(card: ShareCard | null): { title: string; query: string } {
  const { title, path } = chatShare(card);
  const query = card === null ? '' : (path.split('?')[1] ?? '');
  return { title, query };
}

/**
 * Makes a page shareable to a chat and to 朋友圈. Only pages whose config sets both
 * enableShareAppMessage and enableShareTimeline get WeChat's share handlers at all (Taro adds them
 * for those alone), so a page that never calls this — a request, anything about one woman — cannot
 * be shared from WeChat's menu. `card` is null while loading, or when this one may not be passed on
 * (a draft, a concern still waiting for review): the menu's share items are then hidden.
 */
export function useShareCard(card: ShareCard | null): void {
  useShareAppMessage(() => chatShare(card));
  useShareTimeline(() => timelineShare(card));
  const shareable = card !== null;
  useEffect(() => {
    if (!sharesToChat) return;
    const items = ['shareAppMessage', 'shareTimeline'];
    // Taro's weapp showShareMenu rewrites WeChat's `menus` from `showShareItems` (dropping a `menus`
    // given directly); hideShareMenu passes `menus` through as it is.
    const change = shareable ? Taro.showShareMenu({ showShareItems: items }) : Taro.hideShareMenu({ menus: items });
    void change.catch(() => undefined);
  }, [shareable]);
}
