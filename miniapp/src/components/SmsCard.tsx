import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { fetchMySmsPreference, setMySmsPreference } from '../api/messages';
import { useLoad } from '../hooks/useLoad';
import { LoadFailed } from './StatusViews';

/**
 * For staff: when WeChat cannot reach her (her reminders used up), a new request or an escalation
 * comes by text message instead, unless she says 不要短信 here. Women who use WeChat are never
 * texted in its place, so the card is only shown to those with a role.
 */
export function SmsCard() {
  const { state, set, reload } = useLoad('sms', fetchMySmsPreference);
  const [busy, setBusy] = useState(false);
  if (state.status === 'loading') return null;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  const { enabled } = state.data;
  const change = async () => {
    setBusy(true);
    try {
      set(await setMySmsPreference(!enabled));
    } catch {
      // The API client has told her; nothing changed.
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card sms-card">
      <Text className="card-title">短信提醒</Text>
      <Text className="body-text sms-state">{enabled ? '现在：微信提醒不到您时，发短信告诉您。' : '现在：不给您发短信。'}</Text>
      <Button className="btn btn-secondary sms-toggle" hoverClass="btn-pressed" loading={busy} disabled={busy} onClick={() => void change()}>
        {enabled ? '不要短信' : '恢复短信提醒'}
      </Button>
    </View>
  );
}
