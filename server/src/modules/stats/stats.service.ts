import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Permission,
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
import { fromSqlTime } from '../../database/sql-time';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { FederationsRepository } from '../federations/federations.repository';
import { RequestsRepository } from '../requests/requests.repository';
import { median, percentile, share } from './percentiles';
import { StatsRollupRepository } from './stats-rollup.repository';
import { dayOf, nextDay } from './stats-rollups';
import { StatsRepository, type RequestStatRow } from './stats.repository';
import { Tally, type RollupRow } from './tally';

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

/** Monday of the Shanghai week an instant falls in, as YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const local = shanghaiWallClock(at);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

const count = (v: number | string | null | undefined) => Number(v ?? 0);

interface Headcounts {
  overdue: number;
  women: number;
  registered: number | null;
  participants: number;
  activities: number;
}

export type FigureSource = 'rollups' | 'raw';

/** A subtree's request figures: in all, by child body (the first whose code prefixes the routed body's), by week. */
class Figures {
  readonly total = new Tally();
  readonly byChild: Map<string, Tally>;
  readonly byWeek = new Map<string, Tally>();

  constructor(private readonly childIds: string[]) {
    this.byChild = new Map(childIds.map((id) => [id, new Tally()]));
  }

  private week(day: string): Tally {
    const week = weekOf(startOfDay(day));
    let t = this.byWeek.get(week);
    if (!t) this.byWeek.set(week, (t = new Tally()));
    return t;
  }

  /** Takes a stored own row back out of the total, its child and its week. */
  remove(row: RollupRow): void {
    const t = Tally.fromRow(row);
    this.total.subtract(t);
    const child = this.childIds.find((id) => row.bodyId.startsWith(id));
    if (child) this.byChild.get(child)!.subtract(t);
    this.week(row.day).subtract(t);
  }

  settle(): void {
    for (const t of [this.total, ...this.byChild.values(), ...this.byWeek.values()]) t.settle();
  }

  /** One raw request. */
  addRaw(row: RequestStatRow): void {
    this.total.add(row);
    const child = this.childIds.find((id) => row.routedFederationId.startsWith(id));
    if (child) this.byChild.get(child)!.add(row);
    const week = weekOf(fromSqlTime(row.createdAt));
    let t = this.byWeek.get(week);
    if (!t) this.byWeek.set(week, (t = new Tally()));
    t.add(row);
  }

  /** The viewer's own subtree row for a day: the total and its week. */
  addWhole(row: RollupRow): void {
    const t = Tally.fromRow(row);
    this.total.merge(t);
    this.week(row.day).merge(t);
  }

  /** A child's subtree row for a day. */
  addChild(row: RollupRow): void {
    this.byChild.get(row.bodyId)?.mergeRow(row);
  }
}

@Injectable()
export class StatsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly stats: StatsRepository,
    private readonly federations: FederationsRepository,
    private readonly requests: RequestsRepository,
    private readonly rollups: StatsRollupRepository,
  ) {}

  /** A body's subtree for a date range: staff see their own township's villages, nobody else's. */
  async subtree(actor: Actor | null, federationId: string, query: StatsQuery, source: FigureSource = 'rollups'): Promise<SubtreeStats> {
    const body = await this.federations.findById(federationId);
    if (!body) throw notFound(ErrorCode.FederationNotFound);
    requirePermission(actor, Permission.ViewStats, federationId);
    const { from, to } = this.range(query);
    const now = this.clock.now();
    const children = await this.stats.childrenOf(federationId);

    const [figures, overdue, women, registered, participants, activities, catalogue] = await Promise.all([
      this.figures(federationId, children.map((c) => c.id), from, to, source),
      this.stats.overdueUnder(federationId, now),
      this.stats.womenUnder(federationId),
      this.stats.registeredWomenUnder(federationId),
      this.stats.participantsUnder(federationId, from, to),
      this.stats.activitiesHeldUnder(federationId, from, to),
      this.requests.categories(),
    ]);
    const { total, byChild, byWeek } = figures;

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
        .map((c): CategoryCount => ({ categoryKey: c.key, name: c.name, sensitive: c.sensitive, received: total.categories.get(c.key) ?? 0 })),
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

  /**
   * The request figures of a subtree, by child body and by week. From the rollups when a pass has
   * run: whole days from the subtree rows, and the (body, day) groups changed since the pass from
   * the raw rows, so the answer is the raw query's, to the request. `raw` is that query itself.
   */
  private async figures(viewer: string, childIds: string[], from: Date, to: Date, source: FigureSource): Promise<Figures> {
    const coveredBefore = source === 'rollups' ? await this.rollups.coveredBefore() : null;
    const figures = new Figures(childIds);
    if (coveredBefore === null) {
      for (const row of await this.stats.requestsRoutedUnder(viewer, from, to)) figures.addRaw(row);
      return figures;
    }
    const fromDay = shanghaiDate(from);
    const lastDay = shanghaiDate(new Date(to.getTime() - 1));
    const changed = await this.rollups.changedUnder(viewer, coveredBefore, from, to);
    const stale = new Map<string, [string, string]>();
    for (const c of changed) {
      const day = dayOf(c.createdAt);
      stale.set(`${c.routedFederationId}|${day}`, [c.routedFederationId, day]);
    }
    const pairs = [...stale.values()];
    const [{ trees, owns }, raws] = await Promise.all([
      this.rollups.readRollups([viewer, ...childIds], fromDay, lastDay, pairs),
      this.rollups.routedToSpans(pairs.map(([body, day]) => [body, startOfDay(day), startOfDay(nextDay(day))])),
    ]);
    // The subtree rows, then each group changed since the pass: its stored own row taken back out
    // (a subtree row is the sum of its own rows) and its raw rows put in.
    for (const row of trees) {
      if (row.bodyId === viewer) figures.addWhole(row);
      else figures.addChild(row);
    }
    for (const row of owns) figures.remove(row);
    for (const row of raws) figures.addRaw(row);
    figures.settle();
    return figures;
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
