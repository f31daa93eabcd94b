import { ApiPaths, type MeResponse } from '@wfh/shared';
import { apiRequest } from './client';

export function fetchMe(): Promise<MeResponse> {
  return apiRequest<MeResponse>({ path: ApiPaths.me });
}
