import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { NOTICE_KIND_LABELS, NOTICE_STATE_LABELS, Permission, type ManagedNotice } from '@wfh/shared';
import { fetchBodyNotices } from '../../api/notices';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useLoad } from '../../hooks/useLoad';
import { formatDateTime } from '../../utils/time';
import { NoticesRoutes } from '../../utils/notices-routes';
import { BodyPage } from '../workbench/components/BodyPage';
import '../../styles/notices.css';

function NoticeList({ federationId }: { federationId: string }) {
  const { state, reload } = useLoad<ManagedNotice[]>(`body-notices:${federationId}`, () => fetchBodyNotices(federationId));
  // Back from writing one: the list shows what she just did.
  useDidShow(reload);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return (
    <View>
      <Button className="btn btn-primary new-notice" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: NoticesRoutes.edit(federationId) })}>
        写新通知
      </Button>
      <View className="card">
        {state.data.length === 0 && <Text className="hint">还没有写过通知。</Text>}
        {state.data.map((notice) => (
          <View key={notice.id} className="notice-row managed-notice" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: NoticesRoutes.edit(federationId, notice.id) })}>
            <Text className="notice-row-title">{notice.title}</Text>
            <Text className="notice-row-meta">
              {NOTICE_KIND_LABELS[notice.kind]} · <Text className="notice-state">{NOTICE_STATE_LABELS[notice.state]}</Text>
              {notice.publishedAt && notice.state !== 'draft' ? ` · ${formatDateTime(notice.publishedAt)}` : ''}
              {notice.state === 'published' ? ` · ${notice.opened}人看过` : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** A body's notices in every state: drafts, scheduled, out, withdrawn; how many have read each. */
export default function ManageNoticesPage() {
  return (
    <BodyPage title="通知公告管理" permissions={[Permission.PublishNotices]} refusal="您在这里没有发布通知的职务。">
      {(_me, federationId) => <NoticeList federationId={federationId} />}
    </BodyPage>
  );
}
