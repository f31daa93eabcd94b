import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { signedOutByUser, signInAsDemoPerson, signInWithWechat } from '../api';
import { useDemoPeople } from '../hooks/useDemoPeople';
import { offersConsoleSignIn, signInMethod } from '../utils/platform';
import { Routes } from '../utils/routes';
import { Loading, LoadFailed } from './StatusViews';
import { onlyIf } from './Buttons';

function DemoSignIn() {
  const { state, reload } = useDemoPeople();
  const [busyKey, setBusyKey] = useState<string | null>(null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'disabled') return null;
  if (state.status === 'failed') return <LoadFailed message="没能取到体验账号" onRetry={reload} />;

  const choose = async (key: string) => {
    if (busyKey !== null) return;
    setBusyKey(key);
    try {
      // Success starts a session; the page listening for it loads her home.
      await signInAsDemoPerson(key);
    } catch {
      setBusyKey(null);
    }
  };

  return (
    <View className="card">
      <Text className="card-title">选择体验账号登录</Text>
      <Text className="hint">这是演示用的账号，选一位就能看到她看到的内容。</Text>
      {state.people.length === 0 && <Text className="body-text">现在没有可用的体验账号。</Text>}
      {state.people.map((person) => (
        <View key={person.key} className="demo-person-item">
          <Button
            className="btn btn-primary demo-person"
            hoverClass="btn-pressed"
            loading={onlyIf(busyKey === person.key)}
            disabled={onlyIf(busyKey !== null)}
            onClick={() => void choose(person.key)}
          >
            {person.displayName}
          </Button>
          <Text className="hint">{person.description}</Text>
        </View>
      ))}
    </View>
  );
}

/** After she signed out herself, or her session was refused, signing in again is her choice. */
function WechatSignIn() {
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setBusy(true);
    try {
      await signInWithWechat();
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card">
      <Text className="card-title">{signedOutByUser() ? '您已退出登录' : '请用微信登录'}</Text>
      <Button
        className="btn btn-primary"
        hoverClass="btn-pressed"
        loading={onlyIf(busy)}
        disabled={onlyIf(busy)}
        onClick={() => void signIn().catch(() => undefined)}
      >
        微信登录
      </Button>
    </View>
  );
}

/** Staff at a PC: the console's QR sign-in, no password (the only browser sign-in in production). */
function ConsoleSignInEntry() {
  return (
    <View className="card console-sign-in-entry">
      <Text className="card-title">妇联工作人员在电脑上登录</Text>
      <Text className="hint">用手机微信里的「网上妇女之家」小程序扫一扫，不用密码。</Text>
      <Button className="btn btn-primary open-console-sign-in" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.consoleSignIn })}>
        扫码登录工作台
      </Button>
    </View>
  );
}

export function SignInPanel() {
  if (signInMethod === 'wechat') return <WechatSignIn />;
  return (
    <View>
      {offersConsoleSignIn && <ConsoleSignInEntry />}
      <DemoSignIn />
    </View>
  );
}
