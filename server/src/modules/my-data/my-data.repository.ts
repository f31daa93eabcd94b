import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { PUBLIC_CONCERN_STATUSES } from '@wfh/shared';
import { forUpdate } from '../../database/locking';
import { SignupEntity } from '../activities/signup.entity';
import { FeedbackEntity } from '../admin/feedback.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { FederationEntity } from '../federations/federation.entity';
import { OutboxEntity } from '../notifications/outbox.entity';
import { SubscriptionGrantEntity } from '../notifications/subscription-grant.entity';
import { SmsPreferenceEntity } from '../notifications/sms-preference.entity';
import { RequestEventEntity } from '../requests/request-event.entity';
import { ServiceRequestEntity } from '../requests/service-request.entity';
import { UserEntity } from '../users/user.entity';
import { ConcernCosignEntity, ConcernEntity, ConcernUpdateEntity, CouncilAgendaItemEntity } from '../voices/concern.entity';
import { RosterContactEntity, RosterEntryEntity } from '../voices/roster.entity';

/** Everything of one woman across the modules, read for her export and rewritten for her deletion. */
@Injectable()
export class MyDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ---- reads for the export ----

  user(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  async names(table: 'federation', ids: string[]): Promise<Map<string, string>>;
  async names(table: 'app_user', ids: string[]): Promise<Map<string, string | null>>;
  async names(table: 'federation' | 'app_user', ids: string[]): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const rows = table === 'federation'
      ? await this.dataSource.getRepository(FederationEntity).find({ where: { id: In(ids) }, select: { id: true, name: true } })
      : (await this.dataSource.getRepository(UserEntity).find({ where: { id: In(ids) }, select: { id: true, displayName: true } })).map((u) => ({ id: u.id, name: u.displayName }));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  signupsOf(userId: string): Promise<SignupEntity[]> {
    return this.dataSource.getRepository(SignupEntity).find({ where: { ownerUserId: userId }, order: { createdAt: 'ASC' } });
  }

  concernsOf(userId: string): Promise<ConcernEntity[]> {
    return this.dataSource.getRepository(ConcernEntity).find({ where: { authorUserId: userId }, order: { createdAt: 'ASC' } });
  }

  async cosignsOf(userId: string): Promise<Array<{ concernId: string; title: string; at: Date }>> {
    const cosigns = await this.dataSource.getRepository(ConcernCosignEntity).find({ where: { userId }, order: { createdAt: 'ASC' } });
    const concerns = cosigns.length ? await this.dataSource.getRepository(ConcernEntity).findBy({ id: In(cosigns.map((c) => c.concernId)) }) : [];
    const titles = new Map(concerns.map((c) => [c.id, c.title]));
    return cosigns.map((c) => ({ concernId: c.concernId, title: titles.get(c.concernId) ?? '', at: c.createdAt }));
  }

  feedbackOf(userId: string): Promise<FeedbackEntity[]> {
    return this.dataSource.getRepository(FeedbackEntity).find({ where: { authorUserId: userId }, order: { createdAt: 'ASC' } });
  }

  rosterEntriesOf(userId: string): Promise<RosterEntryEntity[]> {
    return this.dataSource.getRepository(RosterEntryEntity).find({ where: { womanUserId: userId }, order: { createdAt: 'ASC' } });
  }

  // ---- writes for the deletion, all in the caller's transaction ----

  lockUser(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { id }, ...forUpdate(manager) });
  }

  lockRequestsOf(manager: EntityManager, userId: string): Promise<ServiceRequestEntity[]> {
    return manager.getRepository(ServiceRequestEntity).find({ where: { womanUserId: userId }, order: { id: 'ASC' }, ...forUpdate(manager) });
  }

  /**
   * Keeps what the statistics count (category, bodies, times, states, ratings) and wipes what she
   * wrote, how to reach her and the link to her: each request gets an owner id of its own that no
   * person has, so her requests cannot even be told apart from anyone else's.
   */
  async anonymiseRequest(manager: EntityManager, request: ServiceRequestEntity, erased: { description: string; answers: string; contact: string }): Promise<void> {
    await manager.getRepository(ServiceRequestEntity).update(
      { id: request.id },
      {
        womanUserId: randomUUID(),
        descriptionEnc: erased.description,
        answersEnc: erased.answers,
        contactEnc: erased.contact,
        ratingCommentEnc: null,
        ratingCodeHash: null,
        ratingCodeEnc: null,
        idempotencyKey: null,
        idempotencyDigest: null,
      },
    );
    // Replies and reasons may repeat her words; the steps themselves (who, when, which state) stay.
    await manager.getRepository(RequestEventEntity).update({ requestId: request.id }, { noteEnc: null, staffNoteEnc: null });
    await manager.getRepository(RequestEventEntity).update({ requestId: request.id, actorUserId: request.womanUserId }, { actorUserId: null });
  }

  /** Past sign-ups stay for the attendance figures, without the relative's name and phone. */
  async wipeSignupDetails(manager: EntityManager, userId: string): Promise<void> {
    const signups = manager.getRepository(SignupEntity);
    await signups.update({ ownerUserId: userId, attendeeEnc: Not(IsNull()) }, { attendeeEnc: null });
    await signups.update({ ownerUserId: userId, kind: 'relative', state: Not('cancelled') }, { activeKey: null });
  }

  /**
   * Concerns never made public (waiting, declined) go; public ones keep their text for the village
   * but no longer name or point to her. Her co-signatures still count, for no one in particular.
   */
  async detachConcerns(manager: EntityManager, userId: string): Promise<void> {
    const concerns = await manager.getRepository(ConcernEntity).find({ where: { authorUserId: userId } });
    const unpublished = concerns.filter((c) => !PUBLIC_CONCERN_STATUSES.includes(c.status)).map((c) => c.id);
    if (unpublished.length > 0) {
      await manager.getRepository(ConcernCosignEntity).delete({ concernId: In(unpublished) });
      await manager.getRepository(ConcernUpdateEntity).delete({ concernId: In(unpublished) });
      await manager.getRepository(CouncilAgendaItemEntity).delete({ concernId: In(unpublished) });
      await manager.getRepository(ConcernEntity).delete({ id: In(unpublished) });
      // The chair was told of each with its title: those messages go too, sent or not.
      for (const id of unpublished) {
        await manager.createQueryBuilder().delete().from(OutboxEntity).where('topic LIKE :topic AND payload LIKE :concern', { topic: 'concern.%', concern: `%${id}%` }).execute();
      }
    }
    for (const concern of concerns.filter((c) => PUBLIC_CONCERN_STATUSES.includes(c.status))) {
      await manager.getRepository(ConcernEntity).update({ id: concern.id }, { authorUserId: randomUUID(), showAuthorName: false });
    }
    for (const cosign of await manager.getRepository(ConcernCosignEntity).find({ where: { userId } })) {
      await manager.getRepository(ConcernCosignEntity).update({ concernId: cosign.concernId, userId }, { userId: randomUUID() });
    }
  }

  /** Her 投诉建议 stay counted for the county, without her words, her phone or the answer to her. */
  async anonymiseFeedback(manager: EntityManager, userId: string, erasedText: string): Promise<void> {
    for (const row of await manager.getRepository(FeedbackEntity).find({ where: { authorUserId: userId }, select: { id: true } })) {
      await manager.getRepository(FeedbackEntity).update({ id: row.id }, { authorUserId: randomUUID(), textEnc: erasedText, contactEnc: null, replyEnc: null });
    }
  }

  /** She leaves every member's contact list she joined, with the contacts noted about her. */
  async leaveRosters(manager: EntityManager, userId: string): Promise<void> {
    const entries = await manager.getRepository(RosterEntryEntity).find({ where: { womanUserId: userId }, select: { id: true } });
    if (entries.length === 0) return;
    await manager.getRepository(RosterContactEntity).delete({ entryId: In(entries.map((e) => e.id)) });
    await manager.getRepository(RosterEntryEntity).delete({ id: In(entries.map((e) => e.id)) });
  }

  async endSessions(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).delete({ userId });
    await manager.getRepository(OutboxEntity).update({ recipientUserId: userId, status: 'pending' }, { status: 'withdrawn' });
    // Grants were given by this WeChat account; a new account after deletion starts with none.
    await manager.getRepository(SubscriptionGrantEntity).delete({ userId });
    // Her 不要短信 and the masked number her texts went to are hers too.
    await manager.getRepository(SmsPreferenceEntity).delete({ userId });
    await manager.getRepository(OutboxEntity).update({ recipientUserId: userId }, { providerAnswer: null });
  }

  /**
   * The row stays (sign-ups and the home body still count in the statistics) holding nothing of her:
   * no openid, so signing in with WeChat again makes a new, empty account.
   */
  async anonymiseUser(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.getRepository(UserEntity).update(
      { id: userId },
      { openid: null, wechatSessionKeyEnc: null, displayName: null, nameListed: false, nameEnc: null, demoKey: null, demoDescription: null, deletedAt: at },
    );
  }
}
