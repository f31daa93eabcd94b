import { createHash, randomInt, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ErrorCode,
  RATING_CODE_RANDOM_DIGITS,
  RegionLevel,
  RequestAction,
  RequestState,
  parentRegionCode,
  regionLevelOf,
  transition,
  type Actor,
  type InboxCounts,
  type RateRequestInput,
  type RatingCodeView,
  type ReferredOutSummary,
  type RequestActorKind,
  type RequestDetail,
  type RequestSummary,
  type OnBehalfCreated,
  type ServiceCategory,
  type ServiceCategoryKey,
  type SubmitOnBehalfInput,
  type SubmitRequestInput,
  ON_BEHALF_SOURCE_LABELS,
  isRatingCodeShape,
  normalizeRatingCode,
  ratingCodeFrom,
} from '@wfh/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { requireActor } from '../../common/auth/access';
import { AppException, badRequest, forbidden, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { dayKindOf } from '../../infra/clock/china-calendar';
import { FieldCipher, sha256Hex } from '../../infra/crypto/field-cipher';
import { audit } from '../audit/audit';
import { enqueueMessages, type OutgoingMessage } from '../notifications/outbox';
import { UsersRepository } from '../users/users.repository';
import { answerProblems } from './answers';
import { addWorkingHours, workingMinutesBetween } from './deadline.policy';
import { HandlersRepository } from './handlers.repository';
import { canHandleRequest, canOverseeInbox, canReadRequest, canSeeInbox, handlerBodies, type RequestScope } from './request-access';
import { AWAITING_ANSWER, currentDeadline, toDetail, toSummary, type RequestViewer } from './request-view';
import { RequestsRepository } from './requests.repository';
import { routeRequest, type RoutingDecision } from './routing.policy';
import type { ServiceCategoryEntity } from './service-category.entity';
import type { RequestEventEntity } from './request-event.entity';
import { ServiceRequestEntity } from './service-request.entity';
import { isDuplicateKey } from '../../database/duplicate-key';

/** The digest a rating code is found by, or null for what cannot be a code (it is not looked up). */
function ratingCodeDigest(raw: string): string | null {
  const code = normalizeRatingCode(raw);
  return isRatingCodeShape(code) ? sha256Hex(code) : null;
}

function ratingStage(request: ServiceRequestEntity): RatingCodeView['stage'] {
  if (request.state === RequestState.Resolved) return 'ready';
  if (request.state === RequestState.Closed && request.rating !== null) return 'rated';
  if (request.state === RequestState.Closed || request.state === RequestState.Withdrawn) return 'ended';
  return 'waiting';
}

/** A resolved request she never rates closes on its own after this long. */
const AUTO_CLOSE_AFTER_MS = 7 * 24 * 3600 * 1000;

/** Escalation climbs village → township → county and no further. */
const HIGHEST_ESCALATION_LEVEL = RegionLevel.County;

/** The most of what a body referred out that its list shows, latest first. */
const REFERRED_OUT_LIMIT = 100;

export type HandlerAction =
  | { action: RequestAction.Accept; note?: string }
  | { action: RequestAction.Reply; message: string }
  | { action: RequestAction.Refer; toFederationId: string; reason: string; messageToHer?: string }
  | { action: RequestAction.ReturnReferral; reason: string }
  | { action: RequestAction.Resolve; resolution: string };

export type WomanAction = { action: RequestAction.Withdraw; reason?: string } | ({ action: RequestAction.Rate } & RateRequestInput);

function scopeOf(request: ServiceRequestEntity): RequestScope {
  return {
    womanUserId: request.womanUserId,
    sensitive: request.sensitive,
    federationId: request.federationId,
    involvedFederationIds: request.involvedFederationIds.split(','),
  };
}

/** The content a key stands for, whatever order its fields came in. */
function digestOf(input: object): string {
  const canonical = JSON.stringify(input, (_, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** Fifteen random digits and a check digit (shared/rating-code.ts): read out on the phone, typed on a number keypad. */
function newRatingCode(): string {
  return ratingCodeFrom(Array.from({ length: RATING_CODE_RANDOM_DIGITS }, () => String(randomInt(10))).join(''));
}

/** What an event says: to her (every reader sees it) and, for a referral or its return, to colleagues. */
interface EventNotes {
  toHer: string | null;
  forStaff: string | null;
}

const toHer = (text: string | null | undefined): EventNotes => ({ toHer: text ?? null, forStaff: null });

@Injectable()
export class RequestsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly requests: RequestsRepository,
    private readonly handlers: HandlersRepository,
    private readonly users: UsersRepository,
    private readonly cipher: FieldCipher,
  ) {}

  private deadline(from: Date, hours: number): Date {
    return addWorkingHours(from, hours, this.config.officeHours, dayKindOf);
  }

  async categories(): Promise<ServiceCategory[]> {
    return (await this.requests.categories()).map(({ sortOrder: _, ...category }) => category);
  }

  // ---- her side ----

  /**
   * Her request, answered from what its transaction wrote (issue #18): one read before the
   * transaction (her home, an earlier request under the key, her county's setting), routing and
   * three INSERTs in it, and no read after it.
   */
  async submit(actor: Actor | null, input: SubmitRequestInput, idempotencyKey: string | undefined): Promise<RequestDetail> {
    const { userId } = requireActor(actor);
    const digest = digestOf(input);
    const context = await this.requests.submitContext(userId, idempotencyKey ?? null, input.federationId, input.categoryKey);
    if (idempotencyKey && context?.earlier) return this.replay(actor, context.earlier, digest);
    if (!context?.homeFederationId || context.homeFederationId !== input.federationId) {
      throw badRequest(ErrorCode.HomeNotConfirmed, [{ field: 'federationId', message: '请先确认您所在的村（社区）' }]);
    }
    const category = await this.validCategory(input.categoryKey, input.answers, input.contact);
    if (category.sensitive && input.sensitiveConsent !== true) {
      throw badRequest(ErrorCode.ConsentRequired, [{ field: 'sensitiveConsent', message: '请先阅读并同意个人信息保护说明' }]);
    }

    try {
      const opened = await this.open({
        woman: { userId },
        homeFederationId: input.federationId,
        category,
        effective: await this.requests.categoryWith(category.key, context.setting),
        input,
        onBehalf: null,
        idempotency: idempotencyKey ? { key: idempotencyKey, digest } : null,
      });
      // She is its woman: no audit on reading her own request, and the catalogue's wording, as detail() gives it.
      return toDetail(opened.request, category, [opened.event], this.cipher, opened.names, opened.now, 'woman', null);
    } catch (error) {
      // Two retries racing with one key: the loser finds the winner's request.
      if (idempotencyKey && isDuplicateKey(error)) {
        const winner = await this.requests.findByIdempotencyKey(userId, idempotencyKey);
        if (winner) return this.replay(actor, winner, digest);
      }
      throw error;
    }
  }

  /**
   * A chair records a request taken by phone or at the door; the woman rates it herself with the code.
   *
   * Safe to retry with the same Idempotency-Key. The key is the recording chair's (the woman is a new
   * user each time, so only the chair ties two tries together), and the woman is created in the
   * request's own transaction, so a try that fails or loses a race leaves no woman behind. A replay
   * gives back the first try's rating code, which only that lost answer carried: under a key the
   * code is also kept, encrypted by the field cipher like her other words (it is still looked up by
   * its digest). A code derived from the key would need no copy, but would be only as secret as a
   * key the client chose and sent in the clear; a new code per replay could void the one an earlier
   * answer did show. Without a key nothing is replayed, so only the digest is kept.
   */
  async submitOnBehalf(
    actor: Actor | null,
    federationId: string,
    input: SubmitOnBehalfInput,
    idempotencyKey: string | undefined,
  ): Promise<OnBehalfCreated> {
    const { userId } = requireActor(actor);
    if (!canSeeInbox(actor, federationId)) throw forbidden();
    const digest = digestOf({ ...input, federationId });
    if (idempotencyKey) {
      const earlier = await this.requests.findRecordedByIdempotencyKey(userId, idempotencyKey);
      if (earlier) return this.replayOnBehalf(actor, earlier, digest);
    }
    if (regionLevelOf(federationId) !== RegionLevel.Village) {
      throw badRequest(ErrorCode.HomeMustBeVillage, [{ field: 'federationId', message: '请在她所在的村（社区）妇联登记' }]);
    }
    const category = await this.validCategory(input.categoryKey, input.answers, input.contact);
    if (input.consentRecorded !== true) {
      throw badRequest(ErrorCode.ConsentRequired, [{ field: 'consentRecorded', message: '请先征得她同意登记她的信息' }]);
    }
    const ratingCode = newRatingCode();
    try {
      const { request } = await this.open({
        woman: { unlinkedName: input.womanName },
        homeFederationId: federationId,
        category,
        input: { ...input, contact: input.womanPhone ? { ...input.contact, phone: input.womanPhone } : input.contact },
        onBehalf: {
          recordedBy: userId,
          ratingCodeHash: sha256Hex(ratingCode),
          ratingCodeEnc: idempotencyKey ? this.cipher.encrypt(ratingCode) : null,
          note: `由妇联代为登记（${ON_BEHALF_SOURCE_LABELS[input.source]}）`,
        },
        idempotency: idempotencyKey ? { key: idempotencyKey, digest } : null,
      });
      return { request: await this.detail(actor, request.id), ratingCode };
    } catch (error) {
      // Two retries racing with one key: the loser's woman went with its transaction; it finds the winner's request.
      if (idempotencyKey && isDuplicateKey(error)) {
        const winner = await this.requests.findRecordedByIdempotencyKey(userId, idempotencyKey);
        if (winner) return this.replayOnBehalf(actor, winner, digest);
      }
      throw error;
    }
  }

  /**
   * She rates a request recorded for her, with the code the chair gave her. Tries are limited per
   * address (the ratingCode policy on the route), so codes cannot be guessed by trying many.
   */
  async rateByCode(code: string, input: RateRequestInput): Promise<void> {
    const digest = ratingCodeDigest(code);
    await this.requests.transaction(async (manager) => {
      const request = digest ? await this.requests.lockByRatingCode(manager, digest) : null;
      if (!request) throw notFound(ErrorCode.RatingCodeInvalid);
      await this.rate(manager, request, input, request.womanUserId, this.clock.now());
    });
  }

  /**
   * Where the request of a code stands, for the page she rates on: which village's 妇联 recorded it
   * and whether it waits for her rating; nothing she said, nothing that was done. Tries count
   * against the same per-address limit as rating (the ratingCode policy on both routes).
   */
  async ratingCodeView(code: string): Promise<RatingCodeView> {
    const digest = ratingCodeDigest(code);
    const request = digest ? await this.requests.findByRatingCode(digest) : null;
    if (!request) throw notFound(ErrorCode.RatingCodeInvalid);
    const names = await this.requests.federationNames([request.homeFederationId]);
    return {
      federationName: names.get(request.homeFederationId) ?? '',
      stage: ratingStage(request),
      rating: request.rating,
      unsatisfiedReopens: request.ratingsGiven === 0,
    };
  }

  private async validCategory(key: SubmitRequestInput['categoryKey'], answers: SubmitRequestInput['answers'], contact: SubmitRequestInput['contact']) {
    const category = await this.requests.category(key);
    if (!category) throw badRequest(ErrorCode.CategoryNotFound, [{ field: 'categoryKey', message: '没有这类求助' }]);
    const problems = answerProblems(category.questions, answers);
    if (contact.method === 'phone' && !contact.phone) problems.push({ field: 'contact.phone', message: '请填写能联系到您的电话' });
    if (problems.length > 0) throw badRequest(ErrorCode.ValidationFailed, problems);
    return category;
  }

  /**
   * Routes, times and stores a new request with its first event and the messages it causes, in one
   * transaction; a woman recorded by a chair is created in it too.
   */
  private async open(spec: {
    woman: { userId: string } | { unlinkedName: string };
    homeFederationId: string;
    category: ServiceCategoryEntity;
    /** The category as her county runs it, when the caller has read it already. */
    effective?: ServiceCategoryEntity | null;
    input: Omit<SubmitRequestInput, 'federationId'>;
    onBehalf: { recordedBy: string; ratingCodeHash: string; ratingCodeEnc: string | null; note: string } | null;
    idempotency: { key: string; digest: string } | null;
  }): Promise<{ request: ServiceRequestEntity; event: RequestEventEntity; names: Map<string, string>; now: Date }> {
    const { input, onBehalf } = spec;
    const category =
      (spec.effective !== undefined ? spec.effective : await this.requests.effectiveCategory(spec.category.key, spec.homeFederationId)) ?? spec.category;
    const now = this.clock.now();
    return this.requests.transaction(async (manager) => {
      const { decision, bodies, handlersAt } = await this.routeWithHandlers(manager, spec.homeFederationId, category, now);
      if (!decision.ok) {
        throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.NoHandlerFound, undefined, `${decision.reason}。请拨打12338妇女维权热线`);
      }
      const womanUserId = 'userId' in spec.woman ? spec.woman.userId : (await this.users.createUnlinked(manager, this.cipher.encrypt(spec.woman.unlinkedName))).id;
      const firstResponseDueAt = this.deadline(now, category.firstResponseHours);
      // The body that recorded it keeps seeing it, wherever it was routed.
      const involved = [...new Set([decision.federationId, ...(onBehalf ? [spec.homeFederationId] : [])])];
      const request = Object.assign(new ServiceRequestEntity(), {
        id: randomUUID(),
        womanUserId,
        categoryKey: category.key,
        sensitive: category.sensitive,
        urgent: category.sensitive && input.urgent === true,
        onBehalf: onBehalf !== null,
        recordedByUserId: onBehalf?.recordedBy ?? null,
        homeFederationId: spec.homeFederationId,
        federationId: decision.federationId,
        involvedFederationIds: involved.join(','),
        siteId: input.siteId ?? null,
        state: RequestState.Submitted,
        descriptionEnc: this.cipher.encrypt(input.description),
        answersEnc: this.cipher.encrypt(JSON.stringify(input.answers)),
        contactEnc: this.cipher.encrypt(JSON.stringify(input.contact)),
        routingReason: decision.reason,
        firstResponseDueAt,
        resolutionDueAt: this.deadline(now, category.resolutionHours),
        nextDueAt: firstResponseDueAt,
        firstRespondedAt: null,
        resolvedAt: null,
        escalations: 0,
        rating: null,
        helped: null,
        ratingCommentEnc: null,
        ratingsGiven: 0,
        ratingCodeHash: onBehalf?.ratingCodeHash ?? null,
        routedFederationId: decision.federationId,
        firstResponseMinutes: null,
        firstResponseOnTime: null,
        resolutionMinutes: null,
        resolvedOnTime: null,
        ratingCodeEnc: onBehalf?.ratingCodeEnc ?? null,
        idempotencyKey: spec.idempotency?.key ?? null,
        idempotencyDigest: spec.idempotency?.digest ?? null,
        createdAt: now,
      });
      const event = await this.requests.insert(manager, request, {
        requestId: request.id,
        at: now,
        action: 'submit',
        actorKind: onBehalf ? 'handler' : 'woman',
        actorUserId: onBehalf?.recordedBy ?? womanUserId,
        actorFederationId: onBehalf ? spec.homeFederationId : null,
        federationId: request.federationId,
        fromState: null,
        toState: RequestState.Submitted,
        noteEnc: onBehalf ? this.cipher.encrypt(onBehalf.note) : null,
        staffNoteEnc: null,
      });
      // Told from the roles routing has just read in this transaction (notifyHandlers would read them again).
      await enqueueMessages(manager, now, handlersAt(request.federationId).map((userId) => this.message(request, userId, 'request.new')));
      const names = new Map([...bodies.values()].map((body) => [body.id, body.name]));
      return { request, event, names, now };
    });
  }

  /** The first answer again, for a retry with the same content; other content under the key is refused. */
  /** The one routing step: what a new request would do, and what an admin's preview shows. */
  private async route(manager: EntityManager, homeFederationId: string, category: ServiceCategoryEntity, now: Date): Promise<RoutingDecision> {
    return (await this.routeWithHandlers(manager, homeFederationId, category, now)).decision;
  }

  /** route() with the bodies it read and who answers at each, for a new request's own messages. */
  private async routeWithHandlers(manager: EntityManager, homeFederationId: string, category: ServiceCategoryEntity, now: Date) {
    const rules = await this.handlers.rulesFor(manager, category.key);
    const { bodies, handlersAt } = await this.handlers.routing(manager, homeFederationId, rules.map((r) => r.targetFederationId), now);
    return { decision: routeRequest({ homeFederationId, category, rules, bodies }), bodies, handlersAt };
  }

  /** Where a request of this category from this village would go right now, with the reason routing would store. */
  async previewRouting(homeFederationId: string, categoryKey: ServiceCategoryKey): Promise<RoutingDecision> {
    const category = await this.requests.effectiveCategory(categoryKey, homeFederationId);
    if (!category) throw badRequest(ErrorCode.CategoryNotFound, [{ field: 'categoryKey', message: '没有这类求助' }]);
    return this.requests.transaction((manager) => this.route(manager, homeFederationId, category, this.clock.now()));
  }

  private async replay(actor: Actor | null, earlier: Pick<ServiceRequestEntity, 'id' | 'idempotencyDigest'>, digest: string): Promise<RequestDetail> {
    if (earlier.idempotencyDigest !== digest) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.IdempotencyKeyReused);
    return this.detail(actor, earlier.id);
  }

  private async replayOnBehalf(actor: Actor | null, earlier: ServiceRequestEntity, digest: string): Promise<OnBehalfCreated> {
    const request = await this.replay(actor, earlier, digest);
    // A request recorded under a key always keeps its code encrypted (submitOnBehalf).
    return { request, ratingCode: this.cipher.decrypt(earlier.ratingCodeEnc!) };
  }

  async mine(actor: Actor | null): Promise<RequestSummary[]> {
    const { userId } = requireActor(actor);
    return this.summaries(await this.requests.ofWoman(userId));
  }

  async detail(actor: Actor | null, id: string): Promise<RequestDetail> {
    const request = await this.requests.findById(id);
    if (!request || !canReadRequest(actor, scopeOf(request))) throw notFound(ErrorCode.RequestNotFound);
    const now = this.clock.now();
    if (request.sensitive && actor!.userId !== request.womanUserId) {
      await this.requests.transaction((manager) =>
        audit(manager, now, {
          actorUserId: actor!.userId,
          action: 'request.read_sensitive',
          subjectType: 'service_request',
          subjectId: request.id,
          federationId: request.federationId,
        }),
      );
    }
    const viewer: RequestViewer = actor!.userId === request.womanUserId ? 'woman' : 'staff';
    const [category, events, requesters] = await Promise.all([
      this.requests.category(request.categoryKey),
      this.requests.events(id),
      this.requesters(viewer === 'staff' ? [request] : []),
    ]);
    const names = await this.requests.federationNames([
      ...new Set([request.federationId, request.homeFederationId, ...events.flatMap((e) => [e.federationId, ...(e.actorFederationId ? [e.actorFederationId] : [])])]),
    ]);
    return toDetail(request, category ?? undefined, events, this.cipher, names, now, viewer, requesters.get(request.womanUserId) ?? null);
  }

  async actAsWoman(actor: Actor | null, id: string, step: WomanAction): Promise<RequestDetail> {
    const { userId } = requireActor(actor);
    await this.requests.transaction(async (manager) => {
      const request = await this.requests.lockById(manager, id);
      if (!request || request.womanUserId !== userId) throw notFound(ErrorCode.RequestNotFound);
      const now = this.clock.now();
      if (step.action === RequestAction.Withdraw) {
        await this.apply(manager, request, RequestAction.Withdraw, 'woman', userId, null, toHer(step.reason), now);
        return;
      }
      await this.rate(manager, request, step, userId, now);
    });
    return this.detail(actor, id);
  }

  /** Her rating; 不满意 in the first round reopens it with fresh deadlines. */
  private async rate(manager: EntityManager, request: ServiceRequestEntity, input: RateRequestInput, userId: string, now: Date): Promise<void> {
    const to = this.allowed(request, RequestAction.Rate, 'woman', { rating: input.rating, previousRatings: request.ratingsGiven });
    request.rating = input.rating;
    request.helped = input.helped;
    request.ratingCommentEnc = input.comment ? this.cipher.encrypt(input.comment) : null;
    request.ratingsGiven += 1;
    if (to === RequestState.Reopened) {
      const category = (await this.requests.effectiveCategory(request.categoryKey, request.homeFederationId))!;
      request.firstResponseDueAt = this.deadline(now, category.firstResponseHours);
      request.resolutionDueAt = this.deadline(now, category.resolutionHours);
    }
    await this.apply(manager, request, RequestAction.Rate, 'woman', userId, null, toHer(input.comment), now, to);
  }

  // ---- the handlers' side ----

  async inbox(actor: Actor | null, federationId: string): Promise<RequestSummary[]> {
    requireActor(actor);
    const handles = canSeeInbox(actor, federationId);
    if (!handles && !canOverseeInbox(actor, federationId)) throw forbidden();
    const now = this.clock.now();
    const held = (await this.requests.heldBy(federationId)).filter((r) => handles || !r.sensitive);
    const due = (r: ServiceRequestEntity) => currentDeadline(r)?.getTime() ?? Number.MAX_SAFE_INTEGER;
    // Overdue first (the longest overdue at the top), then by the nearest deadline.
    held.sort((a, b) => due(a) - due(b) || (a.id < b.id ? -1 : 1));
    return this.summaries(held, now, 'staff');
  }

  /** How many requests wait in each of her inboxes, and how many are overdue: the count on her home page. */
  async inboxCounts(actor: Actor | null): Promise<InboxCounts> {
    requireActor(actor);
    const bodies = handlerBodies(actor);
    const now = this.clock.now().getTime();
    const [open, names] = await Promise.all([this.requests.openHeldByAny(bodies), this.requests.federationNames(bodies)]);
    const counts = bodies.map((federationId) => {
      const held = open.filter((r) => r.federationId === federationId);
      return {
        federationId,
        federationName: names.get(federationId) ?? '',
        open: held.length,
        waiting: held.filter((r) => AWAITING_ANSWER.has(r.state)).length,
        overdue: held.filter((r) => (currentDeadline(r)?.getTime() ?? Infinity) <= now).length,
      };
    });
    return {
      bodies: counts,
      waiting: counts.reduce((sum, body) => sum + body.waiting, 0),
      overdue: counts.reduce((sum, body) => sum + body.overdue, 0),
    };
  }

  /**
   * 「我转出的」: what a body referred to others and another body holds now, with where each stands.
   * For those who answer at the body; the body stays involved in each, so each is one they may read.
   */
  async referredOut(actor: Actor | null, federationId: string): Promise<ReferredOutSummary[]> {
    requireActor(actor);
    if (!canSeeInbox(actor, federationId)) throw forbidden();
    const sent = (await this.requests.referredOutBy(federationId, REFERRED_OUT_LIMIT)).filter(({ request }) => canReadRequest(actor, scopeOf(request)));
    const summaries = await this.summaries(sent.map(({ request }) => request), this.clock.now(), 'staff');
    return summaries.map((summary, i) => ({ ...summary, referredAt: sent[i]!.referredAt.toISOString() }));
  }

  async actAsHandler(actor: Actor | null, id: string, step: HandlerAction): Promise<RequestDetail> {
    const { userId } = requireActor(actor);
    await this.requests.transaction(async (manager) => {
      const request = await this.requests.lockById(manager, id);
      if (!request || !canReadRequest(actor, scopeOf(request))) throw notFound(ErrorCode.RequestNotFound);
      if (!canHandleRequest(actor, scopeOf(request))) throw forbidden();
      const now = this.clock.now();
      const actingBody = request.federationId;
      if (request.sensitive) {
        await audit(manager, now, { actorUserId: userId, action: 'request.act_sensitive', subjectType: 'service_request', subjectId: id, federationId: actingBody });
      }
      const category = (await this.requests.effectiveCategory(request.categoryKey, request.homeFederationId))!;
      switch (step.action) {
        case RequestAction.Accept:
        case RequestAction.Reply:
          if (!request.firstRespondedAt) {
            // Kept at this moment: later referrals and escalations move the deadline, not this answer.
            request.firstResponseMinutes = workingMinutesBetween(request.createdAt, now, this.config.officeHours, dayKindOf);
            request.firstResponseOnTime = request.escalations === 0 && request.firstResponseDueAt !== null && now <= request.firstResponseDueAt;
          }
          request.firstRespondedAt ??= now;
          await this.apply(manager, request, step.action, 'handler', userId, actingBody, toHer(step.action === RequestAction.Reply ? step.message : step.note), now);
          if (step.action === RequestAction.Reply) await this.notifyWoman(manager, request, 'request.replied', now);
          return;
        case RequestAction.Refer: {
          const target = await this.referralTarget(manager, request, step.toFederationId);
          this.allowed(request, RequestAction.Refer, 'handler');
          request.federationId = target;
          request.involvedFederationIds = [...new Set([...scopeOf(request).involvedFederationIds, target])].join(',');
          request.firstResponseDueAt = this.deadline(now, category.firstResponseHours);
          // The reason is for the colleagues who take it on; she reads only the words meant for her.
          await this.apply(manager, request, RequestAction.Refer, 'handler', userId, actingBody, { toHer: step.messageToHer ?? null, forStaff: step.reason }, now);
          await this.notifyHandlers(manager, request, 'request.referred', now);
          await this.notifyWoman(manager, request, 'request.moved', now);
          return;
        }
        case RequestAction.ReturnReferral: {
          this.allowed(request, RequestAction.ReturnReferral, 'handler');
          const referrer = await this.requests.lastReferrer(manager, id);
          if (!referrer) throw new AppException(HttpStatus.CONFLICT, ErrorCode.TransitionNotAllowed);
          request.federationId = referrer;
          await this.apply(manager, request, RequestAction.ReturnReferral, 'handler', userId, actingBody, { toHer: null, forStaff: step.reason }, now);
          await this.notifyHandlers(manager, request, 'request.returned', now);
          return;
        }
        case RequestAction.Resolve:
          if (request.resolutionMinutes === null) {
            request.resolutionMinutes = workingMinutesBetween(request.createdAt, now, this.config.officeHours, dayKindOf);
            request.resolvedOnTime = request.escalations === 0 && request.resolutionDueAt !== null && now <= request.resolutionDueAt;
          }
          request.resolvedAt = now;
          await this.apply(manager, request, RequestAction.Resolve, 'handler', userId, actingBody, toHer(step.resolution), now);
          await this.notifyWoman(manager, request, 'request.resolved', now);
          return;
      }
    });
    return this.detail(actor, id);
  }

  private async referralTarget(manager: EntityManager, request: ServiceRequestEntity, toFederationId: string): Promise<string> {
    const [body] = await manager.query('SELECT id, active FROM federation WHERE id = ?', [toFederationId]);
    if (!body) throw notFound(ErrorCode.FederationNotFound);
    if (!Number(body.active)) throw badRequest(ErrorCode.FederationInactive, [{ field: 'toFederationId', message: '这个妇联组织暂未开通' }]);
    if (toFederationId === request.federationId) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'toFederationId', message: '不能转给自己，请选择其他妇联组织' }]);
    }
    return toFederationId;
  }

  // ---- the sweeper's side ----

  /**
   * Escalates every open request whose deadline has passed to the parent body (village → township →
   * county), and closes resolved ones she never rated. Each request is locked and re-checked in its
   * own transaction, so two sweepers never act on the same deadline twice.
   */
  async sweep(limit = 500): Promise<{ escalated: number; closed: number }> {
    const now = this.clock.now();
    let escalated = 0;
    let closed = 0;
    for (const id of await this.requests.dueIds(now, limit)) {
      const outcome = await this.requests.transaction(async (manager) => {
        const request = await this.requests.lockById(manager, id);
        if (!request?.nextDueAt || request.nextDueAt.getTime() > now.getTime()) return null;
        if (request.state === RequestState.Resolved) {
          await this.apply(manager, request, RequestAction.AutoClose, 'system', null, null, toHer('居民未评价，系统自动结束'), now);
          return 'closed' as const;
        }
        return (await this.escalate(manager, request, now)) ? ('escalated' as const) : null;
      });
      if (outcome === 'escalated') escalated++;
      if (outcome === 'closed') closed++;
    }
    return { escalated, closed };
  }

  private async escalate(manager: EntityManager, request: ServiceRequestEntity, now: Date): Promise<boolean> {
    const category = (await this.requests.effectiveCategory(request.categoryKey, request.homeFederationId))!;
    const late = request.firstResponseDueAt && currentDeadline(request) === request.firstResponseDueAt ? '超过首次答复时限' : '超过办结时限';
    const target = await this.escalationTarget(manager, request.federationId, now);
    if (!target) {
      // Nowhere higher to go: stop the clock, but keep it in the county's inbox as overdue.
      request.nextDueAt = null;
      await manager.getRepository(ServiceRequestEntity).save(request);
      return false;
    }
    request.federationId = target.id;
    request.involvedFederationIds = [...new Set([...scopeOf(request).involvedFederationIds, target.id])].join(',');
    request.escalations += 1;
    request.firstResponseDueAt = this.deadline(now, category.firstResponseHours);
    request.resolutionDueAt = this.deadline(now, category.resolutionHours);
    await this.apply(manager, request, RequestAction.Escalate, 'system', null, null, toHer(`${late}，转至${target.name}`), now);
    await this.notifyHandlers(manager, request, 'request.escalated', now);
    await this.notifyWoman(manager, request, 'request.moved_up', now);
    return true;
  }

  /** The nearest body above with someone to answer, at most the county. */
  private async escalationTarget(manager: EntityManager, fromId: string, now: Date): Promise<{ id: string; name: string } | null> {
    const bodies = await this.handlers.routingBodies(manager, fromId, [], now);
    for (let id = parentRegionCode(fromId); id !== null; id = parentRegionCode(id)) {
      const level = regionLevelOf(id)!;
      if (level === RegionLevel.City || level === RegionLevel.Province) return null;
      const body = bodies.get(id);
      if (body?.active && body.hasActiveHandler) return { id: body.id, name: body.name };
      if (level === HIGHEST_ESCALATION_LEVEL) return null;
    }
    return null;
  }

  // ---- shared steps ----

  private allowed(request: ServiceRequestEntity, action: RequestAction, by: RequestActorKind, context = {}): RequestState {
    const result = transition(request.state, action, by, context);
    if (!result.ok) throw new AppException(HttpStatus.CONFLICT, ErrorCode.TransitionNotAllowed);
    return result.to;
  }

  /** Moves the request to its next state, sets the next deadline and writes the event, in one transaction. */
  private async apply(
    manager: EntityManager,
    request: ServiceRequestEntity,
    action: RequestAction,
    by: RequestActorKind,
    actorUserId: string | null,
    actorFederationId: string | null,
    notes: EventNotes,
    now: Date,
    to: RequestState = this.allowed(request, action, by),
  ): Promise<void> {
    const from = request.state;
    request.state = to;
    request.nextDueAt = to === RequestState.Resolved ? new Date(now.getTime() + AUTO_CLOSE_AFTER_MS) : currentDeadline(request);
    await this.requests.save(manager, request, {
      requestId: request.id,
      at: now,
      action,
      actorKind: by,
      actorUserId,
      actorFederationId,
      federationId: request.federationId,
      fromState: from,
      toState: to,
      noteEnc: notes.toHer ? this.cipher.encrypt(notes.toHer) : null,
      staffNoteEnc: notes.forStaff ? this.cipher.encrypt(notes.forStaff) : null,
    });
  }

  private async notifyHandlers(manager: EntityManager, request: ServiceRequestEntity, topic: string, now: Date): Promise<void> {
    const level = regionLevelOf(request.federationId)!;
    const recipients = await this.handlers.handlerUserIds(manager, request.federationId, level, now);
    await enqueueMessages(manager, now, recipients.map((userId) => this.message(request, userId, topic)));
  }

  private async notifyWoman(manager: EntityManager, request: ServiceRequestEntity, topic: string, now: Date): Promise<void> {
    await enqueueMessages(manager, now, [this.message(request, request.womanUserId, topic)]);
  }

  private message(request: ServiceRequestEntity, recipientUserId: string, topic: string): OutgoingMessage {
    return {
      recipientUserId,
      topic,
      // One message per step and person: the step's event number, not the time, which two steps may share.
      dedupeKey: `${topic}:${request.id}:${request.lastEventSeq}:${recipientUserId}`,
      payload: { requestId: request.id, categoryKey: request.categoryKey, sensitive: request.sensitive ? 'true' : 'false' },
      urgent: request.sensitive && request.urgent,
    };
  }

  /**
   * Summaries as a list shows them. To staff a list names who asked, except beside a sensitive
   * request, where a name would tell whoever sees the screen; the request itself names her.
   */
  private async summaries(requests: ServiceRequestEntity[], now = this.clock.now(), viewer: RequestViewer = 'woman'): Promise<RequestSummary[]> {
    const categories = new Map((await this.requests.categories()).map((c: ServiceCategoryEntity) => [c.key, c]));
    const [names, requesters] = await Promise.all([
      this.requests.federationNames([...new Set(requests.flatMap((r) => [r.federationId, r.homeFederationId]))]),
      this.requesters(viewer === 'staff' ? requests.filter((r) => !r.sensitive) : []),
    ]);
    return requests.map((request) => toSummary(request, categories.get(request.categoryKey), names, now, requesters.get(request.womanUserId) ?? null));
  }

  /** The names of the women who asked: the one a chair recorded for her, else her own; none is left out of the map. */
  private async requesters(requests: ServiceRequestEntity[]): Promise<Map<string, string>> {
    const found = await this.requests.requesterNames([...new Set(requests.map((r) => r.womanUserId))]);
    const names = new Map<string, string>();
    for (const [userId, { nameEnc, displayName }] of found) {
      const name = (nameEnc ? this.cipher.decrypt(nameEnc) : displayName)?.trim();
      if (name) names.set(userId, name);
    }
    return names;
  }
}
