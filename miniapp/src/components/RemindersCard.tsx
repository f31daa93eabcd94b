import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SUBSCRIPTION_KIND_LABELS, type MySubscriptions, type SubscriptionKind } from '@wfh/shared';
import { ApiError, fetchMySubscriptions, NETWORK_MESSAGE, reportSubscriptionAnswers } from '../api';
import { useLoad } from '../hooks/useLoad';
import { asksForSubscriptions } from '../utils/platform';
import { askForReminders, remainingWords } from '../utils/reminders';
import { onlyIf } from './Buttons';

const BLOCKED = '您的微信关掉了订阅消息。可以点右上角「…」→「设置」→「订阅消息」打开，再点一次。';

/**
 * WeChat lets the server send one message per 「允许」 she taps, so the reminders she will get are
 * asked for here, where they are useful (after sending a request, after a sign-up, on the
 * workbench), with how many are left and a tap to add more. Nothing shows where WeChat cannot ask
 * (the browser) or the server has no template for these kinds.
 */
export function RemindersCard({ kinds, ask, intro }: { kinds: SubscriptionKind[]; ask: string; intro: string }) {
  if (!asksForSubscriptions) return null;
  return <Reminders kinds={kinds} ask={ask} intro={intro} />;
}

function Reminders({ kinds, ask, intro }: { kinds: SubscriptionKind[]; ask: string; intro: string }) {
  const { state, set } = useLoad<MySubscriptions>(`subscriptions:${kinds.join(',')}`, fetchMySubscriptions);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (state.status !== 'ready') return null;
  const offered = state.data.kinds.filter((k) => kinds.includes(k.kind) && k.templateId !== null);
  if (offered.length === 0) return null;
  const fewest = Math.min(...offered.map((k) => k.remaining));

  // No await before askForReminders: WeChat only opens its dialog from the tap itself.
  const onTap = () => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    void askForReminders(offered.map((k) => k.templateId!))
      .then(async (outcome) => {
        if (outcome.status === 'blocked') return setNotice(BLOCKED);
        const next = await reportSubscriptionAnswers(outcome.answers);
        set(next);
        const allowed = Object.values(outcome.answers).includes('accept');
        setNotice(allowed ? null : '您没有点「允许」，这次不会给您发提醒。');
        if (allowed) void Taro.showToast({ title: '已开通提醒', icon: 'success' });
      })
      .catch((caught) => setNotice(caught instanceof ApiError ? caught.message : NETWORK_MESSAGE))
      .finally(() => setBusy(false));
  };

  return (
    <View className="card reminders-card">
      <Text className="card-title">微信提醒</Text>
      <Text className="hint">{intro}</Text>
      {offered.map((k) => (
        <View key={k.kind} className="reminder-count" data-kind={k.kind}>
          <Text className="body-text">
            {SUBSCRIPTION_KIND_LABELS[k.kind]}：{remainingWords(k.remaining)}
          </Text>
        </View>
      ))}
      {notice && (
        <View className="reminders-notice-box" role="alert">
          <Text className="body-text reminders-notice">{notice}</Text>
        </View>
      )}
      <Button
        className={fewest > 0 ? 'btn btn-secondary ask-reminders' : 'btn btn-primary ask-reminders'}
        hoverClass="btn-pressed"
        loading={onlyIf(busy)}
        disabled={onlyIf(busy)}
        onClick={onTap}
      >
        {fewest > 0 ? '多开几次提醒' : ask}
      </Button>
      <Text className="hint">每点一次「允许」，可以给您发一条提醒。</Text>
    </View>
  );
}
