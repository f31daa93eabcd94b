import { ratingPagePath } from '@wfh/shared';
import { queryString } from './query';

/** Every page address the app navigates to, in one place. */
export const Routes = {
  home: '/pages/index/index',
  activitiesTab: '/pages/activities/index',
  meTab: '/pages/me/index',
  /** Where the quick exit leaves to: nothing on it says who she is or what she was doing. */
  neutral: '/pages/neutral/index',
  /**
   * The region tree and name search; `from` opens the tree at that region. `back` returns to the
   * page that opened the chooser once she has confirmed (the help form), instead of to 首页.
   */
  chooseVillage: (from?: string, options: { back?: boolean } = {}) =>
    `/packages/places/choose-village${queryString({ from, back: options.back ? 1 : undefined })}`,
  site: (id: string) => `/packages/places/site${queryString({ id })}`,
  body: (id: string) => `/packages/places/body${queryString({ id })}`,
  /** 我要求助; from a site's 在这里求助 with that site and its body. */
  askForHelp: (at: { siteId?: string; federationId?: string } = {}) =>
    `/packages/requests/index${queryString({ siteId: at.siteId, federationId: at.federationId })}`,
  myRequests: '/packages/requests/mine',
  myRequest: (id: string) => `/packages/requests/detail${queryString({ id })}`,
  workbench: '/packages/workbench/index',
  handleRequest: (id: string) => `/packages/workbench/request${queryString({ id })}`,
  /** 代为登记求助 at her village body. */
  recordOnBehalf: (federationId: string) => `/packages/workbench/on-behalf${queryString({ federationId })}`,
  /** 外出请假: the chair's time away and who stands in. */
  coverSettings: (federationId: string) => `/packages/workbench/cover${queryString({ federationId })}`,
  /** 「我的阵地」: her body's contact details and location, and its sites. */
  myPlaces: (federationId: string) => `/packages/workbench/places${queryString({ federationId })}`,
  /** A new site of a body, or one to change. */
  editSite: (of: { federationId: string } | { id: string }) =>
    `/packages/workbench/site-edit${queryString('id' in of ? { id: of.id } : { federationId: of.federationId })}`,
  activity: (id: string) => `/packages/activities/detail${queryString({ id })}`,
  /** 我的报名, with the QR codes she shows at the door. */
  mySignups: '/packages/activities/mine',
  /** A body's activities, drafts included, for those who run them. */
  manageActivities: (federationId: string) => `/packages/workbench/activities${queryString({ federationId })}`,
  /** A new activity of a body, or an existing one to change. */
  editActivity: (of: { federationId: string } | { id: string }) =>
    `/packages/workbench/activity-edit${queryString('id' in of ? { id: of.id } : { federationId: of.federationId })}`,
  attendees: (id: string) => `/packages/workbench/attendees${queryString({ id })}`,
  checkIn: (id: string) => `/packages/workbench/check-in${queryString({ id })}`,
  /** 工作看板 of her widest body, or of a body opened from the one above it. */
  dashboard: (federationId?: string) => `/packages/dashboard/index${queryString({ federationId })}`,
  /** A village's own figures and charts, opened from the township's (or county's) view. */
  villageStats: (federationId: string) => `/packages/dashboard/village${queryString({ federationId })}`,
  /** A village's requests, opened from its figures. */
  bodyInbox: (federationId: string) => `/packages/dashboard/inbox${queryString({ federationId })}`,
  countyAdmin: '/packages/admin/index',
  /** 导入导出: a county's spreadsheets of sites, bodies and people; her first county unless one is given. */
  countyImports: (countyId?: string) => `/packages/admin/imports${queryString({ countyId })}`,
  /** 工作公开: a body's numbers, open to anyone. */
  publicStats: (id: string) => `/packages/public/body${queryString({ id })}`,
  feedback: '/packages/public/feedback',
  /** 用评价码评价: public; an SMS link (shared ratingSmsLink) opens it with the code filled in. */
  rateWithCode: (code?: string) => ratingPagePath(code),
  /** 「我转出的」: what a body referred to others, with where each stands. */
  referredOut: (federationId: string) => `/packages/workbench/referred-out${queryString({ federationId })}`,
  /** Where she enters the role invitation code a county gave her. */
  joinRole: '/packages/public/join',
  /** 导出我的资料: everything held about her, to read and copy. */
  myDataExport: '/packages/me-data/export',
  /** 注销并删除我的资料, behind a screen that says what goes and what stays. */
  myDataDelete: '/packages/me-data/delete',
  /** The PC's sign-in: a QR code she scans with the mini-program. */
  consoleSignIn: '/packages/console/sign-in',
  /** The PC back at its code after its session was lost; `ended` is the error code that said so. */
  consoleSignInAgain: (ended: string) => `/packages/console/sign-in${queryString({ ended })}`,
  /** On her phone: which PC asks to be signed in as her, to confirm or refuse. */
  consoleConfirm: (id: string) => `/packages/console/confirm${queryString({ id })}`,
} as const;

/** The tab bar's pages (app.config.ts): the tab bar is their way around, so they have no 返回. */
const TAB_PAGES: readonly string[] = [Routes.home, Routes.activitiesTab, Routes.meTab];

/** Whether a page path (as Taro's router gives it, with or without its query or leading slash) is a tab page. */
export function isTabPage(path: string): boolean {
  return TAB_PAGES.includes(path.split('?')[0]!.replace(/^\/?/, '/'));
}
