import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { DATA_DELETION_KEEPS, DATA_DELETION_REMOVES, ErrorCode } from '@wfh/shared';
import { ApiError, deleteMyData, signOut } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { Routes } from '../../utils/routes';
import '../../styles/requests.css';
import './me-data.css';

/**
 * 注销并删除我的资料. Before anything happens she reads what goes and what stays (for the body's
 * statistics, without her), then confirms twice. A request still open is not ended for her: the
 * server refuses and this page sends her to 我的求助 to withdraw it herself or wait for it to finish.
 */
function Deletion() {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);

  const confirmAndDelete = async () => {
    if (busy) return;
    const answer = await Taro.showModal({ title: '确定注销吗？', content: '注销后不能恢复，您的资料会被删除。', confirmText: '确定注销', cancelText: '再想想' });
    if (!answer.confirm) return;
    setBusy(true);
    try {
      await deleteMyData();
      signOut();
      void Taro.showToast({ title: '已注销', icon: 'success', duration: 2000 });
      void Taro.reLaunch({ url: Routes.home });
    } catch (caught) {
      setRefusal(caught instanceof ApiError ? caught : ApiError.network());
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <View className="card deletion-removes">
        <Text className="card-title">注销后会删除</Text>
        {DATA_DELETION_REMOVES.map((line) => (
          <Text key={line} className="deletion-list-item">
            · {line}
          </Text>
        ))}
      </View>
      <View className="card deletion-keeps">
        <Text className="card-title">为了统计会保留（不再和您有关联）</Text>
        {DATA_DELETION_KEEPS.map((line) => (
          <Text key={line} className="deletion-list-item">
            · {line}
          </Text>
        ))}
      </View>
      <View className="card">
        <Text className="hint">还有正在办理的求助时不能注销：请先撤回，或等办结后再来。注销后不能恢复。</Text>
        {refusal && <Text className="deletion-refused">{refusal.message}</Text>}
        {refusal?.code === ErrorCode.OpenRequestsBlockDeletion && (
          <Button className="btn btn-secondary go-my-requests" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.myRequests })}>
            去看我的求助
          </Button>
        )}
        <Button className="btn btn-primary confirm-deletion" hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={() => void confirmAndDelete()}>
          我已了解，注销并删除
        </Button>
        <Button className="btn btn-secondary keep-account" hoverClass="btn-pressed" onClick={() => void Taro.navigateBack()}>
          不注销了，返回
        </Button>
      </View>
    </View>
  );
}

export default function MyDataDeletePage() {
  return (
    <CarePage title="注销账号">
      <SignedIn>{() => <Deletion />}</SignedIn>
    </CarePage>
  );
}
