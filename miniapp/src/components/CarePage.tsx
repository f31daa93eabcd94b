import { useEffect, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { NavigationBar, PageMeta, View } from '@tarojs/components';
import { useWideScreen } from '../hooks/useWideScreen';
import { followsWechatFontSize, setsTitleByApi } from '../utils/platform';
import { ConsoleFrame } from './ConsoleFrame';

/**
 * Every page is wrapped in this. In the mini-program, page-meta makes 1rem the font size she set
 * in WeChat (all our lengths are rem, see config/index.ts), so the whole page grows with it.
 * Taro's page-meta template always carries a navigation-bar, so the bar is spelled out here too,
 * matching app.config.ts, rather than left to unset bindings. The browser build takes a title
 * that changes while the page is open (the discreet 我的求助) from the API instead. In a PC-wide
 * browser window the page sits beside the console's navigation, except a `plain` page (the quick
 * exit's neutral page, which must show nothing of the federation).
 */
export function CarePage({ title, children, plain }: { title: string; children: ReactNode; plain?: boolean }) {
  const wide = useWideScreen();
  useEffect(() => {
    if (setsTitleByApi) void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);

  return (
    <>
      {followsWechatFontSize && (
        <PageMeta rootFontSize="system">
          <NavigationBar title={title} frontColor="#000000" backgroundColor="#ffffff" />
        </PageMeta>
      )}
      <View className="care-page">{wide && !plain ? <ConsoleFrame>{children}</ConsoleFrame> : children}</View>
    </>
  );
}
