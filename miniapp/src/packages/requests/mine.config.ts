export default definePageConfig({
  // Lets CarePage hand the page's rem base to the user's WeChat font size.
  enablePageMeta: true,
  // Never the category: someone may be looking over her shoulder.
  navigationBarTitleText: '我的求助',
});
