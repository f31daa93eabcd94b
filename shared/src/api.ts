import type { RegionLevel } from './regions';
import type { RoleKind } from './roles';
import type { OpeningException } from './opening-hours';
import type { RequestAction } from './requests';
import type { ServiceCategoryKey } from './services';
import type { SiteKind, WeeklyOpening } from './sites';

/**
 * Every path the mini-program calls. The server mounts its routes on these very templates; the
 * client fills the `:params` with `pathOf`.
 */
export const API_PREFIX = '/api/v1';

export const ApiPaths = {
  authWechat: `${API_PREFIX}/auth/wechat`,
  authRefresh: `${API_PREFIX}/auth/refresh`,
  authSignOut: `${API_PREFIX}/auth/sign-out`,
  authSignOutEverywhere: `${API_PREFIX}/auth/sign-out-everywhere`,
  authDev: `${API_PREFIX}/auth/dev`,
  authDevPeople: `${API_PREFIX}/auth/dev/people`,
  consoleSignIns: `${API_PREFIX}/console/sessions`,
  consoleSignIn: `${API_PREFIX}/console/sessions/:id`,
  consoleSignInConfirm: `${API_PREFIX}/console/sessions/:id/confirm`,
  consoleSignInRefuse: `${API_PREFIX}/console/sessions/:id/refuse`,
  consoleSignInPoll: `${API_PREFIX}/console/sessions/:id/poll`,
  myConsoleSessions: `${API_PREFIX}/me/console-sessions`,
  myConsoleSession: `${API_PREFIX}/me/console-sessions/:id`,
  me: `${API_PREFIX}/me`,
  meHome: `${API_PREFIX}/me/home`,
  meName: `${API_PREFIX}/me/name`,
  mePhone: `${API_PREFIX}/me/phone`,
  myData: `${API_PREFIX}/me/data`,
  /** Her WeChat reminder grants per kind, and where she reports new ones. */
  mySubscriptions: `${API_PREFIX}/me/subscriptions`,
  /** Whether she takes text messages (SMS) when WeChat cannot reach her. */
  mySms: `${API_PREFIX}/me/sms`,
  /** 不要短信: a chair records it for a woman she recorded a request for, who has no WeChat. */
  requestWomanSms: `${API_PREFIX}/requests/:id/sms`,
  myDataDeletion: `${API_PREFIX}/me/deletion`,
  federation: `${API_PREFIX}/federations/:id`,
  federationMembers: `${API_PREFIX}/federations/:id/members`,
  federationSites: `${API_PREFIX}/federations/:id/sites`,
  /** Every site of a body, switched-off ones too, for those who keep them (「我的阵地」). */
  federationManagedSites: `${API_PREFIX}/federations/:id/managed-sites`,
  site: `${API_PREFIX}/sites/:id`,
  nearest: `${API_PREFIX}/nearest`,
  search: `${API_PREFIX}/search`,
  regions: `${API_PREFIX}/regions`,
  region: `${API_PREFIX}/regions/:code`,
  regionChildren: `${API_PREFIX}/regions/:code/children`,
  categories: `${API_PREFIX}/categories`,
  requests: `${API_PREFIX}/requests`,
  myRequests: `${API_PREFIX}/me/requests`,
  request: `${API_PREFIX}/requests/:id`,
  inbox: `${API_PREFIX}/federations/:id/inbox`,
  /** What a body referred to others, with where each stands now (「我转出的」). */
  referredOut: `${API_PREFIX}/federations/:id/referred-out`,
  /** The number of new and overdue requests in each of her inboxes. */
  myInboxCounts: `${API_PREFIX}/me/inbox-counts`,
  federationCover: `${API_PREFIX}/federations/:id/cover`,
  federationRequests: `${API_PREFIX}/federations/:id/requests`,
  /** GET: where the request of a rating code stands; POST: she rates it. Public, limited per address. */
  rateByCode: `${API_PREFIX}/ratings/:code`,
  countyCategories: `${API_PREFIX}/federations/:id/categories`,
  countyCategory: `${API_PREFIX}/federations/:id/categories/:key`,
  activities: `${API_PREFIX}/activities`,
  activity: `${API_PREFIX}/activities/:id`,
  activityPublish: `${API_PREFIX}/activities/:id/publish`,
  activityCancel: `${API_PREFIX}/activities/:id/cancel`,
  activitySignups: `${API_PREFIX}/activities/:id/signups`,
  activityAttendees: `${API_PREFIX}/activities/:id/attendees`,
  activityAttendeesCsv: `${API_PREFIX}/activities/:id/attendees.csv`,
  activityCheckIns: `${API_PREFIX}/activities/:id/check-ins`,
  /** DELETE: the chair takes back a check-in made by mistake; again is harmless. */
  activityCheckIn: `${API_PREFIX}/activities/:id/check-ins/:signupId`,
  federationActivities: `${API_PREFIX}/federations/:id/activities`,
  mySignups: `${API_PREFIX}/me/signups`,
  signupCancel: `${API_PREFIX}/signups/:id/cancel`,
  federationConcerns: `${API_PREFIX}/federations/:id/concerns`,
  federationVoices: `${API_PREFIX}/federations/:id/voices`,
  myConcerns: `${API_PREFIX}/me/concerns`,
  concern: `${API_PREFIX}/concerns/:id`,
  concernCosign: `${API_PREFIX}/concerns/:id/cosign`,
  concernPublish: `${API_PREFIX}/concerns/:id/publish`,
  concernDecline: `${API_PREFIX}/concerns/:id/decline`,
  concernMerge: `${API_PREFIX}/concerns/:id/merge`,
  concernUpdates: `${API_PREFIX}/concerns/:id/updates`,
  /** A body's notices, every state, for its managers (GET); a new draft (POST). */
  federationNotices: `${API_PREFIX}/federations/:id/notices`,
  /** The notices of her village and of the bodies above it, newest first, unread marked. */
  myNotices: `${API_PREFIX}/me/notices`,
  notice: `${API_PREFIX}/notices/:id`,
  /** Now, or at `publishAt` (scheduled). */
  noticePublish: `${API_PREFIX}/notices/:id/publish`,
  noticeWithdraw: `${API_PREFIX}/notices/:id/withdraw`,
  /** Women who opened it per body under the publisher, against registered women: counts only. */
  noticeReach: `${API_PREFIX}/notices/:id/reach`,
  councilAgenda: `${API_PREFIX}/activities/:id/agenda`,
  councilMinutes: `${API_PREFIX}/activities/:id/minutes`,
  federationRoster: `${API_PREFIX}/federations/:id/roster`,
  federationRosterInvitations: `${API_PREFIX}/federations/:id/roster-invitations`,
  rosterInvitation: `${API_PREFIX}/roster-invitations/:code`,
  rosterInvitationAccept: `${API_PREFIX}/roster-invitations/:code/accept`,
  rosterEntry: `${API_PREFIX}/roster/:id`,
  rosterEntryContacts: `${API_PREFIX}/roster/:id/contacts`,
  federationStats: `${API_PREFIX}/federations/:id/stats`,
  federationStatsCsv: `${API_PREFIX}/federations/:id/stats.csv`,
  federationPublicStats: `${API_PREFIX}/federations/:id/public-stats`,
  federationActive: `${API_PREFIX}/federations/:id/active`,
  federationRegisteredWomen: `${API_PREFIX}/federations/:id/registered-women`,
  federationRoleInvitations: `${API_PREFIX}/federations/:id/role-invitations`,
  federationRoleRevocations: `${API_PREFIX}/federations/:id/role-revocations`,
  roleInvitation: `${API_PREFIX}/role-invitations/:code`,
  roleInvitationAccept: `${API_PREFIX}/role-invitations/:code/accept`,
  countyRoutingRules: `${API_PREFIX}/federations/:id/routing-rules`,
  countyRoutingRule: `${API_PREFIX}/federations/:id/routing-rules/:ruleId`,
  countyRoutingPreview: `${API_PREFIX}/federations/:id/routing-preview`,
  feedback: `${API_PREFIX}/feedback`,
  myFeedback: `${API_PREFIX}/me/feedback`,
  countyFeedback: `${API_PREFIX}/federations/:id/feedback`,
  feedbackReply: `${API_PREFIX}/feedback/:id/reply`,
  holidayCoverage: `${API_PREFIX}/holiday-calendar`,
  holidayYear: `${API_PREFIX}/holiday-calendar/:year`,
  countyImportTemplate: `${API_PREFIX}/counties/:countyId/imports/:kind/template`,
  countyImport: `${API_PREFIX}/counties/:countyId/imports/:kind`,
  /** An import's progress, by the id its client chose (the import's `progressId`): only to whoever started it. */
  countyImportProgress: `${API_PREFIX}/counties/:countyId/imports/progress/:progressId`,
  countyExport: `${API_PREFIX}/counties/:countyId/exports/:kind`,
  /** Messages of the last 30 days that reached nobody, with the reason: its admins. */
  countyFailedMessages: `${API_PREFIX}/counties/:countyId/messages/failed`,
} as const;

/** One path per lifecycle action: POST /api/v1/requests/:id/accept, …/reply, …/rate. */
export function requestActionPath(action: RequestAction): string {
  return `${API_PREFIX}/requests/:id/${action}`;
}

/** The header that makes a POST safe to retry on a weak signal: the same key never creates twice. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Fills a path template: pathOf(ApiPaths.federation, { id: '2112' }) → '/api/v1/federations/2112'. */
export function pathOf(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pathOf: missing :${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

export const HealthPaths = {
  live: '/health/live',
  ready: '/health/ready',
} as const;

// ---- auth ----

export interface WechatSignInRequest {
  /** The one-time code from wx.login. */
  code: string;
}

/** She shares her WeChat phone number (the getPhoneNumber button) to get the roles the county listed her for. */
export interface PhoneRolesRequest {
  /** The one-time code from the getPhoneNumber button's event. */
  code: string;
}

export interface DevSignInRequest {
  personKey: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface UserProfile {
  id: string;
  /** Her listed name, else the name she set herself, else null (shown as `personLabel`, never invented). */
  displayName: string | null;
  /** Her name comes from the county's list: everyone sees it and she cannot replace it herself. */
  nameListed: boolean;
  homeFederationId: string | null;
  isDemo: boolean;
}

export interface AuthTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  user: UserProfile;
}

export interface DemoPerson {
  key: string;
  displayName: string;
  /** Who she is in the demo, in plain words: "村民，家住凡河镇凡河村". */
  description: string;
}

// ---- bodies and regions ----

export interface FederationSummary {
  id: string;
  name: string;
  level: RegionLevel;
  regionName: string;
  active: boolean;
}

export interface FederationDetail extends FederationSummary {
  parentId: string | null;
  /** Ancestors, province first, not including the body itself. */
  breadcrumb: FederationSummary[];
  address: string | null;
  phone: string | null;
  officeHours: string | null;
  /** Where the body's office is (GCJ-02), or null while nobody has set it. */
  latitude: number | null;
  longitude: number | null;
  /** The location is the embedded demo's invention, not a real office. */
  locationIsDemo: boolean;
}

/** Absent: unchanged; null: cleared. */
export interface UpdateFederationProfileRequest {
  address?: string | null;
  phone?: string | null;
  officeHours?: string | null;
  /** The office's location (GCJ-02, within China): both together, or both null to clear it. */
  latitude?: number | null;
  longitude?: number | null;
}

export interface RoleGrantView {
  role: RoleKind;
  federationId: string;
  federationName: string;
}

export interface MeResponse {
  user: UserProfile;
  roles: RoleGrantView[];
  /** Her confirmed village or community body, with its parents, or null before she chooses one. */
  home: FederationDetail | null;
}

export interface SetHomeRequest {
  federationId: string;
}

/** She sets the name others see her by (`checkNickname`), or clears it with null. */
export interface SetNameRequest {
  name: string | null;
}

export interface BodyMember {
  userId: string;
  /** null: she has no name; show `personLabel(displayName, { as: 'member', since })`. */
  displayName: string | null;
  role: RoleKind;
  since: string;
}

export interface RegionNode {
  code: string;
  name: string;
  level: RegionLevel;
  hasChildren: boolean;
}

export interface SiteSummary {
  id: string;
  federationId: string;
  kind: SiteKind;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  openingHours: WeeklyOpening[];
  openingExceptions: OpeningException[];
  services: ServiceCategoryKey[];
  chairPublicName: string | null;
  photoUrl: string | null;
  active: boolean;
  /** Synthetic demo data: shown with a notice, never mistaken for a real place. */
  isDemo: boolean;
}

export interface SiteDetail extends SiteSummary {
  federationName: string;
  /** Open at the moment of the reply (Asia/Shanghai, holidays and 调休 counted). */
  openNow: boolean;
}

export interface SiteInput {
  kind: SiteKind;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  phone?: string | null;
  openingHours: WeeklyOpening[];
  openingExceptions?: OpeningException[];
  services: ServiceCategoryKey[];
  chairPublicName?: string | null;
  photoUrl?: string | null;
}

export type CreateSiteRequest = SiteInput;

export type UpdateSiteRequest = Partial<SiteInput> & { active?: boolean };

// ---- finding places ----

export type PlaceType = 'site' | 'body';

export interface NearestQuery {
  latitude: number;
  longitude: number;
  /** How many results, 1–50 (default 10). */
  k?: number;
  type?: PlaceType;
  kind?: SiteKind;
  service?: ServiceCategoryKey;
  openNow?: boolean;
  /** Nothing farther than this (default 50 km, at most 500 km). */
  radiusMetres?: number;
}

export interface NearbyPlace {
  type: PlaceType;
  id: string;
  name: string;
  /** The body a site belongs to, or the body itself. */
  federationId: string;
  kind: SiteKind | null;
  level: RegionLevel | null;
  latitude: number;
  longitude: number;
  distanceMetres: number;
  address: string | null;
  phone: string | null;
  services: ServiceCategoryKey[];
  /** For sites: open at the moment of the reply. Bodies keep office hours as text only: null. */
  openNow: boolean | null;
  isDemo: boolean;
}

export interface NearestResponse {
  items: NearbyPlace[];
}

export interface SearchHit {
  type: PlaceType;
  id: string;
  name: string;
  federationId: string;
  level: RegionLevel | null;
  kind: SiteKind | null;
  /** Names from the province down to the parent: "辽宁省 › 铁岭市 › 铁岭县". */
  path: string;
}

export interface SearchResponse {
  items: SearchHit[];
}

export interface RegionDetail extends RegionNode {
  /** Ancestors, province first. */
  breadcrumb: RegionNode[];
}

// ---- health ----

export interface HealthReport {
  /** degraded: serving, without what `degraded` lists (Redis away); down: cannot serve (no database). */
  status: 'ok' | 'degraded' | 'down';
  mode: 'embedded' | 'production';
  checks: Record<string, { ok: boolean; detail?: string }>;
  /** Only when degraded: what the server is doing without. */
  degraded?: string[];
}

// ---- chairs away ----

export interface SetCoverRequest {
  /** The deputy (holding the deputy role at this body) who answers meanwhile; null: nobody. */
  deputyUserId: string | null;
  awayFrom: string;
  awayUntil: string;
}

export interface CoverView {
  chairUserId: string;
  /** null: no name; shown as `personLabel(…, { as: 'member' })`. */
  chairName: string | null;
  deputyUserId: string | null;
  /** null with a deputyUserId: she has no name (`personLabel`); null without: nobody. */
  deputyName: string | null;
  awayFrom: string;
  awayUntil: string;
  /** Covering right now. */
  current: boolean;
}

// ---- a county's catalogue ----

/** What a county admin may change of a category for her county: who handles it, and how fast. */
export interface UpdateCategorySettingRequest {
  handlingLevel?: RegionLevel;
  firstResponseHours?: number;
  resolutionHours?: number;
}
