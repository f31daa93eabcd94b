import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { HANDLER_STATE_LABELS, isOpen, personLabel, type RequestSummary } from '@wfh/shared';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { useInbox, useReferredOut } from '../../../hooks/useRequests';
import { DISCREET_INBOX_TITLE, handlerDeadlineLine, sortInbox } from '../../../utils/requests';
import { Routes } from '../../../utils/routes';
import { isVillageCode } from '../../../utils/places';
import { timeAgo } from '../../../utils/time';
import { useCover } from '../hooks';
import { CoverBanner } from './CoverBanner';

/**
 * Who asked and how long ago: 「王秀英 · 2小时前」. Her village is named when it is not the body
 * whose list this is (a township's inbox holds its villages' requests).
 */
export function askedLine(request: RequestSummary, listBodyId: string, now?: number): string {
  const who = personLabel(request.requester, { as: 'requester' });
  const where = request.homeFederationId !== listBodyId && request.homeFederationName ? ` · ${request.homeFederationName}` : '';
  return `${who}${where} · ${timeAgo(request.createdAt, now)}`;
}

/** One request of a handler's list: what it is about, who asked, where it stands, what is due. */
export function HandlerRequestItem({ request, listBodyId, extra }: { request: RequestSummary; listBodyId: string; extra?: string }) {
  const deadline = handlerDeadlineLine(request);
  return (
    <View
      className={request.overdue ? 'inbox-item inbox-item-overdue' : 'inbox-item'}
      hoverClass="place-item-pressed"
      onClick={() => void Taro.navigateTo({ url: Routes.handleRequest(request.id) })}
    >
      <View className="place-tags">
        {request.urgent && <Text className="tag tag-urgent">紧急</Text>}
        {request.overdue && <Text className="tag tag-overdue">已超时</Text>}
        <Text className="inbox-state">{HANDLER_STATE_LABELS[request.state]}</Text>
      </View>
      {/* Whoever sees the list over her shoulder learns nothing of a sensitive matter (the server names nobody beside it). */}
      <Text className="place-name inbox-title">{request.sensitive ? DISCREET_INBOX_TITLE : request.categoryName}</Text>
      <Text className="place-address inbox-asked">{askedLine(request, listBodyId)}</Text>
      {extra && <Text className="place-address inbox-extra">{extra}</Text>}
      {deadline && <Text className={request.overdue ? 'inbox-due deadline-overdue' : 'inbox-due'}>{deadline}</Text>}
    </View>
  );
}

/** While a village chair is away: who answers meanwhile. Nothing shows if it cannot be loaded. */
function VillageCover({ federationId }: { federationId: string }) {
  const { state } = useCover(federationId);
  return state.status === 'ready' ? <CoverBanner covers={state.data} /> : null;
}

/** 「我转出的」: one tap to what this body referred away, with how many are still being handled. */
function ReferredOutButton({ federationId }: { federationId: string }) {
  const { state } = useReferredOut(federationId);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  const open = state.data.filter((request) => isOpen(request.state)).length;
  return (
    <Button
      className="btn btn-secondary open-referred-out"
      hoverClass="btn-pressed"
      onClick={() => void Taro.navigateTo({ url: Routes.referredOut(federationId) })}
    >
      我转出的{open > 0 ? `（${open}件还在办）` : ''}
    </Button>
  );
}

/**
 * The requests one body must answer, first: overdue first, then the nearest deadline. Below them,
 * what it referred away (for those who answer there) and the body's other tools.
 */
export function InboxList({
  federationId,
  federationName,
  tools,
  answersHere = false,
}: {
  federationId: string;
  federationName: string;
  /** What she may do at this body besides answering (代为登记, 外出请假). */
  tools?: ReactNode;
  /** She holds a role at this very body (not watching it from above): its referrals are hers to follow. */
  answersHere?: boolean;
}) {
  const { state, reload } = useInbox(federationId);
  return (
    <View className="card inbox" data-federation={federationId}>
      <Text className="card-title inbox-body">{federationName}</Text>
      {/* Who stands in is for those who answer here: the server shows a body's cover to its own roles only. */}
      {answersHere && isVillageCode(federationId) && <VillageCover federationId={federationId} />}
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <Text className="body-text inbox-empty">现在没有要办理的求助。</Text>
      )}
      {state.status === 'ready' && sortInbox(state.data).map((request) => <HandlerRequestItem key={request.id} request={request} listBodyId={federationId} />)}
      {answersHere && <ReferredOutButton federationId={federationId} />}
      {tools && <View className="inbox-tools">{tools}</View>}
    </View>
  );
}
