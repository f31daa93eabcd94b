import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { NOTICE_KIND_LABELS, type NoticeSummary } from '@wfh/shared';
import { fetchMyNotices } from '../api/notices';
import { useLoad } from '../hooks/useLoad';
import { formatDate } from '../utils/time';
import { NoticesRoutes } from '../utils/notices-routes';
import '../styles/notices.css';

/** The most a home page lists; the newest are what she needs. */
const SHOWN = 5;

/**
 * 通知公告 on her home page: her village's notices and those of the bodies above it, newest first,
 * with 「新」 on those she has not opened. Nothing is drawn while there are none, or when they do not
 * load: the rest of the home page matters more than a notice board's failure.
 */
export function NoticesSection() {
  const { state } = useLoad<NoticeSummary[]>('my-notices', fetchMyNotices);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <View className="card notices-section">
      <Text className="card-title">通知公告</Text>
      {state.data.slice(0, SHOWN).map((notice) => (
        <View key={notice.id} className="notice-row" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: NoticesRoutes.notice(notice.id) })}>
          <View className="notice-row-head">
            {notice.unread && <Text className="notice-new">新</Text>}
            <Text className="notice-row-title">{notice.title}</Text>
          </View>
          <Text className="notice-row-meta">
            {NOTICE_KIND_LABELS[notice.kind]} · {notice.federationName} · {formatDate(notice.publishedAt)}
          </Text>
        </View>
      ))}
    </View>
  );
}
