import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { HANDLER_STATE_LABELS, personLabel, RATING_LABELS, type MeResponse, type RequestDetail } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { SignInPanel } from '../../components/SignInPanel';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { Timeline } from '../../components/Timeline';
import { useMe } from '../../hooks/useMe';
import { useRequestDetail } from '../../hooks/useRequests';
import { contactLine, handlerDeadlineLine, holdsRoleAt } from '../../utils/requests';
import { formatDateTime } from '../../utils/time';
import { ActionPanel } from './components/ActionPanel';
import '../../styles/requests.css';

/** Her answers under the questions' own labels, in the server's words and order. */
function Answers({ request }: { request: RequestDetail }) {
  if (request.answers.length === 0) return null;
  return (
    <View className="request-answers">
      {request.answers.map((answer) => (
        <View key={answer.key} className="answer-row">
          <Text className="field-label">{answer.label}</Text>
          <Text className="body-text answer-value">{answer.value}</Text>
        </View>
      ))}
    </View>
  );
}

function HandlerView({ request, me, onChange }: { request: RequestDetail; me: MeResponse; onChange: (next: RequestDetail) => void }) {
  const deadline = handlerDeadlineLine(request);
  return (
    <View>
      <View className="card">
        <View className="place-tags">
          {request.urgent && <Text className="tag tag-urgent">紧急</Text>}
          {request.sensitive && <Text className="tag tag-sensitive">需谨慎处理</Text>}
          {request.overdue && <Text className="tag tag-overdue">已超时</Text>}
        </View>
        <Text className="site-name request-category">{request.categoryName}</Text>
        <Text className={`request-state state-${request.state}`}>{HANDLER_STATE_LABELS[request.state]}</Text>
        {deadline && <Text className={request.overdue ? 'request-deadline deadline-overdue' : 'request-deadline'}>{deadline}</Text>}
        <Text className="body-text request-requester">求助人：{personLabel(request.requester, { as: 'requester' })}</Text>
        {request.homeFederationName && <Text className="body-text request-home">她所在的村（社区）：{request.homeFederationName}</Text>}
        <Text className="body-text request-body">办理单位：{request.federationName}</Text>
        <Text className="hint">
          {formatDateTime(request.createdAt)}
          {request.onBehalf ? '由工作人员代为提交' : '提交'}
        </Text>
        {request.routingReason && <Text className="hint routing-reason">为什么由这里办理：{request.routingReason}</Text>}
      </View>

      <View className="card">
        <Text className="card-title">她说的情况</Text>
        <Text className="body-text handler-description">{request.description}</Text>
        <Answers request={request} />
        <Text className="field-label">怎么联系她</Text>
        <Text className="body-text request-contact">{contactLine(request.contact)}</Text>
        {request.sensitive && (
          <Text className="hint">联系她之前，先确认她方便说话；不要给别人留言说明来意。</Text>
        )}
      </View>

      {request.rating !== null && (
        <View className="card">
          <Text className="card-title">她的评价</Text>
          <Text className="body-text request-rating">
            {RATING_LABELS[request.rating.rating]}，{request.rating.helped ? '有帮助' : '没有帮助'}
          </Text>
          {request.rating.comment && <Text className="body-text">{request.rating.comment}</Text>}
        </View>
      )}

      {holdsRoleAt(me.roles, request.federationId) ? (
        <ActionPanel request={request} onChange={onChange} />
      ) : (
        <Text className="hint not-holding">这条求助现在由{request.federationName}办理，您可以查看进度。</Text>
      )}

      <View className="card">
        <Text className="card-title">办理经过</Text>
        <Timeline events={request.timeline} viewer="handler" />
      </View>
    </View>
  );
}

function RequestLoader({ id, me }: { id: string; me: MeResponse }) {
  const { state, reload, set } = useRequestDetail(id);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return <HandlerView request={state.data} me={me} onChange={set} />;
}

/** A request in a handler's hands: everything she needs to act, the timeline, and the next steps. */
export default function HandleRequestPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  const { state, reload } = useMe();

  return (
    <CarePage title="办理求助">
      {id === null && <Text className="body-text">没有找到这条求助。</Text>}
      {id !== null && state.status === 'loading' && <Loading />}
      {id !== null && state.status === 'signed-out' && <SignInPanel />}
      {id !== null && state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {id !== null && state.status === 'ready' && <RequestLoader id={id} me={state.me} />}
    </CarePage>
  );
}
