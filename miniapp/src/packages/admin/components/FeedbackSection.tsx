import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { FEEDBACK_LIMITS, type FeedbackView } from '@wfh/shared';
import { replyToFeedback } from '../../../api';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { formatDate } from '../../../utils/time';
import { FieldError, TextArea } from '../../requests/components/FormParts';
import { useChange, useCountyFeedback } from '../hooks';
import { ActionButton } from './ActionButton';

const FEEDBACK_KIND_LABELS: Record<FeedbackView['kind'], string> = { complaint: '投诉', suggestion: '建议' };

function ReplyForm({ item, onAnswered }: { item: FeedbackView; onAnswered: (item: FeedbackView) => void }) {
  const [text, setText] = useState('');
  const { busy, problem, setProblem, run } = useChange();
  const send = () => {
    if (text.trim() === '') {
      setProblem('请写下答复');
      return;
    }
    void run(async () => onAnswered(await replyToFeedback(item.id, text.trim())));
  };
  return (
    <View className="feedback-reply-form">
      <TextArea className="feedback-reply-input" value={text} onChange={setText} limit={FEEDBACK_LIMITS.reply} placeholder="她会在“投诉建议”里看到您的答复" />
      <FieldError message={problem ?? undefined} />
      <ActionButton className="btn-primary send-feedback-reply" busy={busy} onClick={send}>
        答复她
      </ActionButton>
    </View>
  );
}

/** 投诉建议 of the county's women, answered here; she reads the answer under her own. */
export function FeedbackSection({ countyId }: { countyId: string }) {
  const { state, reload, set } = useCountyFeedback(countyId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  const replace = (answered: FeedbackView) => set(state.data.map((item) => (item.id === answered.id ? answered : item)));
  return (
    <View className="card feedback-section">
      <Text className="card-title">投诉建议</Text>
      {state.data.length === 0 && <Text className="body-text">还没有收到投诉建议。</Text>}
      {state.data.map((item) => (
        <View key={item.id} className="feedback-item" data-feedback={item.id}>
          <View className="place-tags">
            <Text className={item.kind === 'complaint' ? 'tag tag-overdue' : 'tag tag-sensitive'}>{FEEDBACK_KIND_LABELS[item.kind]}</Text>
            <Text className="inbox-state">{item.status === 'answered' ? '已答复' : '待答复'}</Text>
          </View>
          <Text className="place-address">
            关于{item.federationName}，{formatDate(item.createdAt)}
          </Text>
          <Text className="body-text feedback-text">{item.text}</Text>
          {item.reply !== null ? <Text className="hint feedback-reply">答复：{item.reply}</Text> : <ReplyForm item={item} onAnswered={replace} />}
        </View>
      ))}
    </View>
  );
}
