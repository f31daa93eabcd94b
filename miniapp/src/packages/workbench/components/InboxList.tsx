import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { REQUEST_STATE_LABELS, type RequestSummary } from '@wfh/shared';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { useInbox } from '../../../hooks/useRequests';
import { DISCREET_INBOX_TITLE, handlerDeadlineLine, sortInbox } from '../../../utils/requests';
import { Routes } from '../../../utils/routes';
import { isVillageCode } from '../../../utils/places';
import { formatDate } from '../../../utils/time';
import { useCover } from '../hooks';
import { CoverBanner } from './CoverBanner';

function InboxItem({ request }: { request: RequestSummary }) {
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
        <Text className="inbox-state">{REQUEST_STATE_LABELS[request.state]}</Text>
      </View>
      {/* Whoever sees the list over her shoulder learns nothing of a sensitive matter. */}
      <Text className="place-name inbox-title">{request.sensitive ? DISCREET_INBOX_TITLE : request.categoryName}</Text>
      {request.homeFederationName && <Text className="place-address inbox-home">来自：{request.homeFederationName}</Text>}
      <Text className="place-address inbox-where">办理单位：{request.federationName}</Text>
      <Text className="place-address inbox-created">{formatDate(request.createdAt)}提交</Text>
      {deadline && <Text className={request.overdue ? 'inbox-due deadline-overdue' : 'inbox-due'}>{deadline}</Text>}
    </View>
  );
}

/** While a village chair is away: who answers meanwhile. Nothing shows if it cannot be loaded. */
function VillageCover({ federationId }: { federationId: string }) {
  const { state } = useCover(federationId);
  return state.status === 'ready' ? <CoverBanner covers={state.data} /> : null;
}

/** The requests one body must answer: overdue first, then the nearest deadline. */
export function InboxList({
  federationId,
  federationName,
  tools,
}: {
  federationId: string;
  federationName: string;
  /** What she may do at this body besides answering (代为登记, 外出请假). */
  tools?: ReactNode;
}) {
  const { state, reload } = useInbox(federationId);
  return (
    <View className="card inbox" data-federation={federationId}>
      <Text className="card-title inbox-body">{federationName}</Text>
      {isVillageCode(federationId) && <VillageCover federationId={federationId} />}
      {tools}
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <Text className="body-text inbox-empty">现在没有要办理的求助。</Text>
      )}
      {state.status === 'ready' && sortInbox(state.data).map((request) => <InboxItem key={request.id} request={request} />)}
    </View>
  );
}
