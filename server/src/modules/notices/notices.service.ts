import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Permission,
  ancestorRegionCodes,
  can,
  isWithinRegion,
  type Actor,
  type ManagedNotice,
  type NoticeInput,
  type NoticePublishInput,
  type NoticeReach,
  type NoticeReachRow,
  type NoticeState,
  type NoticeSummary,
  type NoticeUpdateInput,
  type NoticeView,
} from '@wfh/shared';
import type { EntityManager } from 'typeorm';
import { requireActor, requirePermission } from '../../common/auth/access';
import { AppException, conflict, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { audit, type AuditEntry } from '../audit/audit';
import { FederationsRepository } from '../federations/federations.repository';
import { UsersRepository } from '../users/users.repository';
import { NoticeEntity } from './notice.entity';
import { hasWords, noticeBodyHtml, noticeLinks } from './notice-html';
import { NoticesRepository } from './notices.repository';

/** A notice may be scheduled up to a year ahead: further is a typing mistake more often than a plan. */
const LONGEST_SCHEDULE_MS = 366 * 24 * 3600_000;

@Injectable()
export class NoticesService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly notices: NoticesRepository,
    private readonly federations: FederationsRepository,
    private readonly users: UsersRepository,
  ) {}

  // ---- a woman's side ----

  /** Her village's notices and those of every body above it that are out now, newest first. */
  async mine(actor: Actor | null): Promise<NoticeSummary[]> {
    const { userId } = requireActor(actor);
    const home = (await this.users.findById(userId))?.homeFederationId ?? null;
    if (!home) return [];
    const rows = await this.notices.visibleFrom([...ancestorRegionCodes(home), home], this.clock.now(), userId);
    const names = await this.namesOf(rows.map((r) => r.notice.federationId));
    return rows.map(({ notice, read }) => ({
      id: notice.id,
      kind: notice.kind,
      title: notice.title,
      federationId: notice.federationId,
      federationName: names.get(notice.federationId) ?? '',
      publishedAt: notice.publishAt!.toISOString(),
      unread: !read,
    }));
  }

  /**
   * A notice that is out is public, signed in or not: it is the body's public word, and a card shared
   * in a chat must open for whoever taps it. Anything else is its managers' alone (404 to others).
   * Opening it counts towards reach when the reader lives under the body that published it.
   */
  async detail(actor: Actor | null, id: string): Promise<NoticeView> {
    const notice = await this.notices.find(id);
    const now = this.clock.now();
    if (!notice) throw notFound(ErrorCode.NoticeNotFound);
    const manager = can(actor, Permission.PublishNotices, notice.federationId);
    const state = stateNow(notice, now);
    if (state !== 'published' && !manager) throw notFound(ErrorCode.NoticeNotFound);
    if (actor && state === 'published') {
      const home = (await this.users.findById(actor.userId))?.homeFederationId;
      if (home && isWithinRegion(home, notice.federationId)) await this.notices.markRead(notice.id, actor.userId, home, now);
    }
    return this.view(notice, now, manager);
  }

  // ---- the body's side ----

  async ofBody(actor: Actor | null, federationId: string): Promise<ManagedNotice[]> {
    await this.requireBody(federationId);
    requirePermission(actor, Permission.PublishNotices, federationId);
    const now = this.clock.now();
    const list = await this.notices.ofBody(federationId);
    const opened = new Map<string, number>();
    for (const row of await this.notices.openedByBody(list.map((n) => n.id))) opened.set(row.noticeId, (opened.get(row.noticeId) ?? 0) + row.n);
    return list.map((n) => {
      const state = stateNow(n, now);
      return {
        id: n.id,
        kind: n.kind,
        title: n.title,
        state,
        publishedAt: n.publishAt?.toISOString() ?? null,
        withdrawnAt: n.withdrawnAt?.toISOString() ?? null,
        updatedAt: n.updatedAt.toISOString(),
        opened: opened.get(n.id) ?? 0,
      };
    });
  }

  async create(actor: Actor | null, federationId: string, input: NoticeInput): Promise<NoticeView> {
    await this.requireBody(federationId);
    const { userId } = requirePermission(actor, Permission.PublishNotices, federationId);
    const now = this.clock.now();
    const bodyFormat = input.bodyFormat ?? 'text';
    const notice = Object.assign(new NoticeEntity(), {
      id: randomUUID(),
      federationId,
      kind: input.kind,
      title: input.title.trim(),
      bodySource: input.body,
      bodyFormat,
      bodyHtml: this.sanitised(input.body, bodyFormat),
      state: 'draft' as const,
      publishAt: null,
      withdrawnAt: null,
      authorUserId: userId,
      createdAt: now,
      updatedAt: now,
    });
    await this.notices.transaction(async (manager) => {
      await this.notices.insert(manager, notice);
      await this.audit(manager, now, userId, 'notice.create', notice);
    });
    return this.view(notice, now, true);
  }

  /** Drafts and notices not out yet can change; one that is out is withdrawn and written anew. */
  async update(actor: Actor | null, id: string, input: NoticeUpdateInput): Promise<NoticeView> {
    return this.change(actor, id, async (manager, notice, now, userId) => {
      const state = stateNow(notice, now);
      if (state !== 'draft' && state !== 'scheduled') throw conflict(ErrorCode.NoticeNotEditable);
      const bodyFormat = input.bodyFormat ?? notice.bodyFormat;
      const body = input.body ?? notice.bodySource;
      const changes: Partial<NoticeEntity> = {
        kind: input.kind ?? notice.kind,
        title: input.title?.trim() ?? notice.title,
        bodySource: body,
        bodyFormat,
        bodyHtml: input.body !== undefined || input.bodyFormat !== undefined ? this.sanitised(body, bodyFormat) : notice.bodyHtml,
        updatedAt: now,
      };
      await this.notices.update(manager, notice.id, changes);
      await this.audit(manager, now, userId, 'notice.edit', notice);
      return Object.assign(notice, changes);
    });
  }

  /** Now, or at a time to come (scheduled); a scheduled one may be moved or sent out at once. */
  async publish(actor: Actor | null, id: string, input: NoticePublishInput): Promise<NoticeView> {
    return this.change(actor, id, async (manager, notice, now, userId) => {
      const state = stateNow(notice, now);
      if (state === 'published') throw conflict(ErrorCode.NoticeStateConflict, '这条通知已经发布了，不用再发');
      if (state === 'withdrawn') throw conflict(ErrorCode.NoticeStateConflict, '撤回的通知不能再发布。要再发的话，请重新写一条');
      const at = input.publishAt ? new Date(input.publishAt) : null;
      if (at && at.getTime() <= now.getTime()) throw publishAtError('定时发布的时间要晚于现在。要马上发，请点「马上发布」');
      if (at && at.getTime() - now.getTime() > LONGEST_SCHEDULE_MS) throw publishAtError('定时发布最多提前一年，请检查日期');
      const changes: Partial<NoticeEntity> = { state: at ? 'scheduled' : 'published', publishAt: at ?? now, updatedAt: now };
      await this.notices.update(manager, notice.id, changes);
      await this.audit(manager, now, userId, at ? 'notice.schedule' : 'notice.publish', notice);
      return Object.assign(notice, changes);
    });
  }

  /** Out of every woman's list at once; a scheduled one never goes out. */
  async withdraw(actor: Actor | null, id: string): Promise<NoticeView> {
    return this.change(actor, id, async (manager, notice, now, userId) => {
      const state = stateNow(notice, now);
      if (state === 'withdrawn') throw conflict(ErrorCode.NoticeStateConflict, '这条通知已经撤回了');
      if (state === 'draft') throw conflict(ErrorCode.NoticeStateConflict, '草稿还没有发布，不用撤回');
      const changes: Partial<NoticeEntity> = { state: 'withdrawn', withdrawnAt: now, updatedAt: now };
      await this.notices.update(manager, notice.id, changes);
      await this.audit(manager, now, userId, 'notice.withdraw', notice);
      return Object.assign(notice, changes);
    });
  }

  /**
   * How many women of each body directly under the publisher opened it, against the women each
   * registers: counts only, never who. Her body is the one she lived in when she opened it.
   */
  async reach(actor: Actor | null, id: string): Promise<NoticeReach> {
    const notice = await this.notices.find(id);
    const now = this.clock.now();
    if (!notice || (stateNow(notice, now) !== 'published' && !can(actor, Permission.PublishNotices, notice.federationId))) {
      throw notFound(ErrorCode.NoticeNotFound);
    }
    requirePermission(actor, Permission.PublishNotices, notice.federationId);
    const [opened, registered, children, body] = await Promise.all([
      this.notices.openedByBody([notice.id]),
      this.notices.registeredUnder(notice.federationId),
      this.notices.childrenOf(notice.federationId),
      this.federations.findById(notice.federationId),
    ]);
    const row = (federationId: string, name: string): NoticeReachRow => {
      const within = (code: string) => code.startsWith(federationId);
      const registeredHere = registered.filter((r) => within(r.federationId));
      const openedHere = opened.filter((r) => within(r.federationId)).reduce((sum, r) => sum + r.n, 0);
      const women = registeredHere.length > 0 ? registeredHere.reduce((sum, r) => sum + r.n, 0) : null;
      return { federationId, name, opened: openedHere, registered: women, rate: women ? Math.min(1, openedHere / women) : null };
    };
    return {
      noticeId: notice.id,
      total: row(notice.federationId, body?.name ?? ''),
      bodies: children.map((c) => row(c.id, c.name)),
    };
  }

  // ---- steps ----

  private async change(
    actor: Actor | null,
    id: string,
    work: (manager: EntityManager, notice: NoticeEntity, now: Date, userId: string) => Promise<NoticeEntity>,
  ): Promise<NoticeView> {
    const now = this.clock.now();
    const notice = await this.notices.transaction(async (manager) => {
      const locked = await this.notices.lock(manager, id);
      if (!locked) throw notFound(ErrorCode.NoticeNotFound);
      // Someone who may not manage it learns only what anyone may: that a notice that is out exists.
      if (!can(actor, Permission.PublishNotices, locked.federationId) && stateNow(locked, now) !== 'published') {
        requireActor(actor);
        throw notFound(ErrorCode.NoticeNotFound);
      }
      const { userId } = requirePermission(actor, Permission.PublishNotices, locked.federationId);
      return work(manager, locked, now, userId);
    });
    return this.view(notice, now, true);
  }

  private sanitised(body: string, format: 'text' | 'html'): string {
    const html = noticeBodyHtml(body, format);
    if (!hasWords(html)) {
      throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, [{ field: 'body', message: '请写上通知的内容' }]);
    }
    return html;
  }

  private async requireBody(federationId: string): Promise<void> {
    if (!(await this.federations.findById(federationId))) throw notFound(ErrorCode.FederationNotFound);
  }

  private audit(manager: EntityManager, at: Date, actorUserId: string, action: AuditEntry['action'], notice: NoticeEntity): Promise<void> {
    return audit(manager, at, { actorUserId, action, subjectType: 'notice', subjectId: notice.id, federationId: notice.federationId });
  }

  private async namesOf(federationIds: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(federationIds)) names.set(id, (await this.federations.findById(id))?.name ?? '');
    return names;
  }

  private async view(notice: NoticeEntity, now: Date, manager: boolean): Promise<NoticeView> {
    const names = await this.namesOf([notice.federationId]);
    return {
      id: notice.id,
      kind: notice.kind,
      title: notice.title,
      federationId: notice.federationId,
      federationName: names.get(notice.federationId) ?? '',
      bodyHtml: notice.bodyHtml,
      links: noticeLinks(notice.bodyHtml),
      state: stateNow(notice, now),
      publishedAt: notice.publishAt?.toISOString() ?? null,
      withdrawnAt: notice.withdrawnAt?.toISOString() ?? null,
      source: manager ? { body: notice.bodySource, bodyFormat: notice.bodyFormat } : null,
      canManage: manager,
    };
  }
}

/** The state as it is now: a scheduled notice is out once its time has come. */
export function stateNow(notice: Pick<NoticeEntity, 'state' | 'publishAt'>, now: Date): NoticeState {
  if (notice.state === 'scheduled' && notice.publishAt && notice.publishAt.getTime() <= now.getTime()) return 'published';
  return notice.state;
}

function publishAtError(message: string): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, [{ field: 'publishAt', message }]);
}
