import { randomBytes, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import {
  ErrorCode,
  Permission,
  RegionLevel,
  isWithinRegion,
  regionLevelOf,
  roleMayBeHeldAt,
  type Actor,
  type RevokeRoleInput,
  type RoleInvitationInput,
  type RoleInvitationView,
  type RoutingPreview,
  type RoutingPreviewInput,
  type RoutingRuleInput,
  type RoutingRuleView,
} from '@wfh/shared';
import { requireActor, requirePermission } from '../../common/auth/access';
import { AppException, badRequest, notFound } from '../../common/errors/app-exception';
import { forUpdate } from '../../database/locking';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { sha256Hex } from '../../infra/crypto/field-cipher';
import { audit } from '../audit/audit';
import { FederationEntity } from '../federations/federation.entity';
import { PlacesIndex } from '../places/places-index';
import { RequestsService } from '../requests/requests.service';
import { RoutingRuleEntity } from '../requests/routing-rule.entity';
import { RoleAssignmentEntity } from '../roles/role-assignment.entity';
import { RoleInvitationEntity } from './role-invitation.entity';

const INVITATION_DAYS = 7;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * What a county's admins do for their subtree: switch bodies on and off, hand out and take back
 * roles, and say where requests go. Every change is in the audit log, in the same transaction.
 */
@Injectable()
export class AdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly requests: RequestsService,
    private readonly places: PlacesIndex,
  ) {}

  // ---- bodies ----

  async setActive(actor: Actor | null, federationId: string, active: boolean): Promise<void> {
    const body = await this.body(federationId);
    const { userId } = requirePermission(actor, Permission.AdministerCounty, federationId);
    if (body.level !== RegionLevel.Township && body.level !== RegionLevel.Village) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'id', message: '只能开通或停用乡镇（街道）和村（社区）妇联' }]);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(FederationEntity).update({ id: federationId }, { active });
      await audit(manager, this.clock.now(), { actorUserId: userId, action: 'body.set_active', subjectType: 'federation', subjectId: federationId, federationId });
    });
    // Every instance's nearest-places index drops (or regains) the body.
    await this.places.announce({ type: 'bodies' });
  }

  /** The denominator of 知晓率; the body's own chair or staff know it, or the county's admins. */
  async setRegisteredWomen(actor: Actor | null, federationId: string, registeredWomen: number | null): Promise<void> {
    await this.body(federationId);
    const { userId } = requirePermission(actor, Permission.EditBodyProfile, federationId);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(FederationEntity).update({ id: federationId }, { registeredWomen });
      await audit(manager, this.clock.now(), { actorUserId: userId, action: 'body.set_registered_women', subjectType: 'federation', subjectId: federationId, federationId });
    });
  }

  // ---- roles ----

  async inviteRole(actor: Actor | null, federationId: string, input: RoleInvitationInput): Promise<RoleInvitationView> {
    const body = await this.body(federationId);
    const { userId } = requirePermission(actor, Permission.AdministerCounty, federationId);
    if (!roleMayBeHeldAt(input.role, federationId)) throw badRequest(ErrorCode.RoleLevelMismatch, [{ field: 'role', message: '这个职务不能设在这一级妇联组织' }]);
    const code = Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    const now = this.clock.now();
    const invitation = Object.assign(new RoleInvitationEntity(), {
      codeHash: sha256Hex(code),
      federationId,
      role: input.role,
      inviteeName: input.inviteeName.trim(),
      createdBy: userId,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000),
      usedAt: null,
      usedBy: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(RoleInvitationEntity).insert(invitation);
      await audit(manager, now, { actorUserId: userId, action: 'role.invite', subjectType: 'role_invitation', subjectId: invitation.codeHash.slice(0, 36), federationId });
    });
    return this.invitationView(code, invitation, body.name);
  }

  async roleInvitation(code: string): Promise<RoleInvitationView> {
    const invitation = await this.dataSource.getRepository(RoleInvitationEntity).findOneBy({ codeHash: sha256Hex(normalised(code)) });
    if (!invitation || invitation.usedAt || invitation.expiresAt <= this.clock.now()) throw this.invalidInvitation();
    return this.invitationView(normalised(code), invitation, (await this.body(invitation.federationId)).name);
  }

  /** She signs in with WeChat, enters the code, and holds the role: once, never twice. */
  async acceptRoleInvitation(actor: Actor | null, code: string): Promise<void> {
    const { userId } = requireActor(actor);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const invitation = await manager.getRepository(RoleInvitationEntity).findOne({ where: { codeHash: sha256Hex(normalised(code)) }, ...forUpdate(manager) });
      if (!invitation || invitation.usedAt || invitation.expiresAt <= now) throw this.invalidInvitation();
      await manager.getRepository(RoleInvitationEntity).update({ codeHash: invitation.codeHash }, { usedAt: now, usedBy: userId });
      const holds = await manager.getRepository(RoleAssignmentEntity).existsBy({ userId, federationId: invitation.federationId, role: invitation.role, revokedAt: IsNull() });
      if (holds) return;
      const assignment = { id: randomUUID(), userId, federationId: invitation.federationId, role: invitation.role, grantedBy: invitation.createdBy, revokedAt: null };
      await manager.getRepository(RoleAssignmentEntity).insert(assignment);
      await audit(manager, now, { actorUserId: userId, action: 'role.grant', subjectType: 'role_assignment', subjectId: assignment.id, federationId: invitation.federationId });
    });
  }

  async revokeRole(actor: Actor | null, federationId: string, input: RevokeRoleInput): Promise<void> {
    await this.body(federationId);
    const { userId } = requirePermission(actor, Permission.AdministerCounty, federationId);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const held = await manager.getRepository(RoleAssignmentEntity).findOneBy({ userId: input.userId, federationId, role: input.role, revokedAt: IsNull() });
      if (!held) throw notFound(ErrorCode.RoleNotHeld);
      await manager.getRepository(RoleAssignmentEntity).update({ id: held.id }, { revokedAt: now });
      await audit(manager, now, { actorUserId: userId, action: 'role.revoke', subjectType: 'role_assignment', subjectId: held.id, federationId });
    });
  }

  // ---- routing rules ----

  async rules(actor: Actor | null, countyId: string): Promise<RoutingRuleView[]> {
    await this.county(actor, countyId);
    const rules = await this.dataSource
      .getRepository(RoutingRuleEntity)
      .createQueryBuilder('r')
      .where('r.region_prefix LIKE :prefix', { prefix: `${countyId}%` })
      .orderBy('r.region_prefix')
      .addOrderBy('r.category_key')
      .getMany();
    return this.ruleViews(rules);
  }

  /**
   * A rule must stay inside the county, point to an active body there, and never send a category
   * back and forth: a target inside another rule's region whose own target lies inside this rule's
   * region would make two bodies hand requests to each other.
   */
  async createRule(actor: Actor | null, countyId: string, input: RoutingRuleInput): Promise<RoutingRuleView> {
    const { userId } = await this.county(actor, countyId);
    if (!regionLevelOf(input.regionPrefix) || !isWithinRegion(input.regionPrefix, countyId) || !isWithinRegion(input.targetFederationId, countyId)) {
      throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.RoutingRuleOutsideCounty);
    }
    const target = await this.dataSource.getRepository(FederationEntity).findOneBy({ id: input.targetFederationId });
    if (!target) throw notFound(ErrorCode.FederationNotFound);
    const others = await this.dataSource
      .getRepository(RoutingRuleEntity)
      .createQueryBuilder('r')
      .where('r.region_prefix LIKE :prefix AND r.category_key = :key', { prefix: `${countyId}%`, key: input.categoryKey })
      .getMany();
    const cycle = others.some(
      (o) => o.regionPrefix !== input.regionPrefix && isWithinRegion(input.targetFederationId, o.regionPrefix) && isWithinRegion(o.targetFederationId, input.regionPrefix),
    );
    if (cycle) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.RoutingRuleCycle);
    const rule = Object.assign(new RoutingRuleEntity(), {
      id: randomUUID(),
      regionPrefix: input.regionPrefix,
      categoryKey: input.categoryKey,
      targetFederationId: input.targetFederationId,
      label: input.label?.trim() || null,
    });
    await this.dataSource.transaction(async (manager) => {
      // One rule per region and category: a new one replaces the old.
      await manager.getRepository(RoutingRuleEntity).delete({ regionPrefix: rule.regionPrefix, categoryKey: rule.categoryKey });
      await manager.getRepository(RoutingRuleEntity).insert(rule);
      await audit(manager, this.clock.now(), { actorUserId: userId, action: 'routing_rule.create', subjectType: 'routing_rule', subjectId: rule.id, federationId: countyId });
    });
    return (await this.ruleViews([rule]))[0]!;
  }

  async deleteRule(actor: Actor | null, countyId: string, ruleId: string): Promise<void> {
    const { userId } = await this.county(actor, countyId);
    await this.dataSource.transaction(async (manager) => {
      const rule = await manager.getRepository(RoutingRuleEntity).findOneBy({ id: ruleId });
      if (!rule || !isWithinRegion(rule.regionPrefix, countyId)) throw notFound(ErrorCode.RoutingRuleNotFound);
      await manager.getRepository(RoutingRuleEntity).delete({ id: ruleId });
      await audit(manager, this.clock.now(), { actorUserId: userId, action: 'routing_rule.delete', subjectType: 'routing_rule', subjectId: ruleId, federationId: countyId });
    });
  }

  /** "A 家庭暴力求助 from this village would go to …": the very routing a request then gets. */
  async preview(actor: Actor | null, countyId: string, input: RoutingPreviewInput): Promise<RoutingPreview> {
    await this.county(actor, countyId);
    if (!isWithinRegion(input.homeFederationId, countyId) || regionLevelOf(input.homeFederationId) !== RegionLevel.Village) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'homeFederationId', message: '请选择本县的一个村（社区）' }]);
    }
    const decision = await this.requests.previewRouting(input.homeFederationId, input.categoryKey);
    if (!decision.ok) return { ok: false, federationId: null, federationName: null, reason: decision.reason };
    const body = await this.body(decision.federationId);
    return { ok: true, federationId: body.id, federationName: body.name, reason: decision.reason };
  }

  // ---- steps ----

  private async body(id: string): Promise<FederationEntity> {
    const body = await this.dataSource.getRepository(FederationEntity).findOneBy({ id });
    if (!body) throw notFound(ErrorCode.FederationNotFound);
    return body;
  }

  private async county(actor: Actor | null, countyId: string): Promise<Actor> {
    if (regionLevelOf(countyId) !== RegionLevel.County) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'id', message: '受理规则按县（区）设置' }]);
    }
    await this.body(countyId);
    return requirePermission(actor, Permission.AdministerCounty, countyId);
  }

  private async ruleViews(rules: RoutingRuleEntity[]): Promise<RoutingRuleView[]> {
    const names = new Map<string, string>();
    for (const id of new Set(rules.map((r) => r.targetFederationId))) names.set(id, (await this.dataSource.getRepository(FederationEntity).findOneBy({ id }))?.name ?? '');
    return rules.map((r) => ({
      id: r.id,
      regionPrefix: r.regionPrefix,
      categoryKey: r.categoryKey,
      targetFederationId: r.targetFederationId,
      label: r.label,
      targetName: names.get(r.targetFederationId) ?? '',
    }));
  }

  private invitationView(code: string, invitation: RoleInvitationEntity, federationName: string): RoleInvitationView {
    return {
      code,
      role: invitation.role,
      federationId: invitation.federationId,
      federationName,
      inviteeName: invitation.inviteeName,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  private invalidInvitation(): AppException {
    return new AppException(HttpStatus.NOT_FOUND, ErrorCode.RoleInvitationInvalid);
  }
}

function normalised(code: string): string {
  return code.trim().toUpperCase();
}
