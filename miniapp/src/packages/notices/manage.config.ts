export default definePageConfig({
  // Lets CarePage hand the page's rem base to the user's WeChat font size.
  enablePageMeta: true,
  navigationBarTitleText: '通知公告管理',
});
