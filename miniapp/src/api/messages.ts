import { ApiPaths, pathOf, type FailedMessageView, type SmsPreference } from '@wfh/shared';
import { apiRequest } from './client';

/** The county's messages of the last 30 days that reached nobody, newest first, with the reason. */
export function fetchFailedMessages(countyId: string): Promise<FailedMessageView[]> {
  return apiRequest<FailedMessageView[]>({ path: pathOf(ApiPaths.countyFailedMessages, { countyId }), quiet: true });
}

/** Whether she takes text messages when WeChat cannot reach her. */
export function fetchMySmsPreference(): Promise<SmsPreference> {
  return apiRequest<SmsPreference>({ path: ApiPaths.mySms, quiet: true });
}

/** 不要短信, or texts again. */
export function setMySmsPreference(enabled: boolean): Promise<SmsPreference> {
  const body: SmsPreference = { enabled };
  return apiRequest<SmsPreference>({ method: 'PUT', path: ApiPaths.mySms, data: body });
}
