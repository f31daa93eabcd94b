import { Inject, Injectable } from '@nestjs/common';
import type { Actor, MyDataExport } from '@wfh/shared';
import { requireActor } from '../../common/auth/access';
import { unauthorized } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { ActivitiesRepository } from '../activities/activities.repository';
import { SignupViews } from '../activities/signup-views';
import { audit } from '../audit/audit';
import { RequestsRepository } from '../requests/requests.repository';
import { RequestsService } from '../requests/requests.service';
import { RolesRepository } from '../roles/roles.repository';
import { MyDataRepository } from './my-data.repository';

/** Her copy of everything the service holds about her: her words decrypted, nobody else's things. */
@Injectable()
export class MyDataService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repo: MyDataRepository,
    private readonly requests: RequestsRepository,
    private readonly requestsService: RequestsService,
    private readonly activities: ActivitiesRepository,
    private readonly signupViews: SignupViews,
    private readonly roles: RolesRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async export(actor: Actor | null): Promise<MyDataExport> {
    const { userId } = requireActor(actor);
    const user = await this.repo.user(userId);
    if (!user) throw unauthorized();
    const [roles, requests, signups, concerns, cosigns, feedback, rosterEntries] = await Promise.all([
      this.roles.activeGrantViewsOf(userId),
      this.requests.ofWoman(userId),
      this.repo.signupsOf(userId),
      this.repo.concernsOf(userId),
      this.repo.cosignsOf(userId),
      this.repo.feedbackOf(userId),
      this.repo.rosterEntriesOf(userId),
    ]);
    const activities = new Map((await this.activities.byIds([...new Set(signups.map((s) => s.activityId))])).map((a) => [a.id, a]));
    const bodies = await this.repo.names('federation', [...new Set([...(user.homeFederationId ? [user.homeFederationId] : []), ...rosterEntries.map((e) => e.federationId)])]);
    const members = await this.repo.names('app_user', [...new Set(rosterEntries.map((e) => e.memberUserId))]);
    const now = this.clock.now();
    await this.repo.transaction((manager) =>
      audit(manager, now, { actorUserId: userId, action: 'user.export_data', subjectType: 'app_user', subjectId: userId, federationId: user.homeFederationId }),
    );
    return {
      exportedAt: now.toISOString(),
      profile: {
        id: user.id,
        displayName: user.displayName,
        homeFederationId: user.homeFederationId,
        homeFederationName: user.homeFederationId ? (bodies.get(user.homeFederationId) ?? null) : null,
        createdAt: user.createdAt.toISOString(),
      },
      roles,
      // Her own requests read as she reads them: the detail view checks she is their owner.
      requests: await Promise.all(requests.map((r) => this.requestsService.detail(actor, r.id))),
      signups: signups.map((s) => {
        const activity = activities.get(s.activityId);
        return {
          id: s.id,
          activityId: s.activityId,
          activityTitle: activity?.title ?? '',
          activityStartsAt: activity?.startsAt.toISOString() ?? '',
          kind: s.kind,
          state: s.state,
          attendee: this.signupViews.attendeeOf(s),
          checkedInAt: s.checkedInAt?.toISOString() ?? null,
          createdAt: s.createdAt.toISOString(),
        };
      }),
      concerns: concerns.map((c) => ({
        id: c.id,
        federationId: c.federationId,
        title: c.title,
        description: c.description,
        status: c.status,
        showAuthorName: c.showAuthorName,
        createdAt: c.createdAt.toISOString(),
      })),
      cosigns: cosigns.map((c) => ({ concernId: c.concernId, title: c.title, at: c.at.toISOString() })),
      feedback: feedback.map((f) => ({
        id: f.id,
        kind: f.kind,
        text: this.cipher.decrypt(f.textEnc),
        contactPhone: f.contactEnc ? this.cipher.decrypt(f.contactEnc) : null,
        status: f.status,
        reply: f.replyEnc ? this.cipher.decrypt(f.replyEnc) : null,
        createdAt: f.createdAt.toISOString(),
      })),
      rosters: rosterEntries.map((e) => ({
        federationName: bodies.get(e.federationId) ?? '',
        memberName: members.get(e.memberUserId) ?? null,
        joinedAt: e.consentAt.toISOString(),
        name: this.cipher.decrypt(e.nameEnc),
        phone: e.phoneEnc ? this.cipher.decrypt(e.phoneEnc) : null,
      })),
    };
  }
}
