import Taro, { useRouter } from '@tarojs/taro';
import { Button, RichText, Text, View } from '@tarojs/components';
import { NOTICE_KIND_LABELS, NOTICE_STATE_LABELS, type NoticeView } from '@wfh/shared';
import { fetchNotice } from '../../api/notices';
import { CarePage } from '../../components/CarePage';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useLoad } from '../../hooks/useLoad';
import { useShareCard } from '../../hooks/useShareCard';
import { openWebLink, sharesToChat } from '../../utils/platform';
import { formatDate } from '../../utils/time';
import { NoticesRoutes } from '../../utils/notices-routes';
import { fitImages } from './notice-html';
import '../../styles/notices.css';

function NoticeBody({ notice }: { notice: NoticeView }) {
  return (
    <View>
      <View className="card">
        <Text className="notice-title">{notice.title}</Text>
        <Text className="hint notice-meta">
          {NOTICE_KIND_LABELS[notice.kind]} · {notice.federationName}
          {notice.publishedAt ? ` · ${formatDate(notice.publishedAt)}` : ''}
        </Text>
        {notice.state !== 'published' && <Text className="notice-state">{NOTICE_STATE_LABELS[notice.state]}（大家还看不到）</Text>}
        <View className="notice-body">
          <RichText nodes={fitImages(notice.bodyHtml)} />
        </View>
      </View>
      {notice.links.length > 0 && (
        <View className="card">
          <Text className="card-title">文中链接</Text>
          {notice.links.map((link) => (
            <Button
              key={link.href}
              className="btn btn-secondary notice-link"
              hoverClass="btn-pressed"
              onClick={() => void (link.internal ? Taro.navigateTo({ url: link.href }) : openWebLink(link.href))}
            >
              {link.label}
            </Button>
          ))}
        </View>
      )}
      {sharesToChat && notice.state === 'published' && (
        <Button className="btn btn-primary notice-share" hoverClass="btn-pressed" openType="share">
          转发给亲友或群聊
        </Button>
      )}
    </View>
  );
}

/** One notice, as the body wrote it; opening it is what counts her among those who read it. */
export default function NoticePage() {
  const id = useRouter().params.id ?? null;
  const { state, reload } = useLoad<NoticeView>(id === null ? null : `notice:${id}`, () => fetchNotice(id!));
  const notice = state.status === 'ready' ? state.data : null;
  // A draft or withdrawn notice the body is looking at is not passed on.
  useShareCard(
    notice?.state === 'published' ? { title: `${notice.federationName}：${notice.title}`, path: NoticesRoutes.notice(notice.id) } : null,
  );
  return (
    <CarePage title="通知公告">
      {id === null ? (
        <Text className="body-text">没有找到这条通知。</Text>
      ) : state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'failed' ? (
        <LoadFailed message={state.error.message} onRetry={reload} />
      ) : (
        <NoticeBody notice={state.data} />
      )}
    </CarePage>
  );
}
