import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { RosterInvitationView } from '@wfh/shared';
import { inviteToRoster } from '../../../api';
import { BusyButton } from '../../voices/components/BusyButton';
import { formatDate } from '../../../utils/time';

/** 邀请加入: a code she reads out or sends; the woman types it in and joins by her own consent. */
export function RosterInvite({ federationId }: { federationId: string }) {
  const [invitation, setInvitation] = useState<RosterInvitationView | null>(null);
  const [busy, setBusy] = useState(false);

  const invite = async () => {
    if (busy) return;
    setBusy(true);
    try {
      setInvitation(await inviteToRoster(federationId));
    } catch {
      // The client has shown why.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="roster-invite">
      {invitation && (
        <View className="invitation-shown">
          <Text className="body-text">请她打开小程序，在首页点“村（社区）议事”，再点“执委给了您邀请码？”，输入：</Text>
          <Text className="rating-code roster-code" userSelect>
            {invitation.code}
          </Text>
          <Text className="hint invitation-expiry">{formatDate(invitation.expiresAt)}前有效，只能用一次。</Text>
          <Button
            className="btn btn-secondary copy-invitation"
            hoverClass="btn-pressed"
            onClick={() => void Taro.setClipboardData({ data: invitation.code }).catch(() => undefined)}
          >
            复制邀请码
          </Button>
        </View>
      )}
      <BusyButton className="btn-secondary invite-to-roster" busy={busy} onClick={() => void invite()}>
        {invitation ? '再要一个邀请码' : '邀请加入'}
      </BusyButton>
    </View>
  );
}
