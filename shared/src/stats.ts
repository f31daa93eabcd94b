import type { RegionLevel } from './regions';
import type { RoleKind } from './roles';
import type { ServiceCategoryKey } from './services';

/**
 * How a township or county sees the bodies under it: response and resolution times in working
 * time, what is overdue now, and the four rates the federation reports. Definitions: docs/metrics.md.
 */

export const STATS_LIMITS = {
  /** A range longer than this is refused: a year is what a work report covers. */
  maxRangeDays: 366,
} as const;

export interface StatsQuery {
  /** Local dates (Asia/Shanghai), YYYY-MM-DD, both included. */
  from: string;
  to: string;
}

/** A share in [0, 1], or null when there is nothing to divide by. */
export type Rate = number | null;

export interface BodyStats {
  federationId: string;
  name: string;
  level: RegionLevel;
  received: number;
  /** Working minutes from asking to the first answer: median and 90th percentile; null if none answered. */
  firstResponseMedianMinutes: number | null;
  firstResponseP90Minutes: number | null;
  resolutionMedianMinutes: number | null;
  resolutionP90Minutes: number | null;
  answeredWithinDeadline: Rate;
  resolvedWithinDeadline: Rate;
  /** Open requests held by the body (or under it) past their deadline at the moment of the reply. */
  overdueNow: number;
  escalations: number;
  /** 满意率: (满意 + 基本满意) ÷ rated. */
  satisfaction: Rate;
  /** 受益率: rated "helped" ÷ rated. */
  benefit: Rate;
  /** 知晓率: women signed in with their home here ÷ women the bodies register as reachable. */
  awareness: Rate;
  /** 参与率: women signed in who attended at least one activity in the range ÷ women signed in. */
  participation: Rate;
  womenSignedIn: number;
  womenRegistered: number | null;
  activitiesHeld: number;
}

export interface WeekStats {
  /** Monday of the week, YYYY-MM-DD (Asia/Shanghai). */
  week: string;
  received: number;
  firstResponseMedianMinutes: number | null;
  answeredWithinDeadline: Rate;
}

export interface CategoryCount {
  categoryKey: ServiceCategoryKey;
  name: string;
  sensitive: boolean;
  received: number;
}

export interface SubtreeStats {
  range: StatsQuery;
  total: BodyStats;
  /** The bodies directly under it, most overdue first (never a ranking of people). */
  children: BodyStats[];
  weeks: WeekStats[];
  categories: CategoryCount[];
  generatedAt: string;
}

/** 工作公开: numbers only, never a case. */
export interface PublicBodyStats {
  federationId: string;
  name: string;
  range: StatsQuery;
  requestsAnswered: number;
  firstResponseMedianMinutes: number | null;
  satisfaction: Rate;
  activitiesHeld: number;
  concernsAnswered: number;
}

// ---- county administration ----

export interface SetBodyActiveInput {
  active: boolean;
}

export interface SetRegisteredWomenInput {
  /** Women the body registers as reachable (its 妇女花名册): the denominator of 知晓率. */
  registeredWomen: number | null;
}

export interface RoleInvitationInput {
  role: RoleKind;
  /** Her name as the admin knows it, shown to her when she accepts. */
  inviteeName: string;
}

export interface RoleInvitationView {
  code: string;
  role: RoleKind;
  federationId: string;
  federationName: string;
  inviteeName: string;
  expiresAt: string;
}

export interface RevokeRoleInput {
  userId: string;
  role: RoleKind;
}

export interface RoutingRuleInput {
  /** The region the rule covers (2–12 digits), inside the admin's county. */
  regionPrefix: string;
  categoryKey: ServiceCategoryKey;
  targetFederationId: string;
  label?: string | null;
}

export interface RoutingRuleView extends RoutingRuleInput {
  id: string;
  label: string | null;
  targetName: string;
}

export interface RoutingPreviewInput {
  categoryKey: ServiceCategoryKey;
  /** A village or community of the county. */
  homeFederationId: string;
}

export interface RoutingPreview {
  ok: boolean;
  federationId: string | null;
  federationName: string | null;
  /** The reason routing would store, in the same words. */
  reason: string;
}

// ---- 投诉建议 ----

export type FeedbackKind = 'complaint' | 'suggestion';

export const FEEDBACK_LIMITS = { text: 1000, reply: 1000 } as const;

export interface FeedbackInput {
  kind: FeedbackKind;
  /** Her village or community, or the body the feedback is about. */
  federationId: string;
  text: string;
  /** A way to reach her, if she wants an answer. */
  contactPhone?: string | null;
}

export interface FeedbackView {
  id: string;
  kind: FeedbackKind;
  federationId: string;
  federationName: string;
  text: string;
  status: 'open' | 'answered';
  reply: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export interface FeedbackReplyInput {
  reply: string;
}
