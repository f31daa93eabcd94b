import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { MyDataExport } from '@wfh/shared';
import { fetchMyData } from '../../api';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useLoad } from '../../hooks/useLoad';
import { QuickExit } from '../requests/components/QuickExit';
import '../../styles/requests.css';
import './me-data.css';

/** What she has with us, counted in plain words. */
function counts(data: MyDataExport): string[] {
  return [
    `求助 ${data.requests.length} 条`,
    `活动报名 ${data.signups.length} 条`,
    `提出的议题 ${data.concerns.length} 条，联名 ${data.cosigns.length} 条`,
    `投诉建议 ${data.feedback.length} 条`,
    `在执委联系名单里 ${data.rosters.length} 处`,
  ];
}

/**
 * Her copy of everything. A mini-program cannot just save a file where she finds it again, so the
 * data is shown on the screen and copied whole to the clipboard, from where she pastes it into a
 * chat with herself or a note. What she wrote may be about violence at home: it stays folded until
 * she asks to see it, and 快速离开 is always there.
 */
function MyData({ data }: { data: MyDataExport }) {
  const [shown, setShown] = useState(false);
  const text = JSON.stringify(data, null, 2);
  const copy = () =>
    void Taro.setClipboardData({ data: text })
      .then(() => Taro.showToast({ title: '已复制，可以粘贴保存', icon: 'none', duration: 3000 }))
      .catch(() => undefined);
  return (
    <View>
      <View className="card">
        <Text className="card-title">平台保存的您的资料</Text>
        {counts(data).map((line) => (
          <Text key={line} className="my-data-count">
            {line}
          </Text>
        ))}
        <Text className="hint">为了您的安全，具体内容先收起来了。</Text>
        <Button className="btn btn-secondary my-data-show" hoverClass="btn-pressed" onClick={() => setShown(!shown)}>
          {shown ? '收起内容' : '显示全部内容'}
        </Button>
        {shown && <Text className="my-data-json">{text}</Text>}
      </View>
      <View className="card">
        <Text className="hint">复制后，可以粘贴到和自己的微信聊天里，或者粘贴到手机备忘录保存。别人拿到您的手机也能看到，请注意保管。</Text>
        <Button className="btn btn-primary my-data-copy" hoverClass="btn-pressed" onClick={copy}>
          复制全部资料
        </Button>
      </View>
      <QuickExit />
    </View>
  );
}

function Export() {
  const { state, reload } = useLoad('mine', fetchMyData);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return <MyData data={state.data} />;
}

export default function MyDataExportPage() {
  return (
    <CarePage title="我的资料">
      <SignedIn>{() => <Export />}</SignedIn>
    </CarePage>
  );
}
