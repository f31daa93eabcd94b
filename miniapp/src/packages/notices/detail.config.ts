export default definePageConfig({
  // Lets CarePage hand the page's rem base to the user's WeChat font size.
  enablePageMeta: true,
  navigationBarTitleText: '通知公告',
  // A notice is meant to be passed on: the share menu and the 转发到群聊 button send this page, to a
  // chat or 朋友圈 (hooks/useShareCard); Taro adds WeChat's share handlers only with these.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
