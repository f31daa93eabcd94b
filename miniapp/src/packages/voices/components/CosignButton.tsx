import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ConcernDetail } from '@wfh/shared';
import { cosignConcern, withdrawCosign } from '../../../api';
import { BusyButton } from './BusyButton';

/**
 * 联名支持 while she may (a woman of this village, not its author, while it is open), 取消联名 once she
 * has; nothing otherwise. The answer carries the new count, which the page shows at once.
 */
export function CosignButton({ concern, onChange }: { concern: ConcernDetail; onChange: (next: ConcernDetail) => void }) {
  const [busy, setBusy] = useState(false);
  if (!concern.canCosign && !concern.cosignedByMe) return null;

  const act = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const next = concern.cosignedByMe ? await withdrawCosign(concern.id) : await cosignConcern(concern.id);
      onChange(next);
      void Taro.showToast({ title: next.cosignedByMe ? '已联名' : '已取消联名', icon: 'success', duration: 2000 });
    } catch {
      // The client has shown why.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="cosign-row">
      {concern.cosignedByMe && <Text className="cosigned-note">您已联名支持这件事</Text>}
      <BusyButton className={concern.cosignedByMe ? 'btn-secondary withdraw-cosign' : 'btn-primary cosign'} busy={busy} onClick={() => void act()}>
        {concern.cosignedByMe ? '取消联名' : '联名支持'}
      </BusyButton>
    </View>
  );
}
