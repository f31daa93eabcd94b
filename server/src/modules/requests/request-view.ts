import {
  RequestAction,
  RequestState,
  type Answers,
  type RequestContact,
  type RequestDetail,
  type RequestEventView,
  type RequestSummary,
} from '@wfh/shared';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import { answerViews } from './answers';
import type { RequestEventEntity } from './request-event.entity';
import type { ServiceCategoryEntity } from './service-category.entity';
import type { ServiceRequestEntity } from './service-request.entity';

export const AWAITING_ANSWER = new Set([RequestState.Submitted, RequestState.Referred, RequestState.Escalated, RequestState.Reopened]);
/** Steps that hand the request to another body, whose name the timeline shows. */
const HANDOVERS = new Set<string>([RequestAction.Refer, RequestAction.ReturnReferral, RequestAction.Escalate]);
export const BEING_HANDLED = new Set([RequestState.Accepted, RequestState.InProgress]);

/** The deadline that counts now: a first answer while she waits for one, then the resolution. */
export function currentDeadline(request: Pick<ServiceRequestEntity, 'state' | 'firstResponseDueAt' | 'resolutionDueAt'>): Date | null {
  if (AWAITING_ANSWER.has(request.state)) return request.firstResponseDueAt;
  if (BEING_HANDLED.has(request.state)) return request.resolutionDueAt;
  return null;
}

/** Who reads a request: she herself, or staff who may see it (request-access.ts). */
export type RequestViewer = 'woman' | 'staff';

export function toSummary(
  request: ServiceRequestEntity,
  category: Pick<ServiceCategoryEntity, 'name'> | undefined,
  federationNames: Map<string, string>,
  now: Date,
  /** Her name as this reader may see it (RequestSummary.requester). */
  requester: string | null = null,
): RequestSummary {
  const deadline = currentDeadline(request);
  return {
    id: request.id,
    categoryKey: request.categoryKey,
    categoryName: category?.name ?? request.categoryKey,
    sensitive: request.sensitive,
    urgent: request.urgent,
    state: request.state,
    federationId: request.federationId,
    federationName: federationNames.get(request.federationId) ?? '',
    homeFederationId: request.homeFederationId,
    homeFederationName: federationNames.get(request.homeFederationId) ?? '',
    createdAt: request.createdAt.toISOString(),
    firstResponseDueAt: AWAITING_ANSWER.has(request.state) ? (request.firstResponseDueAt?.toISOString() ?? null) : null,
    resolutionDueAt: AWAITING_ANSWER.has(request.state) || BEING_HANDLED.has(request.state) ? (request.resolutionDueAt?.toISOString() ?? null) : null,
    overdue: deadline !== null && deadline.getTime() <= now.getTime(),
    onBehalf: request.onBehalf,
    requester,
  };
}

export function toEventView(
  event: RequestEventEntity,
  cipher: FieldCipher,
  federationNames: Map<string, string>,
  viewer: RequestViewer,
): RequestEventView {
  return {
    at: event.at.toISOString(),
    action: event.action,
    actor: event.actorKind,
    federationName: event.actorFederationId ? (federationNames.get(event.actorFederationId) ?? null) : null,
    toFederationName: HANDOVERS.has(event.action) ? (federationNames.get(event.federationId) ?? null) : null,
    toState: event.toState,
    note: event.noteEnc ? cipher.decrypt(event.noteEnc) : null,
    staffNote: viewer === 'staff' && event.staffNoteEnc ? cipher.decrypt(event.staffNoteEnc) : null,
  };
}

/**
 * Why the body holding it now holds it: the latest hand-over when there was one (a referral, its
 * return, an escalation), else routing's own reason. Staff read the colleague note of a referral or
 * return with it; she reads only who handed it on.
 */
export function whyHere(request: Pick<ServiceRequestEntity, 'routingReason'>, timeline: readonly RequestEventView[], viewer: RequestViewer): string {
  const handover = [...timeline].reverse().find((event) => HANDOVERS.has(event.action));
  if (!handover) return request.routingReason;
  const from = handover.federationName ?? '妇联';
  const note = handover.staffNote ? `：${handover.staffNote}` : '';
  switch (handover.action) {
    case RequestAction.Refer:
      return viewer === 'staff' ? `${from}转介过来${note}` : `由${from}转来办理`;
    case RequestAction.ReturnReferral:
      return viewer === 'staff' ? `${from}退回转介${note}` : `由${from}交回办理`;
    default:
      // An escalation says why in the system's own words, the same to everyone.
      return handover.note ?? request.routingReason;
  }
}

export function toDetail(
  request: ServiceRequestEntity,
  category: Pick<ServiceCategoryEntity, 'name' | 'questions'> | undefined,
  events: RequestEventEntity[],
  cipher: FieldCipher,
  federationNames: Map<string, string>,
  now: Date,
  viewer: RequestViewer,
  requester: string | null,
): RequestDetail {
  const timeline = events.map((event) => toEventView(event, cipher, federationNames, viewer));
  return {
    ...toSummary(request, category, federationNames, now, requester),
    description: cipher.decrypt(request.descriptionEnc),
    answers: answerViews(category?.questions ?? [], JSON.parse(cipher.decrypt(request.answersEnc)) as Answers),
    contact: JSON.parse(cipher.decrypt(request.contactEnc)) as RequestContact,
    routingReason: whyHere(request, timeline, viewer),
    timeline,
    rating: request.rating
      ? { rating: request.rating, helped: request.helped ?? false, comment: request.ratingCommentEnc ? cipher.decrypt(request.ratingCommentEnc) : null }
      : null,
  };
}
