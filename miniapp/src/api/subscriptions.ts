import { ApiPaths, type MySubscriptions, type SubscriptionAnswers } from '@wfh/shared';
import { apiRequest } from './client';

/** How many reminders of each kind the server may still send her, and the template to ask for. */
export function fetchMySubscriptions(): Promise<MySubscriptions> {
  return apiRequest<MySubscriptions>({ path: ApiPaths.mySubscriptions, quiet: true });
}

/** Passes on WeChat's answers as they came; the server counts each 允许 as one reminder. */
export function reportSubscriptionAnswers(answers: SubscriptionAnswers['answers']): Promise<MySubscriptions> {
  const body: SubscriptionAnswers = { answers };
  return apiRequest<MySubscriptions>({ method: 'POST', path: ApiPaths.mySubscriptions, data: body });
}
