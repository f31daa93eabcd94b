import {
  ApiPaths,
  IDEMPOTENCY_HEADER,
  pathOf,
  type BodyMember,
  type CoverView,
  type OnBehalfCreated,
  type SetCoverRequest,
  type SubmitOnBehalfInput,
} from '@wfh/shared';
import { apiRequest } from './client';

/**
 * A chair or deputy records a request she took by phone, at the door or from 12338, at her village
 * body. The key stays the same for every retry of the same form (the server records it once and
 * answers a retry with the same rating code). The form shows the server's reason itself (consent
 * missing and the like).
 */
export function submitOnBehalf(federationId: string, input: SubmitOnBehalfInput, idempotencyKey: string): Promise<OnBehalfCreated> {
  return apiRequest<OnBehalfCreated>({
    method: 'POST',
    path: pathOf(ApiPaths.federationRequests, { id: federationId }),
    data: input,
    quiet: true,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

/** Who holds which role at a body: the deputies a chair may leave in charge. */
export function fetchMembers(federationId: string): Promise<BodyMember[]> {
  return apiRequest<BodyMember[]>({ path: pathOf(ApiPaths.federationMembers, { id: federationId }), quiet: true });
}

/** The chair's absences now and to come, with who stands in. */
export function fetchCover(federationId: string): Promise<CoverView[]> {
  return apiRequest<CoverView[]>({ path: pathOf(ApiPaths.federationCover, { id: federationId }), quiet: true });
}

/** The chair sets her time away (failures show a toast with the server's reason). */
export function setCover(federationId: string, input: SetCoverRequest): Promise<CoverView[]> {
  return apiRequest<CoverView[]>({ method: 'PUT', path: pathOf(ApiPaths.federationCover, { id: federationId }), data: input });
}

/** She is back early. */
export function endCover(federationId: string): Promise<CoverView[]> {
  return apiRequest<CoverView[]>({ method: 'DELETE', path: pathOf(ApiPaths.federationCover, { id: federationId }) });
}
