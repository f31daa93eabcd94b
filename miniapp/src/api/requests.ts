import {
  ApiPaths,
  IDEMPOTENCY_HEADER,
  pathOf,
  RequestAction,
  requestActionPath,
  type AcceptRequestInput,
  type InboxCounts,
  type RatingCodeView,
  type ReferredOutSummary,
  type RateRequestInput,
  type ReferRequestInput,
  type ReplyRequestInput,
  type RequestDetail,
  type RequestSummary,
  type ResolveRequestInput,
  type ReturnReferralInput,
  type ServiceCategory,
  type SubmitRequestInput,
  type WithdrawRequestInput,
} from '@wfh/shared';
import { apiRequest } from './client';

/** What each lifecycle action posts; the system's own actions (escalate, auto-close) are not here. */
export interface RequestActionInputs {
  [RequestAction.Accept]: AcceptRequestInput;
  [RequestAction.Reply]: ReplyRequestInput;
  [RequestAction.Refer]: ReferRequestInput;
  [RequestAction.ReturnReferral]: ReturnReferralInput;
  [RequestAction.Resolve]: ResolveRequestInput;
  [RequestAction.Withdraw]: WithdrawRequestInput;
  [RequestAction.Rate]: RateRequestInput;
}

export type PostableAction = keyof RequestActionInputs;

/** The catalogue is public; the page shows a failure itself. */
export function fetchCategories(): Promise<ServiceCategory[]> {
  return apiRequest<ServiceCategory[]>({ path: ApiPaths.categories, auth: false, quiet: true });
}

/**
 * Files her request. The key stays the same for every retry of the same form, so a request that
 * reached the server before the signal dropped is not filed twice. The form shows failures itself:
 * one of them (the key already used) means good news.
 */
export function submitRequest(input: SubmitRequestInput, idempotencyKey: string): Promise<RequestDetail> {
  return apiRequest<RequestDetail>({
    method: 'POST',
    path: ApiPaths.requests,
    data: input,
    quiet: true,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

export function fetchMyRequests(): Promise<RequestSummary[]> {
  return apiRequest<RequestSummary[]>({ path: ApiPaths.myRequests, quiet: true });
}

export function fetchRequest(id: string): Promise<RequestDetail> {
  return apiRequest<RequestDetail>({ path: pathOf(ApiPaths.request, { id }), quiet: true });
}

/** A step of the lifecycle (hers: withdraw, rate; a handler's: accept … resolve). Failures show a toast. */
export function actOnRequest<A extends PostableAction>(
  id: string,
  action: A,
  input: RequestActionInputs[A],
): Promise<RequestDetail> {
  return apiRequest<RequestDetail>({ method: 'POST', path: pathOf(requestActionPath(action), { id }), data: input });
}

/** The requests a body must answer, for someone who holds a role there. */
export function fetchInbox(federationId: string): Promise<RequestSummary[]> {
  return apiRequest<RequestSummary[]>({ path: pathOf(ApiPaths.inbox, { id: federationId }), quiet: true });
}

/** How many requests wait in each of her inboxes; the home page shows it, quietly if it fails. */
export function fetchInboxCounts(): Promise<InboxCounts> {
  return apiRequest<InboxCounts>({ path: ApiPaths.myInboxCounts, quiet: true });
}

/** 「我转出的」: what a body referred to others, with where each stands. */
export function fetchReferredOut(federationId: string): Promise<ReferredOutSummary[]> {
  return apiRequest<ReferredOutSummary[]>({ path: pathOf(ApiPaths.referredOut, { id: federationId }), quiet: true });
}

/** Where the request of her rating code stands. Public: she need not sign in. The page shows failures. */
export function fetchRatingCode(code: string): Promise<RatingCodeView> {
  return apiRequest<RatingCodeView>({ path: pathOf(ApiPaths.rateByCode, { code }), auth: false, quiet: true });
}

/** She rates with her code. Public; the page shows failures. */
export function rateWithCode(code: string, input: RateRequestInput): Promise<void> {
  return apiRequest<void>({ method: 'POST', path: pathOf(ApiPaths.rateByCode, { code }), data: input, auth: false, quiet: true });
}
