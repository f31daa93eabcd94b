import {
  ApiPaths,
  pathOf,
  type ConcernDetail,
  type ConcernInput,
  type ConcernSummary,
  type ConcernUpdateInput,
  type ContactLogInput,
  type CouncilAgendaInput,
  type CouncilMeetingView,
  type CouncilMinutesInput,
  type DeclineConcernInput,
  type MergeConcernInput,
  type RosterEntryDetail,
  type RosterEntryInput,
  type RosterEntryUpdate,
  type RosterEntryView,
  type RosterInvitationView,
  type VoicesBoard,
} from '@wfh/shared';
import { apiRequest } from './client';

// Loads and forms are quiet: the page shows the reason itself, where she is looking. One-tap steps
// (co-signing, publishing, answering) show the server's reason as a toast.

// ---- concerns (议事) ----

/** 工作公开 of a body: its public concerns, its council meetings, the counts. Public. */
export function fetchVoicesBoard(federationId: string): Promise<VoicesBoard> {
  return apiRequest<VoicesBoard>({ path: pathOf(ApiPaths.federationVoices, { id: federationId }), quiet: true });
}

/** A body's concerns; its moderators also get the pending and declined ones. */
export function fetchBodyConcerns(federationId: string): Promise<ConcernSummary[]> {
  return apiRequest<ConcernSummary[]>({ path: pathOf(ApiPaths.federationConcerns, { id: federationId }), quiet: true });
}

export function fetchMyConcerns(): Promise<ConcernSummary[]> {
  return apiRequest<ConcernSummary[]>({ path: ApiPaths.myConcerns, quiet: true });
}

/** Sent with her token when she has one: then it says whether she may co-sign. */
export function fetchConcern(id: string): Promise<ConcernDetail> {
  return apiRequest<ConcernDetail>({ path: pathOf(ApiPaths.concern, { id }), quiet: true });
}

/** The form shows the refusal itself: a personal-looking one gets its own hint, not a toast. */
export function raiseConcern(federationId: string, input: ConcernInput): Promise<ConcernDetail> {
  return apiRequest<ConcernDetail>({
    method: 'POST',
    path: pathOf(ApiPaths.federationConcerns, { id: federationId }),
    data: input,
    quiet: true,
  });
}

export function cosignConcern(id: string): Promise<ConcernDetail> {
  return apiRequest<ConcernDetail>({ method: 'POST', path: pathOf(ApiPaths.concernCosign, { id }), data: {} });
}

export function withdrawCosign(id: string): Promise<ConcernDetail> {
  return apiRequest<ConcernDetail>({ method: 'DELETE', path: pathOf(ApiPaths.concernCosign, { id }) });
}

export function publishConcern(id: string): Promise<ConcernDetail> {
  return apiRequest<ConcernDetail>({ method: 'POST', path: pathOf(ApiPaths.concernPublish, { id }), data: {} });
}

export function declineConcern(id: string, reason: string): Promise<ConcernDetail> {
  const body: DeclineConcernInput = { reason };
  return apiRequest<ConcernDetail>({ method: 'POST', path: pathOf(ApiPaths.concernDecline, { id }), data: body });
}

export function mergeConcern(id: string, intoConcernId: string): Promise<ConcernDetail> {
  const body: MergeConcernInput = { intoConcernId };
  return apiRequest<ConcernDetail>({ method: 'POST', path: pathOf(ApiPaths.concernMerge, { id }), data: body });
}

/** The council's answer or a later step. */
export function answerConcern(id: string, input: ConcernUpdateInput): Promise<ConcernDetail> {
  return apiRequest<ConcernDetail>({ method: 'POST', path: pathOf(ApiPaths.concernUpdates, { id }), data: input });
}

export function setCouncilAgenda(activityId: string, concernIds: string[]): Promise<CouncilMeetingView> {
  const body: CouncilAgendaInput = { concernIds };
  return apiRequest<CouncilMeetingView>({ method: 'PUT', path: pathOf(ApiPaths.councilAgenda, { id: activityId }), data: body });
}

export function setCouncilMinutes(activityId: string, minutes: string): Promise<CouncilMeetingView> {
  const body: CouncilMinutesInput = { minutes };
  return apiRequest<CouncilMeetingView>({ method: 'PUT', path: pathOf(ApiPaths.councilMinutes, { id: activityId }), data: body });
}

// ---- contact rosters (联系名单) ----

/** Her own entries; the chair gets all of the body's, with the phones of others' entries masked. */
export function fetchRoster(federationId: string): Promise<RosterEntryView[]> {
  return apiRequest<RosterEntryView[]>({ path: pathOf(ApiPaths.federationRoster, { id: federationId }), quiet: true });
}

export function addRosterEntry(federationId: string, input: RosterEntryInput): Promise<RosterEntryView> {
  return apiRequest<RosterEntryView>({
    method: 'POST',
    path: pathOf(ApiPaths.federationRoster, { id: federationId }),
    data: input,
    quiet: true,
  });
}

/** A code the woman types in to join the member's roster herself. */
export function inviteToRoster(federationId: string): Promise<RosterInvitationView> {
  return apiRequest<RosterInvitationView>({
    method: 'POST',
    path: pathOf(ApiPaths.federationRosterInvitations, { id: federationId }),
    data: {},
  });
}

export function fetchRosterInvitation(code: string): Promise<RosterInvitationView> {
  return apiRequest<RosterInvitationView>({ path: pathOf(ApiPaths.rosterInvitation, { code }), quiet: true });
}

/** Her consent to be on the roster. The server answers 204, with nothing. */
export function acceptRosterInvitation(code: string): Promise<void> {
  return apiRequest<void>({ method: 'POST', path: pathOf(ApiPaths.rosterInvitationAccept, { code }), data: {}, quiet: true });
}

export function fetchRosterEntry(id: string): Promise<RosterEntryDetail> {
  return apiRequest<RosterEntryDetail>({ path: pathOf(ApiPaths.rosterEntry, { id }), quiet: true });
}

export function updateRosterEntry(id: string, update: RosterEntryUpdate): Promise<RosterEntryView> {
  return apiRequest<RosterEntryView>({ method: 'PATCH', path: pathOf(ApiPaths.rosterEntry, { id }), data: update });
}

export function removeRosterEntry(id: string): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: pathOf(ApiPaths.rosterEntry, { id }) });
}

export function logContact(id: string, input: ContactLogInput): Promise<RosterEntryDetail> {
  return apiRequest<RosterEntryDetail>({ method: 'POST', path: pathOf(ApiPaths.rosterEntryContacts, { id }), data: input, quiet: true });
}
