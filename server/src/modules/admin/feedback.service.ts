import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import {
  ErrorCode,
  Permission,
  RegionLevel,
  RoleKind,
  can,
  regionLevelOf,
  type Actor,
  type FeedbackInput,
  type FeedbackView,
} from '@wfh/shared';
import { requireActor, requirePermission } from '../../common/auth/access';
import { badRequest, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { audit } from '../audit/audit';
import { FederationEntity } from '../federations/federation.entity';
import { enqueueMessages } from '../notifications/outbox';
import { RoleAssignmentEntity } from '../roles/role-assignment.entity';
import { FeedbackEntity } from './feedback.entity';

const COUNTY_CODE_LENGTH = 6;

/** 投诉建议: what women say about the service itself goes to their county's admins, who answer her. */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cipher: FieldCipher,
  ) {}

  async submit(actor: Actor | null, input: FeedbackInput): Promise<FeedbackView> {
    const { userId } = requireActor(actor);
    const level = regionLevelOf(input.federationId);
    const body = await this.dataSource.getRepository(FederationEntity).findOneBy({ id: input.federationId });
    if (!body || level === null || level === RegionLevel.Province || level === RegionLevel.City) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'federationId', message: '请选择您所在的村（社区）或要反映的妇联组织' }]);
    }
    const now = this.clock.now();
    const countyId = input.federationId.slice(0, COUNTY_CODE_LENGTH);
    const feedback = Object.assign(new FeedbackEntity(), {
      id: randomUUID(),
      kind: input.kind,
      federationId: input.federationId,
      countyId,
      authorUserId: userId,
      textEnc: this.cipher.encrypt(input.text.trim()),
      contactEnc: input.contactPhone ? this.cipher.encrypt(input.contactPhone.trim()) : null,
      status: 'open' as const,
      replyEnc: null,
      createdAt: now,
      answeredAt: null,
      answeredBy: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into(FeedbackEntity).values(feedback).updateEntity(false).execute();
      const admins = await manager.getRepository(RoleAssignmentEntity).find({ where: { federationId: countyId, role: RoleKind.Admin }, select: { userId: true, revokedAt: true } });
      await enqueueMessages(
        manager,
        now,
        admins.filter((a) => a.revokedAt === null).map((a) => ({
          recipientUserId: a.userId,
          topic: 'feedback.new',
          dedupeKey: `feedback:new:${feedback.id}:${a.userId}`,
          payload: {},
          urgent: false,
        })),
      );
    });
    return (await this.views([feedback]))[0]!;
  }

  async mine(actor: Actor | null): Promise<FeedbackView[]> {
    const { userId } = requireActor(actor);
    return this.views(await this.dataSource.getRepository(FeedbackEntity).find({ where: { authorUserId: userId }, order: { createdAt: 'DESC' }, take: 100 }));
  }

  async ofCounty(actor: Actor | null, countyId: string): Promise<FeedbackView[]> {
    this.requireCountyAdmin(actor, countyId);
    return this.views(await this.dataSource.getRepository(FeedbackEntity).find({ where: { countyId }, order: { createdAt: 'DESC' }, take: 200 }));
  }

  async reply(actor: Actor | null, id: string, reply: string): Promise<FeedbackView> {
    const now = this.clock.now();
    const feedback = await this.dataSource.getRepository(FeedbackEntity).findOneBy({ id });
    if (!feedback) throw notFound(ErrorCode.FeedbackNotFound);
    const { userId } = requireActor(actor);
    // Another county's feedback is not found, not forbidden: its existence is not for others to know.
    if (!can(actor, Permission.AdministerCounty, feedback.countyId)) throw notFound(ErrorCode.FeedbackNotFound);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(FeedbackEntity).update({ id }, { status: 'answered', replyEnc: this.cipher.encrypt(reply.trim()), answeredAt: now, answeredBy: userId });
      await audit(manager, now, { actorUserId: userId, action: 'feedback.reply', subjectType: 'feedback', subjectId: id, federationId: feedback.countyId });
      await enqueueMessages(manager, now, [
        { recipientUserId: feedback.authorUserId, topic: 'feedback.answered', dedupeKey: `feedback:answered:${id}:${now.getTime()}`, payload: {}, urgent: false },
      ]);
    });
    return (await this.views([(await this.dataSource.getRepository(FeedbackEntity).findOneBy({ id }))!]))[0]!;
  }

  private requireCountyAdmin(actor: Actor | null, countyId: string): Actor {
    if (regionLevelOf(countyId) !== RegionLevel.County) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'id', message: '投诉建议按县（区）查看' }]);
    }
    return requirePermission(actor, Permission.AdministerCounty, countyId);
  }

  private async views(rows: FeedbackEntity[]): Promise<FeedbackView[]> {
    const bodies = rows.length
      ? await this.dataSource.getRepository(FederationEntity).find({ where: { id: In([...new Set(rows.map((r) => r.federationId))]) }, select: { id: true, name: true } })
      : [];
    const names = new Map(bodies.map((b) => [b.id, b.name]));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      federationId: r.federationId,
      federationName: names.get(r.federationId) ?? '',
      text: this.cipher.decrypt(r.textEnc),
      status: r.status,
      reply: r.replyEnc ? this.cipher.decrypt(r.replyEnc) : null,
      createdAt: r.createdAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
    }));
  }
}
