import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, OPEN_STATES, type Actor, type DataDeletionResult } from '@wfh/shared';
import { requireActor } from '../../common/auth/access';
import { AppException, unauthorized } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { ActivitiesRepository } from '../activities/activities.repository';
import { SignupsService } from '../activities/signups.service';
import { audit } from '../audit/audit';
import { RolesRepository } from '../roles/roles.repository';
import { UsersRepository } from '../users/users.repository';
import { MyDataRepository } from './my-data.repository';

/** What an anonymised request, or 投诉建议, says where her words were. */
export const ERASED_TEXT = '（居民已注销，内容已删除）';

/**
 * She deletes her account (个人信息保护法 第四十七条). One transaction anonymises everything of hers,
 * keeping what the body's statistics count.
 *
 * A request still open is refused, not withdrawn for her: it may be a safety case in a chair's hands,
 * and deleting must never end one silently (nor let someone holding her phone end it for her). She
 * withdraws it herself first, where the chair sees the step, or waits until it is resolved. A woman
 * holding a role is refused too: her grants are the county's record, revoked by its admin.
 */
@Injectable()
export class DataDeletionService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repo: MyDataRepository,
    private readonly activities: ActivitiesRepository,
    private readonly signups: SignupsService,
    private readonly roles: RolesRepository,
    private readonly cipher: FieldCipher,
    private readonly users: UsersRepository,
  ) {}

  async delete(actor: Actor | null): Promise<DataDeletionResult> {
    const { userId } = requireActor(actor);
    const now = this.clock.now();
    const released = new Set<string>();
    const result = await this.repo.transaction(async (manager) => {
      const user = await this.repo.lockUser(manager, userId);
      if (!user || user.deletedAt) throw unauthorized(ErrorCode.TokenInvalid);
      if ((await this.roles.activeGrantsOf(userId)).length > 0) throw new AppException(HttpStatus.CONFLICT, ErrorCode.RolesBlockDeletion);
      const requests = await this.repo.lockRequestsOf(manager, userId);
      if (requests.some((r) => OPEN_STATES.includes(r.state))) throw new AppException(HttpStatus.CONFLICT, ErrorCode.OpenRequestsBlockDeletion);

      const erased = { description: this.cipher.encrypt(ERASED_TEXT), answers: this.cipher.encrypt('{}'), contact: this.cipher.encrypt('{}') };
      for (const request of requests) await this.repo.anonymiseRequest(manager, request, erased);

      const signupsCancelled = await this.cancelFutureSignups(manager, userId, now, released);
      await this.repo.wipeSignupDetails(manager, userId);
      await this.repo.detachConcerns(manager, userId);
      await this.repo.anonymiseFeedback(manager, userId, this.cipher.encrypt(ERASED_TEXT));
      await this.repo.leaveRosters(manager, userId);
      await this.repo.endSessions(manager, userId);
      await this.users.endAccessTokens(manager, userId);
      await this.repo.anonymiseUser(manager, userId, now);
      await audit(manager, now, { actorUserId: userId, action: 'user.delete_data', subjectType: 'app_user', subjectId: userId, federationId: user.homeFederationId });
      return { deletedAt: now.toISOString(), requestsAnonymised: requests.length, signupsCancelled };
    });
    // Her seats went to women waiting under the lock; one who joined a list meanwhile is seen now.
    for (const activityId of released) await this.signups.settleAfterSeatsFreed(activityId);
    return result;
  }

  /**
   * Her seats and waiting places at activities that have not begun are given up as if she cancelled
   * each: the seat goes to the first woman waiting. Activities are locked first, in id order, as every
   * seat change locks them.
   */
  private async cancelFutureSignups(manager: Parameters<SignupsService['release']>[0], userId: string, now: Date, released: Set<string>): Promise<number> {
    const active = (await this.repo.signupsOf(userId)).filter((s) => s.state !== 'cancelled');
    const activities = new Map((await this.activities.byIds([...new Set(active.map((s) => s.activityId))])).map((a) => [a.id, a]));
    const future = active.filter((s) => (activities.get(s.activityId)?.startsAt.getTime() ?? 0) > now.getTime());
    future.sort((a, b) => (a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0));
    let cancelled = 0;
    for (const s of future) {
      const activity = await this.activities.lockById(manager, s.activityId);
      const signup = await this.activities.lockSignup(manager, s.id);
      if (!activity || !signup || signup.state === 'cancelled') continue;
      await this.signups.release(manager, activity, signup, now);
      released.add(activity.id);
      cancelled += 1;
    }
    return cancelled;
  }
}
