export default definePageConfig({
  // Lets CarePage hand the page's rem base to the user's WeChat font size.
  enablePageMeta: true,
  // Shared to a chat or 朋友圈 (hooks/useShareCard): Taro adds WeChat's share handlers only with these.
  enableShareAppMessage: true,
  enableShareTimeline: true,
  navigationBarTitleText: '妇女之家',
});
