import { Text, View } from '@tarojs/components';
import type { FailedMessageView, MessageChannel } from '@wfh/shared';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { formatDate } from '../../../utils/time';
import { useFailedMessages } from '../hooks';

const CHANNEL_LABELS: Record<MessageChannel, string> = { wechat: '微信', sms: '短信', log: '测试' };

/** The code before the colon is for the technician; the admin reads what follows it. */
function reasonWords(reason: string): { code: string; words: string } {
  const colon = reason.indexOf(': ');
  return colon < 0 ? { code: '', words: reason } : { code: reason.slice(0, colon), words: reason.slice(colon + 2) };
}

/**
 * 发送失败: every message of the last 30 days that reached nobody, and why, so that someone can
 * phone her instead. No phone number in full, no name beside a message about a sensitive request.
 */
export function FailedMessagesSection({ countyId }: { countyId: string }) {
  const { state, reload } = useFailedMessages(countyId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return (
    <View className="card failed-messages-section">
      <Text className="card-title">发送失败的消息</Text>
      <Text className="hint">最近30天没有送到的提醒。请按原因处理，必要时打电话告诉她。</Text>
      {state.data.length === 0 && <Text className="body-text">最近30天的消息都送到了。</Text>}
      {state.data.map((item: FailedMessageView) => {
        const { code, words } = reasonWords(item.reason);
        return (
          <View key={item.id} className="feedback-item failed-message" data-failed-message={item.id}>
            <View className="place-tags">
              <Text className="tag tag-overdue">{item.kindLabel}</Text>
              {item.channel && <Text className="inbox-state">{CHANNEL_LABELS[item.channel]}</Text>}
            </View>
            <Text className="body-text">
              发给{item.recipientLabel}
              {item.maskedPhone ? `（${item.maskedPhone}）` : ''}，{formatDate(item.createdAt)}
            </Text>
            <Text className="body-text failed-message-reason">{words}</Text>
            {code && <Text className="hint">原因代码：{code}</Text>}
          </View>
        );
      })}
    </View>
  );
}
