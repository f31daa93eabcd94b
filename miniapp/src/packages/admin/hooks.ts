import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { BodyMember, FailedMessageView, FeedbackView, HolidayCoverage, HolidayYear, RegionDetail, RegionNode, RoutingRuleView, ServiceCategory } from '@wfh/shared';
import {
  ApiError,
  fetchCountyCategories,
  fetchCountyFeedback,
  fetchHolidayCoverage,
  fetchHolidayYear,
  fetchMembers,
  fetchRegion,
  fetchRegionChildren,
  fetchRoutingRules,
} from '../../api';
import { fetchFailedMessages } from '../../api/messages';
import { useLoad } from '../../hooks/useLoad';

/** What to tell her when a change did not go through: the server's reason, or the network's. */
export const problemOf = (caught: unknown): string => (caught instanceof ApiError ? caught : ApiError.network()).message;

export interface Question {
  title: string;
  content: string;
  confirmText: string;
  cancelText: string;
}

/**
 * One change at a time from a button: busy while it runs (a second tap does nothing), and the
 * reason when it did not go through, for the page to show where she is looking.
 */
export function useChange() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (change: () => Promise<void>): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await change();
    } catch (caught) {
      setProblem(problemOf(caught));
    } finally {
      setBusy(false);
    }
  };
  /** The same, once she has said yes to the question: for what is hard to take back. */
  const confirmThenRun = async (question: Question, change: () => Promise<void>): Promise<void> => {
    if (busy) return;
    const { confirm } = await Taro.showModal(question);
    if (confirm) await run(change);
  };
  return { busy, problem, setProblem, run, confirmThenRun };
}

/** The regions under a region; a null code loads nothing. */
export function useChildRegions(code: string | null) {
  return useLoad<RegionNode[]>(code === null ? null : `children:${code}`, () => fetchRegionChildren(code!));
}

export function useRegionDetail(code: string) {
  return useLoad<RegionDetail>(`region:${code}`, () => fetchRegion(code));
}

export function useBodyMembers(federationId: string) {
  return useLoad<BodyMember[]>(`members:${federationId}`, () => fetchMembers(federationId));
}

export function useCountyCategories(countyId: string) {
  return useLoad<ServiceCategory[]>(`categories:${countyId}`, () => fetchCountyCategories(countyId));
}

export function useRoutingRules(countyId: string) {
  return useLoad<RoutingRuleView[]>(`rules:${countyId}`, () => fetchRoutingRules(countyId));
}

export function useFailedMessages(countyId: string) {
  return useLoad<FailedMessageView[]>(`failed-messages:${countyId}`, () => fetchFailedMessages(countyId));
}

export function useCountyFeedback(countyId: string) {
  return useLoad<FeedbackView[]>(`feedback:${countyId}`, () => fetchCountyFeedback(countyId));
}

/** Only for a county admin (enabled): nobody else may ask. */
export function useHolidayCoverage(enabled: boolean) {
  return useLoad<HolidayCoverage>(enabled ? 'holiday-coverage' : null, fetchHolidayCoverage);
}

export function useHolidayYear(year: number) {
  return useLoad<HolidayYear>(`holidays:${year}`, () => fetchHolidayYear(year));
}
