import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  isOpen,
  SubscriptionKind,
  RATING_LABELS,
  REQUEST_STATE_LABELS,
  RequestAction,
  RequestState,
  type RequestDetail,
} from '@wfh/shared';
import { actOnRequest } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { CarePage } from '../../components/CarePage';
import { RemindersCard } from '../../components/RemindersCard';
import { SignInPanel } from '../../components/SignInPanel';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { Timeline } from '../../components/Timeline';
import { useMe } from '../../hooks/useMe';
import { useRequestDetail } from '../../hooks/useRequests';
import { herDeadlineLine } from '../../utils/requests';
import { formatDate } from '../../utils/time';
import { EmergencyCalls, WomensHotline } from './components/Hotlines';
import { QuickExit } from './components/QuickExit';
import { RatingPanel } from './components/RatingPanel';
import { herTitleOf } from './components/RequestItem';
import '../../styles/requests.css';

/** What she wrote. For a sensitive matter it stays folded until she asks to see it. */
function HerDescription({ request }: { request: RequestDetail }) {
  const [shown, setShown] = useState(!request.sensitive);
  return (
    <View className="card">
      <Text className="card-title">您写的情况</Text>
      {shown ? (
        <Text className="body-text my-description">{request.description}</Text>
      ) : (
        <Text className="link-text show-description" onClick={() => setShown(true)}>
          点这里查看
        </Text>
      )}
    </View>
  );
}

function WithdrawButton({ request, onChange }: { request: RequestDetail; onChange: (next: RequestDetail) => void }) {
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回这条求助？',
      content: '撤回后，妇联就不再办理这条求助了。以后需要帮助，可以再提。',
      confirmText: '确定撤回',
      cancelText: '不撤回',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      onChange(await actOnRequest(request.id, RequestAction.Withdraw, {}));
      void Taro.showToast({ title: '已撤回', icon: 'success', duration: 2000 });
    } catch {
      // The client has shown why.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      className="btn btn-secondary withdraw-request"
      hoverClass="btn-pressed"
      loading={onlyIf(busy)}
      disabled={onlyIf(busy)}
      onClick={() => void withdraw().catch(() => undefined)}
    >
      撤回求助
    </Button>
  );
}

function RequestView({ request, onChange }: { request: RequestDetail; onChange: (next: RequestDetail) => void }) {
  const deadline = herDeadlineLine(request);
  return (
    <View>
      {request.sensitive && <QuickExit />}
      {request.sensitive && <EmergencyCalls />}
      <View className="card">
        <Text className="card-title">{herTitleOf(request)}</Text>
        <Text className={`request-state state-${request.state}`}>{REQUEST_STATE_LABELS[request.state]}</Text>
        {deadline && (
          <Text className={request.overdue ? 'request-deadline deadline-overdue' : 'request-deadline'}>{deadline}</Text>
        )}
        <Text className="body-text request-body">办理单位：{request.federationName}</Text>
        <Text className="hint">{formatDate(request.createdAt)}提交</Text>
        {request.rating !== null && (
          <Text className="body-text request-rating">
            您的评价：{RATING_LABELS[request.rating.rating]}，{request.rating.helped ? '对您有帮助' : '对您没有帮助'}
          </Text>
        )}
      </View>

      {isOpen(request.state) && (
        <RemindersCard
          kinds={[SubscriptionKind.RequestUpdate]}
          ask="有进展时通知我"
          intro={request.sensitive ? '妇联回复或办结时，用微信告诉您。提醒里只写“您有一条新的消息”，不写求助内容。' : '妇联回复或办结时，用微信告诉您。'}
        />
      )}

      {request.state === RequestState.Resolved && <RatingPanel request={request} onRated={onChange} />}

      <HerDescription request={request} />

      <View className="card">
        <Text className="card-title">办理经过</Text>
        <Timeline events={request.timeline} viewer="woman" />
      </View>

      {isOpen(request.state) && <WithdrawButton request={request} onChange={onChange} />}
      {!request.sensitive && (
        <View className="card hotline-card">
          <Text className="body-text">着急或者有危险，可以直接打电话：</Text>
          <WomensHotline />
        </View>
      )}
    </View>
  );
}

function RequestLoader({ id }: { id: string }) {
  const { state, reload, set } = useRequestDetail(id);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return <RequestView request={state.data} onChange={set} />;
}

/** One of her requests: where it stands, when she will hear back, what happened, rating, withdrawing. */
export default function MyRequestPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  const { state, reload } = useMe();

  return (
    <CarePage title="我的求助">
      {id === null && <Text className="body-text">没有找到这条求助。</Text>}
      {id !== null && state.status === 'loading' && <Loading />}
      {id !== null && state.status === 'signed-out' && <SignInPanel />}
      {id !== null && state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {id !== null && state.status === 'ready' && <RequestLoader id={id} />}
    </CarePage>
  );
}
