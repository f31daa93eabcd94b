import {
  ApiPaths,
  pathOf,
  type FeedbackInput,
  type FeedbackReplyInput,
  type FeedbackView,
  type HolidayCoverage,
  type HolidayYear,
  type SetHolidayYearInput,
  type RevokeRoleInput,
  type RoleInvitationInput,
  type RoleInvitationView,
  type RoutingPreview,
  type RoutingPreviewInput,
  type RoutingRuleInput,
  type RoutingRuleView,
  type ServiceCategory,
  type ServiceCategoryKey,
  type SetBodyActiveInput,
  type SetRegisteredWomenInput,
  type UpdateCategorySettingRequest,
} from '@wfh/shared';
import { apiRequest } from './client';

// A county's administration, and what reaches it from women (role invitations, 投诉建议). Every
// page shows the server's reason itself, where she is looking, so the calls are quiet.

// ---- bodies ----

/** Switch a township or village body on or off. */
export function setBodyActive(federationId: string, active: boolean): Promise<void> {
  const body: SetBodyActiveInput = { active };
  return apiRequest<void>({ method: 'PUT', path: pathOf(ApiPaths.federationActive, { id: federationId }), data: body, quiet: true });
}

/** The women a body registers as reachable (the denominator of 知晓率); null clears it. */
export function setRegisteredWomen(federationId: string, registeredWomen: number | null): Promise<void> {
  const body: SetRegisteredWomenInput = { registeredWomen };
  return apiRequest<void>({ method: 'PUT', path: pathOf(ApiPaths.federationRegisteredWomen, { id: federationId }), data: body, quiet: true });
}

// ---- roles ----

export function inviteToRole(federationId: string, input: RoleInvitationInput): Promise<RoleInvitationView> {
  return apiRequest<RoleInvitationView>({
    method: 'POST',
    path: pathOf(ApiPaths.federationRoleInvitations, { id: federationId }),
    data: input,
    quiet: true,
  });
}

export function revokeRole(federationId: string, input: RevokeRoleInput): Promise<void> {
  return apiRequest<void>({ method: 'POST', path: pathOf(ApiPaths.federationRoleRevocations, { id: federationId }), data: input, quiet: true });
}

/** What a code offers, before she accepts it. */
export function fetchRoleInvitation(code: string): Promise<RoleInvitationView> {
  return apiRequest<RoleInvitationView>({ path: pathOf(ApiPaths.roleInvitation, { code }), quiet: true });
}

export function acceptRoleInvitation(code: string): Promise<void> {
  return apiRequest<void>({ method: 'POST', path: pathOf(ApiPaths.roleInvitationAccept, { code }), data: {}, quiet: true });
}

// ---- the county's catalogue ----

export function fetchCountyCategories(countyId: string): Promise<ServiceCategory[]> {
  return apiRequest<ServiceCategory[]>({ path: pathOf(ApiPaths.countyCategories, { id: countyId }), quiet: true });
}

/** Answers with the whole catalogue as the county now runs it. */
export function updateCountyCategory(countyId: string, key: ServiceCategoryKey, input: UpdateCategorySettingRequest): Promise<ServiceCategory[]> {
  return apiRequest<ServiceCategory[]>({
    method: 'PATCH',
    path: pathOf(ApiPaths.countyCategory, { id: countyId, key }),
    data: input,
    quiet: true,
  });
}

// ---- routing rules ----

export function fetchRoutingRules(countyId: string): Promise<RoutingRuleView[]> {
  return apiRequest<RoutingRuleView[]>({ path: pathOf(ApiPaths.countyRoutingRules, { id: countyId }), quiet: true });
}

/** Adds a rule, or replaces the one for the same region and category. */
export function createRoutingRule(countyId: string, input: RoutingRuleInput): Promise<RoutingRuleView> {
  return apiRequest<RoutingRuleView>({ method: 'POST', path: pathOf(ApiPaths.countyRoutingRules, { id: countyId }), data: input, quiet: true });
}

export function deleteRoutingRule(countyId: string, ruleId: string): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: pathOf(ApiPaths.countyRoutingRule, { id: countyId, ruleId }), quiet: true });
}

export function previewRouting(countyId: string, input: RoutingPreviewInput): Promise<RoutingPreview> {
  return apiRequest<RoutingPreview>({ method: 'POST', path: pathOf(ApiPaths.countyRoutingPreview, { id: countyId }), data: input, quiet: true });
}

// ---- 投诉建议 ----

export function submitFeedback(input: FeedbackInput): Promise<FeedbackView> {
  return apiRequest<FeedbackView>({ method: 'POST', path: ApiPaths.feedback, data: input, quiet: true });
}

export function fetchMyFeedback(): Promise<FeedbackView[]> {
  return apiRequest<FeedbackView[]>({ path: ApiPaths.myFeedback, quiet: true });
}

export function fetchCountyFeedback(countyId: string): Promise<FeedbackView[]> {
  return apiRequest<FeedbackView[]>({ path: pathOf(ApiPaths.countyFeedback, { id: countyId }), quiet: true });
}

export function replyToFeedback(id: string, reply: string): Promise<FeedbackView> {
  const body: FeedbackReplyInput = { reply };
  return apiRequest<FeedbackView>({ method: 'POST', path: pathOf(ApiPaths.feedbackReply, { id }), data: body, quiet: true });
}

// ---- the holiday calendar (the deployment's, kept by any county admin) ----

/** Whether this year's and next year's holidays are known to the deadline clock. */
export function fetchHolidayCoverage(): Promise<HolidayCoverage> {
  return apiRequest<HolidayCoverage>({ path: ApiPaths.holidayCoverage, quiet: true });
}

export function fetchHolidayYear(year: number): Promise<HolidayYear> {
  return apiRequest<HolidayYear>({ path: pathOf(ApiPaths.holidayYear, { year: String(year) }), quiet: true });
}

/** Replaces the year's entered holidays and 调休 workdays with these. */
export function saveHolidayYear(year: number, input: SetHolidayYearInput): Promise<HolidayYear> {
  return apiRequest<HolidayYear>({ method: 'PUT', path: pathOf(ApiPaths.holidayYear, { year: String(year) }), data: input, quiet: true });
}
