import { useEffect, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, NavigationBar, PageMeta, Text, View } from '@tarojs/components';
import { useWideScreen } from '../hooks/useWideScreen';
import { drawsPageHeader, followsWechatFontSize, setsTitleByApi } from '../utils/platform';
import { isTabPage, Routes } from '../utils/routes';
import { ConsoleFrame } from './ConsoleFrame';

/**
 * Browser only: the title bar WeChat draws for every page below the tab pages. 返回 goes to the page
 * she came from, or home when she opened this one directly (a link in a message, a bookmark), so it
 * never leaves her stranded. Shown in the PC console too: its navigation reaches the work pages,
 * not the way back from a request to the list it was opened from.
 */
function PageHeader({ title }: { title: string }) {
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.reLaunch({ url: Routes.home });
  };
  return (
    <View className="page-header">
      <Button className="btn btn-secondary page-back" hoverClass="btn-pressed" onClick={back}>
        返回
      </Button>
      <Text className="page-title">{title}</Text>
    </View>
  );
}

/**
 * Every page is wrapped in this. In the mini-program, page-meta makes 1rem the font size she set
 * in WeChat (all our lengths are rem, see config/index.ts), so the whole page grows with it.
 * Taro's page-meta template always carries a navigation-bar, so the bar is spelled out here too,
 * matching app.config.ts, rather than left to unset bindings. The browser build takes a title
 * that changes while the page is open (the discreet 我的求助) from the API instead, and draws the
 * header WeChat would (PageHeader). In a PC-wide browser window the page sits beside the
 * console's navigation. A `plain` page (the quick exit's neutral page) gets neither: it must look
 * like nothing of the federation, and must offer no way back.
 */
export function CarePage({ title, children, plain }: { title: string; children: ReactNode; plain?: boolean }) {
  const wide = useWideScreen();
  const path = useRouter().path ?? '';
  useEffect(() => {
    if (setsTitleByApi) void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);

  const header = drawsPageHeader && !plain && !isTabPage(path) ? <PageHeader title={title} /> : null;
  return (
    <>
      {followsWechatFontSize && (
        <PageMeta rootFontSize="system">
          <NavigationBar title={title} frontColor="#000000" backgroundColor="#ffffff" />
        </PageMeta>
      )}
      <View className="care-page">
        {wide && !plain ? (
          <ConsoleFrame>
            {header}
            {children}
          </ConsoleFrame>
        ) : (
          <>
            {header}
            {children}
          </>
        )}
      </View>
    </>
  );
}
