export default defineAppConfig({
  // pages/neutral is where 快速离开 lands: in the main package so that it opens at once, offline too.
  pages: ['pages/index/index', 'pages/activities/index', 'pages/me/index', 'pages/neutral/index'],
  // Later areas live in subpackages so the main package stays well under WeChat's 2 MB cap.
  subPackages: [
    { root: 'packages/places', pages: ['choose-village', 'site', 'body'] },
    { root: 'packages/requests', pages: ['index', 'mine', 'detail'] },
    { root: 'packages/activities', pages: ['detail', 'mine'] },
    {
      root: 'packages/workbench',
      pages: ['index', 'request', 'on-behalf', 'cover', 'activities', 'activity-edit', 'attendees', 'check-in', 'concerns', 'roster', 'roster-entry', 'referred-out', 'places', 'site-edit'],
    },
    { root: 'packages/voices', pages: ['index', 'raise', 'concern', 'join'] },
    { root: 'packages/dashboard', pages: ['index', 'inbox', 'village'] },
    { root: 'packages/admin', pages: ['index', 'imports'] },
    { root: 'packages/public', pages: ['body', 'feedback', 'join', 'rate'] },
    { root: 'packages/me-data', pages: ['export', 'delete'] },
    // Notices: her reading page, and the body's list and editor.
    { root: 'packages/notices', pages: ['detail', 'manage', 'edit'] },
    // The staff console's QR sign-in: the PC's code (browser) and her confirmation (phone).
    { root: 'packages/console', pages: ['sign-in', 'confirm'] },
  ],
  // Tab pages link straight to these small subpackages: fetch them while she reads the tab.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/places'] },
    'pages/activities/index': { network: 'all', packages: ['packages/activities'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '网上妇女之家',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#4d4d4d',
    selectedColor: '#b4233c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/activities/index', text: '活动' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  // Finding the nearest 妇女之家 (getLocation); chooseLocation is declared for picking a place on a
  // map later. WeChat rejects undeclared use. The consent dialog is our own (components/PrivacyDialog).
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的妇联和妇女之家' },
  },
  __usePrivacyCheck__: true,
});
