import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ACTIVITY_LIMITS,
  ErrorCode,
  Permission,
  RegionLevel,
  can,
  distanceMetres,
  parentRegionCode,
  publicSeatsLeft,
  regionLevelOf,
  type ActivitiesQuery,
  type ActivityDetail,
  type ActivityInput,
  type ActivitySummary,
  type Actor,
  type FieldError,
  type UpdateActivityInput,
} from '@wfh/shared';
import type { EntityManager } from 'typeorm';
import { requirePermission } from '../../common/auth/access';
import { AppException, badRequest, conflict, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { FederationsRepository } from '../federations/federations.repository';
import { SitesRepository } from '../sites/sites.repository';
import { ActivitiesRepository } from './activities.repository';
import { ActivityEntity } from './activity.entity';
import { notifyHolders, notifyPromoted, scheduleReminders, withdrawReminders } from './activity-messages';
import { toActivitySummary, type ActivityNames } from './activity-view';
import { CheckInCodes } from './check-in-codes';
import { SignupViews } from './signup-views';

const DISCOVERY = { radiusMetres: 30_000, maxRadiusMetres: 100_000, limit: 20, maxLimit: 50 } as const;
const METRES_PER_DEGREE_LATITUDE = 111_320;

/** The fields whose change she must hear about: when and where. */
const TIME_OR_PLACE: (keyof ActivityEntity)[] = ['startsAt', 'endsAt', 'siteId', 'address', 'latitude', 'longitude'];

interface Schedule {
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
}

function scheduleProblems(s: Schedule): FieldError[] {
  const problems: FieldError[] = [];
  if (s.endsAt.getTime() <= s.startsAt.getTime()) problems.push({ field: 'endsAt', message: '结束时间要晚于开始时间' });
  if (s.signupClosesAt.getTime() <= s.signupOpensAt.getTime()) problems.push({ field: 'signupClosesAt', message: '报名截止时间要晚于报名开始时间' });
  if (s.signupClosesAt.getTime() > s.startsAt.getTime()) problems.push({ field: 'signupClosesAt', message: '报名要在活动开始前截止' });
  return problems;
}

@Injectable()
export class ActivitiesService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly activities: ActivitiesRepository,
    private readonly federations: FederationsRepository,
    private readonly sites: SitesRepository,
    private readonly signupViews: SignupViews,
    private readonly codes: CheckInCodes,
  ) {}

  // ---- the body's side ----

  async create(actor: Actor | null, federationId: string, input: ActivityInput): Promise<ActivityDetail> {
    const body = await this.federations.findById(federationId);
    if (!body) throw notFound(ErrorCode.FederationNotFound);
    const { userId } = requirePermission(actor, Permission.ManageActivities, federationId);
    const place = await this.placeOf(federationId, input);
    const activity = Object.assign(new ActivityEntity(), {
      id: randomUUID(),
      federationId,
      title: input.title.trim(),
      description: input.description.trim(),
      category: input.category,
      ...place,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      signupOpensAt: new Date(input.signupOpensAt),
      signupClosesAt: new Date(input.signupClosesAt),
      capacity: input.capacity,
      reservedSeats: input.reservedSeats ?? 0,
      publicTaken: 0,
      reservedTaken: 0,
      signupSeq: 0,
      relativesAllowed: input.relativesAllowed ?? false,
      status: 'draft' as const,
      cancelReason: null,
      createdBy: userId,
      publishedAt: null,
      createdAt: this.clock.now(),
      updatedAt: this.clock.now(),
    });
    this.checkSeatsAndSchedule(activity);
    await this.activities.transaction((manager) => this.activities.insert(manager, activity));
    return this.detail(actor, activity.id);
  }

  async update(actor: Actor | null, id: string, input: UpdateActivityInput): Promise<ActivityDetail> {
    const now = this.clock.now();
    await this.activities.transaction(async (manager) => {
      const activity = await this.managed(actor, await this.activities.lockById(manager, id));
      if (activity.status === 'cancelled' || (activity.status === 'published' && activity.endsAt <= now)) {
        throw conflict(ErrorCode.ActivityNotEditable);
      }
      const before = { ...activity };
      const placeGiven = input.siteId !== undefined || input.address !== undefined || input.latitude !== undefined || input.longitude !== undefined;
      const place = placeGiven ? await this.placeOf(activity.federationId, { ...input, siteId: input.siteId ?? null }) : {};
      Object.assign(activity, {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...place,
        ...(input.startsAt !== undefined ? { startsAt: new Date(input.startsAt) } : {}),
        ...(input.endsAt !== undefined ? { endsAt: new Date(input.endsAt) } : {}),
        ...(input.signupOpensAt !== undefined ? { signupOpensAt: new Date(input.signupOpensAt) } : {}),
        ...(input.signupClosesAt !== undefined ? { signupClosesAt: new Date(input.signupClosesAt) } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        ...(input.reservedSeats !== undefined ? { reservedSeats: input.reservedSeats } : {}),
        ...(input.relativesAllowed !== undefined ? { relativesAllowed: input.relativesAllowed } : {}),
      });
      this.checkSeatsAndSchedule(activity);
      await this.activities.save(manager, activity);

      if (activity.status !== 'published') return;
      const moved = TIME_OR_PLACE.some((field) => String(before[field]) !== String(activity[field]));
      if (moved) {
        const holders = await this.activities.activeOwnersOf(manager, activity.id);
        await notifyHolders(manager, activity, holders, 'activity.changed', now);
        if (before.startsAt.getTime() !== activity.startsAt.getTime()) {
          await withdrawReminders(manager, activity.id);
          for (const seat of holders.filter((s) => s.state === 'confirmed')) await scheduleReminders(manager, activity, seat, now);
        }
      }
      await this.promoteWhileSeatsLeft(manager, activity, now);
    });
    await this.settleAfterSeatsFreed(id);
    return this.detail(actor, id);
  }

  async publish(actor: Actor | null, id: string): Promise<ActivityDetail> {
    const now = this.clock.now();
    await this.activities.transaction(async (manager) => {
      const activity = await this.managed(actor, await this.activities.lockById(manager, id));
      if (activity.status === 'published') return;
      if (activity.status === 'cancelled') throw conflict(ErrorCode.ActivityNotEditable);
      if (activity.startsAt <= now) throw badRequest(ErrorCode.ValidationFailed, [{ field: 'startsAt', message: '活动开始时间已经过了，请先修改时间再发布' }]);
      activity.status = 'published';
      activity.publishedAt = now;
      await this.activities.save(manager, activity);
    });
    return this.detail(actor, id);
  }

  async cancel(actor: Actor | null, id: string, reason: string): Promise<ActivityDetail> {
    const now = this.clock.now();
    await this.activities.transaction(async (manager) => {
      const activity = await this.managed(actor, await this.activities.lockById(manager, id));
      if (activity.status === 'cancelled') return;
      if (activity.status === 'published' && activity.endsAt <= now) throw conflict(ErrorCode.ActivityNotEditable);
      const wasPublished = activity.status === 'published';
      activity.status = 'cancelled';
      activity.cancelReason = reason.trim();
      await this.activities.save(manager, activity);
      if (!wasPublished) return;
      // Pending "time changed" messages and every reminder are no longer true; the cancellation is.
      await withdrawReminders(manager, activity.id);
      await notifyHolders(manager, activity, await this.activities.activeOwnersOf(manager, activity.id), 'activity.cancelled', now);
    });
    return this.detail(actor, id);
  }

  async ofBody(actor: Actor | null, federationId: string): Promise<ActivitySummary[]> {
    if (!(await this.federations.findById(federationId))) throw notFound(ErrorCode.FederationNotFound);
    requirePermission(actor, Permission.ManageActivities, federationId);
    return this.summaries(await this.activities.ofBody(federationId));
  }

  // ---- her side ----

  async discover(query: ActivitiesQuery): Promise<ActivitySummary[]> {
    const now = this.clock.now();
    const limit = Math.min(query.limit ?? DISCOVERY.limit, DISCOVERY.maxLimit);
    const found = new Map<string, { activity: ActivityEntity; distance: number | null }>();
    const point = query.latitude !== undefined && query.longitude !== undefined ? { latitude: query.latitude, longitude: query.longitude } : null;
    if (!point && !query.federationId) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'latitude', message: '请允许使用位置，或先选择您所在的村（社区）' }]);
    }
    if (point) {
      const radius = Math.min(query.radiusMetres ?? DISCOVERY.radiusMetres, DISCOVERY.maxRadiusMetres);
      const dLat = radius / METRES_PER_DEGREE_LATITUDE;
      const dLng = radius / (METRES_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos((point.latitude * Math.PI) / 180)));
      const box = { south: point.latitude - dLat, north: point.latitude + dLat, west: point.longitude - dLng, east: point.longitude + dLng };
      for (const activity of await this.activities.upcomingInBox(box, now, query.category, DISCOVERY.maxLimit * 4)) {
        const distance = distanceMetres(point, activity);
        if (distance <= radius) found.set(activity.id, { activity, distance });
      }
    }
    if (query.federationId) {
      const bodies = [query.federationId];
      const parent = parentRegionCode(query.federationId);
      if (regionLevelOf(query.federationId) === RegionLevel.Village && parent) bodies.push(parent);
      for (const activity of await this.activities.upcomingOf(bodies, now, query.category, limit)) {
        if (!found.has(activity.id)) found.set(activity.id, { activity, distance: point ? distanceMetres(point, activity) : null });
      }
    }
    const ordered = [...found.values()]
      .sort((a, b) => a.activity.startsAt.getTime() - b.activity.startsAt.getTime() || (a.distance ?? 0) - (b.distance ?? 0))
      .slice(0, limit);
    const names = await this.namesFor(ordered.map((o) => o.activity));
    return ordered.map((o) => toActivitySummary(o.activity, names, now, o.distance));
  }

  /** Drafts are seen by the body's managers only; to everyone else they do not exist. */
  async detail(actor: Actor | null, id: string): Promise<ActivityDetail> {
    const activity = await this.activities.findById(id);
    const canManage = activity !== null && can(actor, Permission.ManageActivities, activity.federationId);
    if (!activity || (activity.status === 'draft' && !canManage)) throw notFound(ErrorCode.ActivityNotFound);
    const now = this.clock.now();
    const names = await this.namesFor([activity]);
    const mine = actor ? await this.activities.ownerSignupsFor(actor.userId, activity.id) : [];
    return {
      ...toActivitySummary(activity, names, now),
      description: activity.description,
      reservedSeats: activity.reservedSeats,
      reservedTaken: activity.reservedTaken,
      confirmedCount: activity.publicTaken + activity.reservedTaken,
      relativesAllowed: activity.relativesAllowed,
      cancelReason: activity.cancelReason,
      mySignups: await this.signupViews.forOwner(mine.filter((s) => s.state !== 'cancelled')),
      canManage,
    };
  }

  // ---- shared steps ----

  /**
   * Promotes women waiting while public seats are left, under the activity's row lock; called after
   * a commit that freed a seat or added a woman to the list, when a read without the lock suggests
   * there is something to do (waiting-list joins do not take that lock, so neither side alone sees
   * both the free seat and the woman waiting).
   */
  async settleWaitlist(activityId: string): Promise<void> {
    await this.activities.transaction(async (manager) => {
      const activity = await this.activities.lockById(manager, activityId);
      if (activity) await this.promoteWhileSeatsLeft(manager, activity, this.clock.now());
    });
  }

  /**
   * After a commit that freed public seats (a cancellation, more capacity, fewer reserved): a woman who joined the waiting list while it was being
   * freed was not seen by its promotion (her INSERT takes no lock the promotion waits for), so the
   * list is looked at again, without a lock, and settled under it when someone waits for a free seat.
   */
  async settleAfterSeatsFreed(activityId: string): Promise<void> {
    const activity = await this.activities.findById(activityId);
    if (!activity || activity.status !== 'published') return;
    if (publicSeatsLeft({ capacity: activity.capacity, reserved: activity.reservedSeats, publicTaken: activity.publicTaken }) === 0) return;
    if (await this.activities.anyoneWaiting(activityId)) await this.settleWaitlist(activityId);
  }

  /** Raising the capacity (or a freed seat) lets the first women waiting in, in order. */
  async promoteWhileSeatsLeft(manager: EntityManager, activity: ActivityEntity, now: Date): Promise<void> {
    if (activity.status !== 'published' || activity.startsAt <= now) return;
    let left = publicSeatsLeft({ capacity: activity.capacity, reserved: activity.reservedSeats, publicTaken: activity.publicTaken });
    while (left > 0) {
      const next = await this.activities.firstWaiting(manager, activity.id);
      if (!next) return;
      // Her ticket gives way to the next seat number, and with it her check-in code.
      const seq = await this.activities.takePublicSeat(manager, activity.id);
      if (seq === null) return;
      const shortCode = this.codes.shortCodeFor(activity.id, seq);
      await this.activities.updateSignup(manager, next.id, { state: 'confirmed', promotedAt: now, seq, shortCode });
      activity.publicTaken += 1;
      Object.assign(next, { state: 'confirmed', promotedAt: now, seq, shortCode });
      await notifyPromoted(manager, activity, next, now);
      await scheduleReminders(manager, activity, next, now);
      left -= 1;
    }
  }

  private async managed(actor: Actor | null, activity: ActivityEntity | null): Promise<ActivityEntity> {
    if (!activity || !can(actor, Permission.ManageActivities, activity.federationId)) throw notFound(ErrorCode.ActivityNotFound);
    return activity;
  }

  private checkSeatsAndSchedule(activity: ActivityEntity): void {
    const problems = scheduleProblems(activity);
    if (activity.reservedSeats > activity.capacity) problems.push({ field: 'reservedSeats', message: '预留名额不能多于总名额' });
    if (problems.length > 0) throw badRequest(ErrorCode.ValidationFailed, problems);
    const publicTakenFits = activity.publicTaken <= activity.capacity - activity.reservedSeats;
    if (!publicTakenFits || activity.reservedTaken > activity.reservedSeats) {
      const taken = activity.publicTaken + activity.reservedTaken;
      throw new AppException(422, ErrorCode.CapacityBelowTaken, [
        { field: 'capacity', message: `已经有${taken}人报名成功（其中预留名额${activity.reservedTaken}人），名额不能少于这个数` },
      ]);
    }
  }

  /** At one of the body's own sites (its address and location copied), or at a free address. */
  private async placeOf(
    federationId: string,
    input: Pick<ActivityInput, 'siteId' | 'address' | 'latitude' | 'longitude'>,
  ): Promise<Pick<ActivityEntity, 'siteId' | 'address' | 'latitude' | 'longitude'>> {
    if (input.siteId) {
      const site = await this.sites.findById(input.siteId);
      if (!site || site.federationId !== federationId || !site.active) {
        throw badRequest(ErrorCode.ValidationFailed, [{ field: 'siteId', message: '请选择本组织的妇女之家或活动场所' }]);
      }
      return { siteId: site.id, address: site.address, latitude: site.latitude, longitude: site.longitude };
    }
    if (!input.address?.trim()) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'address', message: '请填写活动地址，或选择一个妇女之家' }]);
    }
    const located = input.latitude !== undefined && input.latitude !== null && input.longitude !== undefined && input.longitude !== null;
    // Without a point on the map (H5 has no map picker), the activity is found near the body itself.
    const point = located ? { latitude: input.latitude!, longitude: input.longitude! } : await this.locationOfBody(federationId);
    if (!point) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'latitude', message: '请在地图上选择活动地点，或选择一个妇女之家' }]);
    }
    return { siteId: null, address: input.address.trim().slice(0, ACTIVITY_LIMITS.address), ...point };
  }

  /** The body's office, else one of its sites: where women nearby will look for its activities. */
  private async locationOfBody(federationId: string): Promise<{ latitude: number; longitude: number } | null> {
    const body = await this.federations.findById(federationId);
    if (body?.latitude != null && body.longitude != null) return { latitude: body.latitude, longitude: body.longitude };
    const site = (await this.sites.visibleSitesOf(federationId, true))[0];
    return site ? { latitude: site.latitude, longitude: site.longitude } : null;
  }

  async namesFor(activities: ActivityEntity[]): Promise<ActivityNames> {
    const [federations, sites, waitlists] = await Promise.all([
      this.activities.namesOf('federation', activities.map((a) => a.federationId)),
      this.activities.namesOf('site', activities.flatMap((a) => (a.siteId ? [a.siteId] : []))),
      this.activities.waitlistLengths(activities.map((a) => a.id)),
    ]);
    return { federations, sites, waitlists };
  }

  async summaries(activities: ActivityEntity[]): Promise<ActivitySummary[]> {
    const names = await this.namesFor(activities);
    const now = this.clock.now();
    return activities.map((a) => toActivitySummary(a, names, now));
  }
}
