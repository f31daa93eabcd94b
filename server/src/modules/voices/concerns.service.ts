import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  COSIGNABLE_CONCERN_STATUSES,
  ErrorCode,
  PUBLIC_CONCERN_STATUSES,
  Permission,
  RoleKind,
  can,
  looksPersonal,
  type Actor,
  type ConcernDetail,
  type ConcernInput,
  type ConcernStatus,
  type ConcernSummary,
  type ConcernUpdateInput,
  type ConcernUpdateView,
} from '@wfh/shared';
import type { EntityManager } from 'typeorm';
import { requireActor, requirePermission } from '../../common/auth/access';
import { AppException, conflict, forbidden, notFound } from '../../common/errors/app-exception';
import { isDuplicateKey } from '../../database/duplicate-key';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { ActivitiesRepository } from '../activities/activities.repository';
import { enqueueMessages } from '../notifications/outbox';
import { RolesRepository } from '../roles/roles.repository';
import { UsersRepository } from '../users/users.repository';
import { ConcernEntity } from './concern.entity';
import { VoicesRepository } from './voices.repository';

const ANONYMOUS = '一位村民';

@Injectable()
export class ConcernsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly voices: VoicesRepository,
    private readonly users: UsersRepository,
    private readonly roles: RolesRepository,
    private readonly activities: ActivitiesRepository,
  ) {}

  // ---- her side ----

  /** She raises a concern about her own village or community; it waits for the chair to publish it. */
  async raise(actor: Actor | null, federationId: string, input: ConcernInput): Promise<ConcernDetail> {
    const { userId } = requireActor(actor);
    await this.requireHome(userId, federationId);
    if (!input.notPersonal && looksPersonal(`${input.title} ${input.description}`)) {
      throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ConcernLooksPersonal, [
        { field: 'description', message: '个人或家里的事请到“我要求助”提出；如果这是大家共同关心的事，请确认后再提交' },
      ]);
    }
    const now = this.clock.now();
    const concern = Object.assign(new ConcernEntity(), {
      id: randomUUID(),
      federationId,
      authorUserId: userId,
      showAuthorName: input.showMyName === true,
      title: input.title.trim(),
      description: input.description.trim(),
      photoUrl: input.photoUrl ?? null,
      status: 'pending' as const,
      cosignCount: 0,
      declineReason: null,
      mergedIntoId: null,
      createdAt: now,
      publishedAt: null,
      lastUpdateSeq: 0,
    });
    await this.voices.transaction(async (manager) => {
      await this.voices.insertConcern(manager, concern);
      const moderators = (await this.roles.membersOf(federationId)).filter((m) => m.role === RoleKind.Chair || m.role === RoleKind.Deputy);
      await this.tell(manager, moderators.map((m) => m.userId), 'concern.new', `new:${concern.id}`, concern, now);
    });
    return this.detail(actor, concern.id);
  }

  async cosign(actor: Actor | null, id: string): Promise<ConcernDetail> {
    const { userId } = requireActor(actor);
    const now = this.clock.now();
    await this.voices.transaction(async (manager) => {
      const concern = await this.visibleLocked(manager, actor, id);
      if (!COSIGNABLE_CONCERN_STATUSES.includes(concern.status)) throw conflict(ErrorCode.ConcernNotOpen);
      if (concern.authorUserId === userId) throw conflict(ErrorCode.OwnConcern);
      const user = await this.users.findById(userId);
      if (user?.homeFederationId !== concern.federationId) throw forbidden(ErrorCode.ConcernNotInBody);
      try {
        await this.voices.insertCosign(manager, concern.id, userId, now);
      } catch (error) {
        if (isDuplicateKey(error)) throw conflict(ErrorCode.AlreadyCosigned);
        throw error;
      }
      await this.voices.updateConcern(manager, concern.id, { cosignCount: concern.cosignCount + 1 });
    });
    return this.detail(actor, id);
  }

  async withdrawCosign(actor: Actor | null, id: string): Promise<ConcernDetail> {
    const { userId } = requireActor(actor);
    await this.voices.transaction(async (manager) => {
      const concern = await this.visibleLocked(manager, actor, id);
      if (!(await this.voices.deleteCosign(manager, concern.id, userId))) throw conflict(ErrorCode.NotCosigned);
      await this.voices.updateConcern(manager, concern.id, { cosignCount: concern.cosignCount - 1 });
    });
    return this.detail(actor, id);
  }

  async mine(actor: Actor | null): Promise<ConcernSummary[]> {
    const { userId } = requireActor(actor);
    return this.summaries(await this.voices.concernsOfAuthor(userId));
  }

  /** The public board; the body's moderators also see what waits for them and what they declined. */
  async ofBody(actor: Actor | null, federationId: string): Promise<ConcernSummary[]> {
    const moderator = can(actor, Permission.ModerateConcerns, federationId);
    const statuses: readonly ConcernStatus[] = moderator ? [...PUBLIC_CONCERN_STATUSES, 'pending', 'declined'] : PUBLIC_CONCERN_STATUSES;
    return this.summaries(await this.voices.concernsOf(federationId, statuses));
  }

  async detail(actor: Actor | null, id: string): Promise<ConcernDetail> {
    const concern = await this.voices.findConcern(id);
    if (!concern || !this.maySee(actor, concern)) throw notFound(ErrorCode.ConcernNotFound);
    const [summary] = await this.summaries([concern]);
    const updates = await this.updateViews([concern.id]);
    const isMine = actor?.userId === concern.authorUserId;
    const moderator = can(actor, Permission.ModerateConcerns, concern.federationId);
    const cosignedByMe = actor ? await this.voices.hasCosigned(concern.id, actor.userId) : false;
    const home = actor && !isMine ? (await this.users.findById(actor.userId))?.homeFederationId : null;
    const merged = concern.mergedIntoId ? await this.voices.findConcern(concern.mergedIntoId) : null;
    return {
      ...summary!,
      description: concern.description,
      photoUrl: concern.photoUrl,
      mergedInto: merged ? { id: merged.id, title: merged.title } : null,
      declineReason: isMine || moderator ? concern.declineReason : null,
      updates: updates.get(concern.id) ?? [],
      isMine,
      cosignedByMe,
      canCosign: !isMine && !cosignedByMe && home === concern.federationId && COSIGNABLE_CONCERN_STATUSES.includes(concern.status),
      canModerate: moderator,
    };
  }

  // ---- the chair's side ----

  async publish(actor: Actor | null, id: string): Promise<ConcernDetail> {
    return this.moderate(actor, id, ['pending'], async (manager, concern, now) => {
      await this.voices.updateConcern(manager, concern.id, { status: 'published', publishedAt: now });
      await this.tell(manager, [concern.authorUserId], 'concern.published', `published:${concern.id}`, concern, now);
    });
  }

  async decline(actor: Actor | null, id: string, reason: string): Promise<ConcernDetail> {
    return this.moderate(actor, id, ['pending', 'published'], async (manager, concern, now) => {
      await this.voices.updateConcern(manager, concern.id, { status: 'declined', declineReason: reason.trim() });
      await this.tell(manager, [concern.authorUserId], 'concern.declined', `declined:${concern.id}`, concern, now);
    });
  }

  /** A duplicate points to the concern it repeats; its author and co-signers count for that one now. */
  async merge(actor: Actor | null, id: string, intoId: string): Promise<ConcernDetail> {
    return this.moderate(actor, id, ['pending', 'published'], async (manager, concern, now) => {
      const target = intoId === id ? null : await this.voices.lockConcern(manager, intoId);
      if (!target || target.federationId !== concern.federationId || !COSIGNABLE_CONCERN_STATUSES.includes(target.status)) {
        throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, [
          { field: 'intoConcernId', message: '请选择本村（社区）一条已发布、还没办结的议题' },
        ]);
      }
      const supporters = [concern.authorUserId, ...(await this.voices.cosigners(manager, concern.id))];
      const existing = new Set([target.authorUserId, ...(await this.voices.cosigners(manager, target.id))]);
      for (const userId of supporters.filter((u) => !existing.has(u))) await this.voices.insertCosign(manager, target.id, userId, now);
      await this.voices.updateConcern(manager, target.id, { cosignCount: await this.voices.countCosigns(manager, target.id) });
      await this.voices.updateConcern(manager, concern.id, { status: 'merged', mergedIntoId: target.id });
      await this.tell(manager, supporters, 'concern.merged', `merged:${concern.id}`, concern, now);
    });
  }

  /** The council's answer, or a later step: the concern takes the new status and everyone behind it hears. */
  async addUpdate(actor: Actor | null, id: string, input: ConcernUpdateInput): Promise<ConcernDetail> {
    return this.moderate(actor, id, COSIGNABLE_CONCERN_STATUSES, async (manager, concern, now) => {
      if (input.meetingId) {
        const meeting = await this.activities.findById(input.meetingId);
        if (!meeting || meeting.federationId !== concern.federationId || meeting.category !== 'council') {
          throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, [
            { field: 'meetingId', message: '请选择本村（社区）的一次妇女议事会' },
          ]);
        }
      }
      const update = { id: randomUUID(), status: input.status, text: input.text.trim(), meetingId: input.meetingId ?? null, byUserId: actor!.userId, at: now };
      await this.voices.insertUpdate(manager, concern, update);
      await this.voices.updateConcern(manager, concern.id, { status: input.status });
      const audience = [concern.authorUserId, ...(await this.voices.cosigners(manager, concern.id))];
      await this.tell(manager, audience, 'concern.answered', `update:${update.id}`, concern, now);
    });
  }

  // ---- steps ----

  private async moderate(
    actor: Actor | null,
    id: string,
    from: readonly ConcernStatus[],
    work: (manager: EntityManager, concern: ConcernEntity, now: Date) => Promise<void>,
  ): Promise<ConcernDetail> {
    const now = this.clock.now();
    await this.voices.transaction(async (manager) => {
      const concern = await this.voices.lockConcern(manager, id);
      if (!concern || !this.maySee(actor, concern)) throw notFound(ErrorCode.ConcernNotFound);
      requirePermission(actor, Permission.ModerateConcerns, concern.federationId);
      if (!from.includes(concern.status)) throw conflict(ErrorCode.ConcernStateConflict);
      await work(manager, concern, now);
    });
    return this.detail(actor, id);
  }

  /** Published ones are public; pending and declined ones are between the author and the moderators. */
  private maySee(actor: Actor | null, concern: ConcernEntity): boolean {
    return (
      PUBLIC_CONCERN_STATUSES.includes(concern.status) ||
      actor?.userId === concern.authorUserId ||
      can(actor, Permission.ModerateConcerns, concern.federationId)
    );
  }

  private async visibleLocked(manager: EntityManager, actor: Actor | null, id: string): Promise<ConcernEntity> {
    const concern = await this.voices.lockConcern(manager, id);
    if (!concern || !this.maySee(actor, concern)) throw notFound(ErrorCode.ConcernNotFound);
    return concern;
  }

  private async requireHome(userId: string, federationId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (user?.homeFederationId !== federationId) throw forbidden(ErrorCode.ConcernNotInBody);
  }

  /** Each person hears once per change; the wording names the concern's title, never who raised it. */
  private async tell(manager: EntityManager, userIds: string[], topic: string, change: string, concern: ConcernEntity, now: Date): Promise<void> {
    const title = concern.title.length > 10 ? `${concern.title.slice(0, 9)}…` : concern.title;
    await enqueueMessages(
      manager,
      now,
      [...new Set(userIds)].map((recipientUserId) => ({
        recipientUserId,
        topic,
        dedupeKey: `concern:${change}:${recipientUserId}`,
        payload: { concernId: concern.id, title },
        urgent: false,
      })),
    );
  }

  async summaries(concerns: ConcernEntity[]): Promise<ConcernSummary[]> {
    const updates = await this.updateViews(concerns.map((c) => c.id));
    // One read for the names of the authors who chose to show theirs.
    const names = await this.activities.namesOf('user', concerns.filter((c) => c.showAuthorName).map((c) => c.authorUserId));
    return concerns.map((c) => ({
      id: c.id,
      federationId: c.federationId,
      title: c.title,
      status: c.status,
      cosignCount: c.cosignCount,
      authorLabel: (c.showAuthorName && names.get(c.authorUserId)) || ANONYMOUS,
      createdAt: c.createdAt.toISOString(),
      latestUpdate: updates.get(c.id)?.at(-1) ?? null,
    }));
  }

  private async updateViews(concernIds: string[]): Promise<Map<string, ConcernUpdateView[]>> {
    const rows = await this.voices.updatesOf(concernIds);
    const meetings = await this.activities.byIds([...new Set(rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])))]);
    const titles = new Map(meetings.map((m) => [m.id, m.title]));
    const byConcern = new Map<string, ConcernUpdateView[]>();
    for (const r of rows) {
      const list = byConcern.get(r.concernId) ?? [];
      list.push({ id: r.id, status: r.status, text: r.text, meetingId: r.meetingId, meetingTitle: r.meetingId ? (titles.get(r.meetingId) ?? null) : null, at: r.at.toISOString() });
      byConcern.set(r.concernId, list);
    }
    return byConcern;
  }
}
