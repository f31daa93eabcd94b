import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { hasSession, setHome } from '../../../api';
import { Routes } from '../../../utils/routes';
import { onlyIf } from '../../../components/Buttons';

export interface HomeCandidate {
  /** The village or community body, whose id is its 12-digit region code. */
  id: string;
  /** As she knows it: "懿路村" */
  name: string;
  /** Province down to the township: "辽宁省 › 铁岭市 › 铁岭县 › 新台子镇" */
  path: string;
}

/**
 * "确认这是您所在的村（社区）吗？" A location never decides her village: she says so herself,
 * and only then is it saved.
 */
export function ConfirmHomeSheet({
  candidate,
  onCancel,
  onViewBody,
  onSaved = () => void Taro.switchTab({ url: Routes.home }),
}: {
  candidate: HomeCandidate;
  onCancel: () => void;
  onViewBody?: () => void;
  /** Where she goes once it is saved: 首页 unless the page that sent her here wants her back. */
  onSaved?: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const signedIn = hasSession();

  const confirm = async () => {
    setBusy(true);
    try {
      await setHome(candidate.id);
      void Taro.showToast({ title: '已保存为您的村（社区）', icon: 'success', duration: 2000 });
      onSaved();
    } catch {
      // The client has shown why in a toast; she can try again or pick another.
      setBusy(false);
    }
  };

  return (
    <View className="sheet-mask confirm-home-sheet">
      <View className="sheet" role="dialog" aria-modal="true">
        <Text className="sheet-title">确认这是您所在的村（社区）吗？</Text>
        <Text className="home-body-name confirm-home-name">{candidate.name}</Text>
        {candidate.path && <Text className="home-breadcrumb">{candidate.path}</Text>}
        {signedIn ? (
          <Button
            className="btn btn-primary confirm-home"
            hoverClass="btn-pressed"
            loading={onlyIf(busy)}
            disabled={onlyIf(busy)}
            onClick={() => void confirm()}
          >
            是的，这是我的村（社区）
          </Button>
        ) : (
          <View>
            <Text className="body-text">要先登录才能保存。请回到首页登录后再来选择。</Text>
            <Button
              className="btn btn-primary"
              hoverClass="btn-pressed"
              onClick={() => void Taro.switchTab({ url: Routes.home })}
            >
              回首页登录
            </Button>
          </View>
        )}
        {onViewBody && (
          <Button className="btn btn-secondary view-body" hoverClass="btn-pressed" onClick={onViewBody}>
            先看看这里的妇联和妇女之家
          </Button>
        )}
        <Button className="btn btn-secondary cancel-home" hoverClass="btn-pressed" onClick={onCancel}>
          不是，重新选
        </Button>
      </View>
    </View>
  );
}
