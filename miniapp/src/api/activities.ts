import {
  ApiPaths,
  pathOf,
  type ActivitiesQuery,
  type ActivityDetail,
  type ActivityInput,
  type ActivitySummary,
  type AttendeeList,
  type CancelActivityInput,
  type CheckInInput,
  type CheckInResult,
  type CheckInUndone,
  type MySignup,
  type ReservedSignupInput,
  type SignupInput,
  type SignupView,
  type UpdateActivityInput,
} from '@wfh/shared';
import { queryString } from '../utils/query';
import { apiRequest } from './client';

// Every page here shows the server's reason itself, large and where she is looking, so the calls
// are quiet (no toast on top of it).

/** Upcoming activities near a point or of her village and township. Public: no sign-in needed. */
export function fetchActivities(query: ActivitiesQuery): Promise<ActivitySummary[]> {
  const { latitude, longitude, radiusMetres, federationId, category, limit } = query;
  const path = ApiPaths.activities + queryString({ latitude, longitude, radiusMetres, federationId, category, limit });
  return apiRequest<ActivitySummary[]>({ path, auth: false, quiet: true });
}

/** Public, but sent with her token when she has one: then it carries her own sign-ups. */
export function fetchActivity(id: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>({ path: pathOf(ApiPaths.activity, { id }), quiet: true });
}

export function signUp(activityId: string, input: SignupInput): Promise<SignupView> {
  return apiRequest<SignupView>({
    method: 'POST',
    path: pathOf(ApiPaths.activitySignups, { id: activityId }),
    data: input,
    quiet: true,
  });
}

/** Gives up a seat or leaves the waiting list. */
export function cancelSignup(signupId: string): Promise<SignupView> {
  return apiRequest<SignupView>({ method: 'POST', path: pathOf(ApiPaths.signupCancel, { id: signupId }), data: {}, quiet: true });
}

export function fetchMySignups(): Promise<MySignup[]> {
  return apiRequest<MySignup[]>({ path: ApiPaths.mySignups, quiet: true });
}

// ---- a body's own activities (chairs, deputies, township staff) ----

/** Drafts included. */
export function fetchFederationActivities(federationId: string): Promise<ActivitySummary[]> {
  return apiRequest<ActivitySummary[]>({ path: pathOf(ApiPaths.federationActivities, { id: federationId }), quiet: true });
}

/** Saved as a draft: nobody sees it until it is published. */
export function createActivity(federationId: string, input: ActivityInput): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>({
    method: 'POST',
    path: pathOf(ApiPaths.federationActivities, { id: federationId }),
    data: input,
    quiet: true,
  });
}

export function updateActivity(id: string, input: UpdateActivityInput): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>({ method: 'PATCH', path: pathOf(ApiPaths.activity, { id }), data: input, quiet: true });
}

export function publishActivity(id: string): Promise<ActivityDetail> {
  return apiRequest<ActivityDetail>({ method: 'POST', path: pathOf(ApiPaths.activityPublish, { id }), data: {}, quiet: true });
}

export function cancelActivity(id: string, reason: string): Promise<ActivityDetail> {
  const body: CancelActivityInput = { reason };
  return apiRequest<ActivityDetail>({ method: 'POST', path: pathOf(ApiPaths.activityCancel, { id }), data: body, quiet: true });
}

export function fetchAttendees(activityId: string): Promise<AttendeeList> {
  return apiRequest<AttendeeList>({ path: pathOf(ApiPaths.activityAttendees, { id: activityId }), quiet: true });
}

/** The chair adds a woman (who may not use WeChat) to one of the reserved places. */
export function addReservedSignup(activityId: string, input: ReservedSignupInput): Promise<SignupView> {
  return apiRequest<SignupView>({
    method: 'POST',
    path: pathOf(ApiPaths.activityAttendees, { id: activityId }),
    data: input,
    quiet: true,
  });
}

/** The attendee list as CSV text; full phone numbers only when she asks for them. */
export function fetchAttendeesCsv(activityId: string, fullPhones: boolean): Promise<string> {
  const path = pathOf(ApiPaths.activityAttendeesCsv, { id: activityId }) + queryString({ phones: fullPhones ? 'full' : undefined });
  return apiRequest<string>({ path, dataType: 'text', quiet: true });
}

/** Takes back a check-in tapped by mistake; again is harmless (undone: false). */
export function undoCheckIn(activityId: string, signupId: string): Promise<CheckInUndone> {
  return apiRequest<CheckInUndone>({
    method: 'DELETE',
    path: pathOf(ApiPaths.activityCheckIn, { id: activityId, signupId }),
    quiet: true,
  });
}

/** What the QR code holds, or the six digits she reads out. */
export function checkIn(activityId: string, code: string): Promise<CheckInResult> {
  const body: CheckInInput = { code };
  return apiRequest<CheckInResult>({
    method: 'POST',
    path: pathOf(ApiPaths.activityCheckIns, { id: activityId }),
    data: body,
    quiet: true,
  });
}
