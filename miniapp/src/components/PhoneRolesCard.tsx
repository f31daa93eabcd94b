import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { MeResponse } from '@wfh/shared';
import { claimListedRoles } from '../api';
import { onlyIf } from './Buttons';

interface PhoneNumberEvent {
  detail: { code?: string; errMsg?: string };
}

/**
 * For the chairs and staff the county listed: one tap shares her WeChat phone number and she holds
 * her roles under her own name. Declining WeChat's dialog changes nothing and says nothing.
 */
export function PhoneRolesCard({ onClaimed }: { onClaimed?: (me: MeResponse) => void }) {
  const [busy, setBusy] = useState(false);
  const [claimed, setClaimed] = useState<string | null>(null);

  const onPhoneNumber = async (event: PhoneNumberEvent) => {
    const { code } = event.detail;
    if (!code) return;
    setBusy(true);
    try {
      const me = await claimListedRoles(code);
      setClaimed(me.user.displayName);
      onClaimed?.(me);
    } catch {
      // The toast already said why (not on the list, listed twice, WeChat busy).
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card phone-roles">
      <Text className="card-title">我在妇联任职</Text>
      <Text className="hint">县妇联已经登记了您的手机号的，点下面的按钮，用微信绑定的手机号确认身份，就能进入工作台。</Text>
      {claimed && <Text className="hint phone-roles-done">{`${claimed}，您的职务已经开通`}</Text>}
      <Button
        className="btn btn-primary phone-roles-button"
        hoverClass="btn-pressed"
        openType="getPhoneNumber"
        loading={busy}
        disabled={onlyIf(busy)}
        onGetPhoneNumber={(event) => void onPhoneNumber(event as unknown as PhoneNumberEvent)}
      >
        用微信手机号登录
      </Button>
    </View>
  );
}
