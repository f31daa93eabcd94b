import { RegionLevel, isWithinRegion, regionLevelOf } from './regions';

/**
 * A role is held at one federation body and reaches that body's whole subtree, nothing else.
 */
export enum RoleKind {
  /** 村/社区妇联主席 */
  Chair = 'chair',
  /** 副主席 / 执委 standing in for the chair */
  Deputy = 'deputy',
  /** 乡镇/街道妇联工作人员 */
  Staff = 'staff',
  /** 县妇联管理员 */
  Admin = 'admin',
  /** 村（社区）妇联执委 or 妇女代表: keeps in touch with a set of women */
  Executive = 'executive',
}

export const ROLE_LABELS: Record<RoleKind, string> = {
  [RoleKind.Chair]: '村（社区）妇联主席',
  [RoleKind.Deputy]: '村（社区）妇联副主席',
  [RoleKind.Staff]: '乡镇（街道）妇联工作人员',
  [RoleKind.Admin]: '县妇联管理员',
  [RoleKind.Executive]: '村（社区）妇联执委',
};

const LEVEL_OF_ROLE: Record<RoleKind, RegionLevel> = {
  [RoleKind.Chair]: RegionLevel.Village,
  [RoleKind.Deputy]: RegionLevel.Village,
  [RoleKind.Staff]: RegionLevel.Township,
  [RoleKind.Admin]: RegionLevel.County,
  [RoleKind.Executive]: RegionLevel.Village,
};

export function levelOfRole(role: RoleKind): RegionLevel {
  return LEVEL_OF_ROLE[role];
}

/** Whether a role may be granted at a body of the given id (its region code). */
export function roleMayBeHeldAt(role: RoleKind, federationId: string): boolean {
  return regionLevelOf(federationId) === LEVEL_OF_ROLE[role];
}

export interface RoleGrant {
  role: RoleKind;
  federationId: string;
}

/** Everything a signed-in person may do is decided from her id and her grants. */
export interface Actor {
  userId: string;
  grants: readonly RoleGrant[];
}

export enum Permission {
  /** See a body's internal data: who holds its roles, its work queues. */
  ViewBodyWork = 'body.view-work',
  /** Change a body's public profile: phone, address, office hours. */
  EditBodyProfile = 'body.edit-profile',
  /** Grant and revoke roles at a body. */
  ManageRoles = 'body.manage-roles',
  /** Add and edit a body's sites (妇女之家, 妇女微家 …). */
  ManageSites = 'body.manage-sites',
  /** Set a county's handling levels and deadlines per request category. */
  ManageCatalogue = 'body.manage-catalogue',
  /** Create, publish and cancel a body's activities; see their attendees; check women in. */
  ManageActivities = 'body.manage-activities',
  /** Write, publish, schedule and withdraw a body's notices; see how many under it opened them. */
  PublishNotices = 'body.publish-notices',
  /** Publish, decline and merge concerns; record the council's answers. */
  ModerateConcerns = 'body.moderate-concerns',
  /** Keep a contact roster of women at the body. */
  KeepRoster = 'body.keep-roster',
  /** See every roster of the body, care tags included. */
  OverseeRosters = 'body.oversee-rosters',
  /** See response times, overdue counts and the four rates of a body's subtree. */
  ViewStats = 'body.view-stats',
  /** Switch bodies on and off, invite and revoke roles, set routing rules: a county's admins. */
  AdministerCounty = 'body.administer-county',
}

const ROLES_WITH_PERMISSION: Record<Permission, ReadonlySet<RoleKind>> = {
  [Permission.ViewBodyWork]: new Set([RoleKind.Chair, RoleKind.Deputy, RoleKind.Staff, RoleKind.Admin]),
  [Permission.EditBodyProfile]: new Set([RoleKind.Chair, RoleKind.Deputy, RoleKind.Staff, RoleKind.Admin]),
  [Permission.ManageRoles]: new Set([RoleKind.Admin]),
  [Permission.ManageSites]: new Set([RoleKind.Chair, RoleKind.Deputy, RoleKind.Admin]),
  [Permission.ManageCatalogue]: new Set([RoleKind.Admin]),
  [Permission.ManageActivities]: new Set([RoleKind.Chair, RoleKind.Deputy, RoleKind.Staff, RoleKind.Admin]),
  [Permission.PublishNotices]: new Set([RoleKind.Chair, RoleKind.Deputy, RoleKind.Staff, RoleKind.Admin]),
  [Permission.ModerateConcerns]: new Set([RoleKind.Chair, RoleKind.Deputy, RoleKind.Admin]),
  [Permission.KeepRoster]: new Set([RoleKind.Executive, RoleKind.Chair, RoleKind.Deputy]),
  // Care tags (困难, 残疾 …) reach only the member, the chair and the county's admins: not township staff.
  [Permission.OverseeRosters]: new Set([RoleKind.Chair, RoleKind.Admin]),
  [Permission.ViewStats]: new Set([RoleKind.Chair, RoleKind.Deputy, RoleKind.Staff, RoleKind.Admin]),
  [Permission.AdministerCounty]: new Set([RoleKind.Admin]),
};

/** The one access rule for bodies: a grant of a permitted role whose subtree contains the body. */
export function can(actor: Actor | null, permission: Permission, federationId: string): boolean {
  if (!actor) return false;
  const permitted = ROLES_WITH_PERMISSION[permission];
  return actor.grants.some(
    (grant) => permitted.has(grant.role) && isWithinRegion(federationId, grant.federationId),
  );
}

/** A woman's own things (her profile, later her requests and sign-ups) are hers alone. */
export function isOwner(actor: Actor | null, ownerUserId: string): boolean {
  return actor !== null && actor.userId === ownerUserId;
}
