import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Permission,
  Rating,
  STATS_LIMITS,
  regionLevelOf,
  shanghaiDate,
  shanghaiWallClock,
  type Actor,
  type BodyStats,
  type CategoryCount,
  type PublicBodyStats,
  type RegionLevel,
  type StatsQuery,
  type SubtreeStats,
  type WeekStats,
} from '@wfh/shared';
import { requirePermission } from '../../common/auth/access';
import { badRequest, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { FederationsRepository } from '../federations/federations.repository';
import { RequestsRepository } from '../requests/requests.repository';
import { median, percentile, share } from './percentiles';
import { StatsRepository, type RequestStatRow } from './stats.repository';

const DAY_MS = 24 * 3600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Start of a Shanghai local date, as an instant. */
function startOfDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`));
}

/** YYYY-MM-DD naming a day that exists (not 2月30日). */
function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/** Monday of the Shanghai week an instant falls in, as YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const local = shanghaiWallClock(at);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

const truthy = (v: number | boolean | null) => v === true || v === 1 || (v as unknown) === '1';
const count = (v: number | string | null | undefined) => Number(v ?? 0);

/** Everything one group of requests adds up to; bodies, weeks and the total are each one. */
class Tally {
  received = 0;
  firstMinutes: number[] = [];
  resolutionMinutes: number[] = [];
  firstOnTime = 0;
  resolvedOnTime = 0;
  escalations = 0;
  rated = 0;
  satisfied = 0;
  helped = 0;

  add(row: RequestStatRow): void {
    this.received += 1;
    if (row.firstResponseMinutes !== null) {
      this.firstMinutes.push(Number(row.firstResponseMinutes));
      if (truthy(row.firstResponseOnTime)) this.firstOnTime += 1;
    }
    if (row.resolutionMinutes !== null) {
      this.resolutionMinutes.push(Number(row.resolutionMinutes));
      if (truthy(row.resolvedOnTime)) this.resolvedOnTime += 1;
    }
    this.escalations += Number(row.escalations);
    if (row.rating) {
      this.rated += 1;
      if (row.rating === Rating.Satisfied || row.rating === Rating.Partly) this.satisfied += 1;
      if (truthy(row.helped)) this.helped += 1;
    }
  }
}

interface Headcounts {
  overdue: number;
  women: number;
  registered: number | null;
  participants: number;
  activities: number;
}

@Injectable()
export class StatsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly stats: StatsRepository,
    private readonly federations: FederationsRepository,
    private readonly requests: RequestsRepository,
  ) {}

  /** A body's subtree for a date range: staff see their own township's villages, nobody else's. */
  async subtree(actor: Actor | null, federationId: string, query: StatsQuery): Promise<SubtreeStats> {
    const body = await this.federations.findById(federationId);
    if (!body) throw notFound(ErrorCode.FederationNotFound);
    requirePermission(actor, Permission.ViewStats, federationId);
    const { from, to } = this.range(query);
    const now = this.clock.now();
    const children = await this.stats.childrenOf(federationId);
    const childOf = (id: string) => children.find((c) => id.startsWith(c.id))?.id ?? null;

    const [rows, overdue, women, registered, participants, activities, catalogue] = await Promise.all([
      this.stats.requestsRoutedUnder(federationId, from, to),
      this.stats.overdueUnder(federationId, now),
      this.stats.womenUnder(federationId),
      this.stats.registeredWomenUnder(federationId),
      this.stats.participantsUnder(federationId, from, to),
      this.stats.activitiesHeldUnder(federationId, from, to),
      this.requests.categories(),
    ]);

    const total = new Tally();
    const byChild = new Map<string, Tally>(children.map((c) => [c.id, new Tally()]));
    const byWeek = new Map<string, Tally>();
    const byCategory = new Map<string, number>();
    for (const row of rows) {
      total.add(row);
      const child = childOf(row.routedFederationId);
      if (child) byChild.get(child)!.add(row);
      const week = weekOf(asDate(row.createdAt));
      if (!byWeek.has(week)) byWeek.set(week, new Tally());
      byWeek.get(week)!.add(row);
      byCategory.set(row.categoryKey, (byCategory.get(row.categoryKey) ?? 0) + 1);
    }

    const heads = (scope: (id: string) => boolean): Headcounts => {
      const sum = (list: Array<{ federationId: string; n: number | string | null }>) =>
        list.filter((r) => scope(r.federationId)).reduce((acc, r) => acc + count(r.n), 0);
      const registeredHere = registered.filter((r) => scope(r.federationId));
      return {
        overdue: sum(overdue),
        women: sum(women),
        registered: registeredHere.length > 0 ? sum(registeredHere) : null,
        participants: sum(participants),
        activities: sum(activities),
      };
    };

    const childStats = children
      .map((c) => this.bodyStats(c.id, c.name, c.level as RegionLevel, byChild.get(c.id)!, heads((id) => id.startsWith(c.id))))
      // Listed by what is late, then by code: never a ranking of people.
      .sort((a, b) => b.overdueNow - a.overdueNow || (a.federationId < b.federationId ? -1 : 1));

    return {
      range: { from: query.from, to: query.to },
      total: this.bodyStats(body.id, body.name, body.level, total, heads(() => true)),
      children: childStats,
      weeks: this.weeks(byWeek, from, to),
      categories: catalogue
        .map((c): CategoryCount => ({ categoryKey: c.key, name: c.name, sensitive: c.sensitive, received: byCategory.get(c.key) ?? 0 })),
      generatedAt: now.toISOString(),
    };
  }

  /** The same table as CSV rows: the total first, then each body under it. */
  async subtreeCsv(actor: Actor | null, federationId: string, query: StatsQuery): Promise<string[][]> {
    const stats = await this.subtree(actor, federationId, query);
    const minutes = (m: number | null) => (m === null ? '' : String(Math.round(m)));
    const pct = (r: number | null) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`);
    const header = [
      '单位', '收到求助', '首次答复中位数（工作分钟）', '首次答复90%分位（工作分钟）', '办结中位数（工作分钟）', '办结90%分位（工作分钟）',
      '按时答复率', '按时办结率', '当前超时', '上转次数', '满意率', '受益率', '知晓率', '参与率', '已登录妇女', '登记妇女', '举办活动',
    ];
    const line = (b: BodyStats) => [
      b.name, String(b.received), minutes(b.firstResponseMedianMinutes), minutes(b.firstResponseP90Minutes), minutes(b.resolutionMedianMinutes),
      minutes(b.resolutionP90Minutes), pct(b.answeredWithinDeadline), pct(b.resolvedWithinDeadline), String(b.overdueNow), String(b.escalations),
      pct(b.satisfaction), pct(b.benefit), pct(b.awareness), pct(b.participation), String(b.womenSignedIn), b.womenRegistered === null ? '' : String(b.womenRegistered),
      String(b.activitiesHeld),
    ];
    return [header, line(stats.total), ...stats.children.map(line)];
  }

  /** 工作公开: aggregate numbers of a body's subtree for the last year, open to anyone. */
  async publicStats(federationId: string): Promise<PublicBodyStats> {
    const body = await this.federations.findById(federationId);
    if (!body) throw notFound(ErrorCode.FederationNotFound);
    const now = this.clock.now();
    const to = shanghaiDate(now);
    const from = shanghaiDate(new Date(now.getTime() - 365 * DAY_MS));
    const range = this.range({ from, to });
    const [rows, activities, concerns] = await Promise.all([
      this.stats.requestsRoutedUnder(federationId, range.from, range.to),
      this.stats.activitiesHeldUnder(federationId, range.from, range.to),
      this.stats.concernsAnsweredUnder(federationId, range.from, range.to),
    ]);
    const tally = new Tally();
    for (const row of rows) tally.add(row);
    return {
      federationId,
      name: body.name,
      range: { from, to },
      requestsAnswered: tally.firstMinutes.length,
      firstResponseMedianMinutes: median(tally.firstMinutes),
      satisfaction: share(tally.satisfied, tally.rated),
      activitiesHeld: activities.reduce((acc, r) => acc + count(r.n), 0),
      concernsAnswered: count(concerns[0]?.n),
    };
  }

  private range(query: StatsQuery): { from: Date; to: Date } {
    const problems = [];
    if (!isCalendarDate(query.from)) problems.push({ field: 'from', message: '请用 年-月-日 的格式填写开始日期' });
    if (!isCalendarDate(query.to)) problems.push({ field: 'to', message: '请用 年-月-日 的格式填写结束日期' });
    if (problems.length > 0) throw badRequest(ErrorCode.ValidationFailed, problems);
    const from = startOfDay(query.from);
    const to = new Date(startOfDay(query.to).getTime() + DAY_MS);
    const days = (to.getTime() - from.getTime()) / DAY_MS;
    if (days < 1 || days > STATS_LIMITS.maxRangeDays) {
      throw badRequest(ErrorCode.DateRangeInvalid, [{ field: 'to', message: '结束日期要在开始日期之后，而且最长一年' }]);
    }
    return { from, to };
  }

  private bodyStats(id: string, name: string, level: RegionLevel, t: Tally, h: Headcounts): BodyStats {
    return {
      federationId: id,
      name,
      level: level ?? regionLevelOf(id)!,
      received: t.received,
      firstResponseMedianMinutes: median(t.firstMinutes),
      firstResponseP90Minutes: percentile(t.firstMinutes, 90),
      resolutionMedianMinutes: median(t.resolutionMinutes),
      resolutionP90Minutes: percentile(t.resolutionMinutes, 90),
      answeredWithinDeadline: share(t.firstOnTime, t.firstMinutes.length),
      resolvedWithinDeadline: share(t.resolvedOnTime, t.resolutionMinutes.length),
      overdueNow: h.overdue,
      escalations: t.escalations,
      satisfaction: share(t.satisfied, t.rated),
      benefit: share(t.helped, t.rated),
      awareness: h.registered === null ? null : share(h.women, h.registered),
      participation: share(h.participants, h.women),
      womenSignedIn: h.women,
      womenRegistered: h.registered,
      activitiesHeld: h.activities,
    };
  }

  /** Every week of the range, empty ones too, so a chart shows the gaps. */
  private weeks(byWeek: Map<string, Tally>, from: Date, to: Date): WeekStats[] {
    const weeks: WeekStats[] = [];
    for (let at = new Date(startOfDay(weekOf(from)).getTime()); at < to; at = new Date(at.getTime() + 7 * DAY_MS)) {
      const week = weekOf(at);
      const t = byWeek.get(week) ?? new Tally();
      weeks.push({ week, received: t.received, firstResponseMedianMinutes: median(t.firstMinutes), answeredWithinDeadline: share(t.firstOnTime, t.firstMinutes.length) });
    }
    return weeks;
  }
}
