import {
  ApiPaths,
  pathOf,
  type ManagedNotice,
  type NoticeInput,
  type NoticeReach,
  type NoticeSummary,
  type NoticeUpdateInput,
  type NoticeView,
} from '@wfh/shared';
import { apiRequest } from './client';

// Loads are quiet (the page shows the reason where she looks); the chair's steps show the server's reason as a toast.

export function fetchMyNotices(): Promise<NoticeSummary[]> {
  return apiRequest<NoticeSummary[]>({ path: ApiPaths.myNotices, quiet: true });
}

/** Opening it is what counts her as having read it. */
export function fetchNotice(id: string): Promise<NoticeView> {
  return apiRequest<NoticeView>({ path: pathOf(ApiPaths.notice, { id }), quiet: true });
}

export function fetchBodyNotices(federationId: string): Promise<ManagedNotice[]> {
  return apiRequest<ManagedNotice[]>({ path: pathOf(ApiPaths.federationNotices, { id: federationId }), quiet: true });
}

export function createNotice(federationId: string, input: NoticeInput): Promise<NoticeView> {
  return apiRequest<NoticeView>({ method: 'POST', path: pathOf(ApiPaths.federationNotices, { id: federationId }), data: input });
}

export function updateNotice(id: string, input: NoticeUpdateInput): Promise<NoticeView> {
  return apiRequest<NoticeView>({ method: 'PATCH', path: pathOf(ApiPaths.notice, { id }), data: input });
}

/** Now, or at `publishAt` (scheduled). */
export function publishNotice(id: string, publishAt: string | null): Promise<NoticeView> {
  return apiRequest<NoticeView>({ method: 'POST', path: pathOf(ApiPaths.noticePublish, { id }), data: publishAt ? { publishAt } : {} });
}

export function withdrawNotice(id: string): Promise<NoticeView> {
  return apiRequest<NoticeView>({ method: 'POST', path: pathOf(ApiPaths.noticeWithdraw, { id }), data: {} });
}

export function fetchNoticeReach(id: string): Promise<NoticeReach> {
  return apiRequest<NoticeReach>({ path: pathOf(ApiPaths.noticeReach, { id }), quiet: true });
}
