import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ActivityCategory,
  ErrorCode,
  PUBLIC_CONCERN_STATUSES,
  Permission,
  activityStatusAt,
  can,
  type Actor,
  type CouncilMeetingView,
  type VoicesBoard,
} from '@wfh/shared';
import { AppException, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { ActivitiesRepository } from '../activities/activities.repository';
import type { ActivityEntity } from '../activities/activity.entity';
import { FederationsRepository } from '../federations/federations.repository';
import { ConcernsService } from './concerns.service';
import { VoicesRepository } from './voices.repository';

/** 妇女议事会: agendas drawn from the body's concerns, minutes after the meeting, and the public board. */
@Injectable()
export class CouncilService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly voices: VoicesRepository,
    private readonly activities: ActivitiesRepository,
    private readonly federations: FederationsRepository,
    private readonly concerns: ConcernsService,
  ) {}

  async setAgenda(actor: Actor | null, activityId: string, concernIds: string[]): Promise<CouncilMeetingView> {
    const meeting = await this.managedMeeting(actor, activityId);
    const unique = [...new Set(concernIds)];
    const found = await this.voices.concernsById(unique);
    const fits = found.length === unique.length && found.every((c) => c.federationId === meeting.federationId && PUBLIC_CONCERN_STATUSES.includes(c.status));
    if (!fits) {
      throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, [
        { field: 'concernIds', message: '只能安排本村（社区）已经发布的议题' },
      ]);
    }
    await this.voices.transaction((manager) => this.voices.replaceAgenda(manager, meeting.id, unique));
    return (await this.meetingViews([meeting]))[0]!;
  }

  async setMinutes(actor: Actor | null, activityId: string, minutes: string): Promise<CouncilMeetingView> {
    const meeting = await this.managedMeeting(actor, activityId);
    const now = this.clock.now();
    if (now < meeting.startsAt) {
      throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, [{ field: 'minutes', message: '会议开始以后才能记录纪要' }]);
    }
    await this.voices.transaction((manager) =>
      this.voices.saveMinutes(manager, { activityId: meeting.id, minutes: minutes.trim(), recordedBy: actor!.userId, recordedAt: now }),
    );
    return (await this.meetingViews([meeting]))[0]!;
  }

  async meeting(actor: Actor | null, activityId: string): Promise<CouncilMeetingView> {
    const meeting = await this.activities.findById(activityId);
    const visible = meeting && meeting.category === ActivityCategory.Council && (meeting.status === 'published' || can(actor, Permission.ManageActivities, meeting.federationId));
    if (!meeting || !visible) throw notFound(ErrorCode.ActivityNotFound);
    return (await this.meetingViews([meeting]))[0]!;
  }

  /** 工作公开: concerns with co-signature counts and answers, the meetings held, no woman named unless she chose it. */
  async board(federationId: string): Promise<VoicesBoard> {
    const body = await this.federations.findById(federationId);
    if (!body) throw notFound(ErrorCode.FederationNotFound);
    const concerns = await this.concerns.summaries(await this.voices.concernsOf(federationId, PUBLIC_CONCERN_STATUSES));
    const meetings = (await this.activities.ofBody(federationId)).filter(
      (a) => a.category === ActivityCategory.Council && a.status === 'published',
    );
    return {
      federationId,
      federationName: body.name,
      concerns,
      meetings: await this.meetingViews(meetings),
      counts: {
        raised: concerns.length,
        answered: concerns.filter((c) => c.latestUpdate !== null).length,
        done: concerns.filter((c) => c.status === 'done').length,
      },
    };
  }

  private async managedMeeting(actor: Actor | null, activityId: string): Promise<ActivityEntity> {
    const meeting = await this.activities.findById(activityId);
    if (!meeting || !can(actor, Permission.ManageActivities, meeting.federationId)) throw notFound(ErrorCode.ActivityNotFound);
    if (meeting.category !== ActivityCategory.Council) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.NotACouncilMeeting);
    return meeting;
  }

  private async meetingViews(meetings: ActivityEntity[]): Promise<CouncilMeetingView[]> {
    const ids = meetings.map((m) => m.id);
    const [agenda, minutes] = await Promise.all([this.voices.agendaOf(ids), this.voices.minutesOf(ids)]);
    const concerns = new Map((await this.voices.concernsById([...new Set(agenda.map((a) => a.concernId))])).map((c) => [c.id, c]));
    const now = this.clock.now();
    return meetings.map((m) => ({
      activityId: m.id,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      status: activityStatusAt(m.status, m.endsAt, now) === 'finished' || now >= m.startsAt ? 'held' : 'upcoming',
      agenda: agenda
        .filter((a) => a.activityId === m.id && concerns.has(a.concernId))
        .map((a) => ({ concernId: a.concernId, title: concerns.get(a.concernId)!.title, status: concerns.get(a.concernId)!.status })),
      minutes: minutes.find((x) => x.activityId === m.id)?.minutes ?? null,
    }));
  }
}
