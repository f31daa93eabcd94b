import { Text, View } from '@tarojs/components';
import { isOpen, Permission, type ReferredOutSummary } from '@wfh/shared';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useReferredOut } from '../../hooks/useRequests';
import { timeAgo } from '../../utils/time';
import { BodyPage } from './components/BodyPage';
import { HandlerRequestItem } from './components/InboxList';
import '../../styles/requests.css';

/** 「3天前转给新台子镇妇联」 */
const sentLine = (request: ReferredOutSummary) => `${timeAgo(request.referredAt)}转给${request.federationName}`;

function Section({ title, name, requests, federationId }: { title: string; name: string; requests: ReferredOutSummary[]; federationId: string }) {
  if (requests.length === 0) return null;
  return (
    <View className={`card ${name}`}>
      <Text className="card-title">
        {title}（{requests.length}件）
      </Text>
      {requests.map((request) => (
        <HandlerRequestItem key={request.id} request={request} listBodyId={federationId} extra={sentLine(request)} />
      ))}
    </View>
  );
}

function ReferredOutList({ federationId }: { federationId: string }) {
  const { state, reload } = useReferredOut(federationId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  if (state.data.length === 0) return <Text className="body-text referred-out-empty">还没有转给别的妇联的求助。</Text>;
  return (
    <View>
      <Text className="hint">转出以后由对方办理，您在这里看进度；点开可以看办理经过。</Text>
      <Section title="还在办理" name="referred-out-open" requests={state.data.filter((r) => isOpen(r.state))} federationId={federationId} />
      <Section title="已经办完" name="referred-out-done" requests={state.data.filter((r) => !isOpen(r.state))} federationId={federationId} />
    </View>
  );
}

/** 我转出的: what her body referred to another, and how each is going there. */
export default function ReferredOutPage() {
  return (
    <BodyPage title="我转出的" permissions={[Permission.ViewBodyWork]} refusal="您在这里没有职务，看不到转出的求助。">
      {(_me, federationId) => <ReferredOutList federationId={federationId} />}
    </BodyPage>
  );
}
