import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { consoleSignInIdOf, type ConsoleSessionView } from '@wfh/shared';
import { endConsoleSession, fetchMyConsoleSessions } from '../api';
import { useReloadOnReturn } from '../hooks/useRequests';
import { useLoad } from '../hooks/useLoad';
import { scanQrCode, scansQrCodes } from '../utils/platform';
import { Routes } from '../utils/routes';
import { formatDateTime } from '../utils/time';
import { onlyIf } from './Buttons';
import { LoadFailed } from './StatusViews';

/** The camera on the PC's code: anything else scanned is said to be the wrong code, not opened. */
async function scanPcCode(): Promise<void> {
  let scanned: string;
  try {
    scanned = await scanQrCode();
  } catch {
    // She closed the camera.
    return;
  }
  const id = consoleSignInIdOf(scanned);
  if (id === null) {
    void Taro.showToast({ title: '这不是电脑登录的二维码', icon: 'none', duration: 3000 });
    return;
  }
  await Taro.navigateTo({ url: Routes.consoleConfirm(id) });
}

function SessionRow({ session, onEnded }: { session: ConsoleSessionView; onEnded: () => void }) {
  const [busy, setBusy] = useState(false);
  const end = async () => {
    const { confirm } = await Taro.showModal({
      title: '让这台电脑退出？',
      content: `${session.browser}会马上退出工作台，要再用需在电脑上重新扫码登录。`,
      confirmText: '让它退出',
      cancelText: '不退出',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await endConsoleSession(session.id);
      onEnded();
    } catch {
      // Shown to her by the API client; the row stays, she may try again.
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="console-session" data-session={session.id}>
      <Text className="role-label console-session-browser">{session.browser}</Text>
      <Text className="hint">网络地址：{session.ipAddress}</Text>
      <Text className="hint console-session-time">
        {formatDateTime(session.signedInAt)}登录，{formatDateTime(session.endsAt)}自动退出
      </Text>
      <Button
        className="btn btn-secondary end-console-session"
        hoverClass="btn-pressed"
        loading={onlyIf(busy)}
        disabled={onlyIf(busy)}
        onClick={() => void end()}
      >
        让这台电脑退出
      </Button>
    </View>
  );
}

/**
 * 电脑登录 on 我的, for staff: scan a PC's code to sign it in, and see and end the PCs signed in as her
 * (one left on in the office, say). Back from confirming a code, the list is read again.
 */
export function ConsoleSessionsCard() {
  const { state, reload } = useLoad('console-sessions', fetchMyConsoleSessions);
  useReloadOnReturn(reload);
  return (
    <View className="card console-sessions">
      <Text className="card-title">电脑登录</Text>
      <Text className="hint">
        在电脑上办理求助、看工作看板：用电脑的浏览器打开网上妇女之家，{scansQrCodes ? '点下面的按钮' : '用小程序「我的」里的「扫码登录电脑」'}扫它显示的二维码。
      </Text>
      {scansQrCodes && (
        <Button className="btn btn-secondary scan-console-code" hoverClass="btn-pressed" onClick={() => void scanPcCode()}>
          扫码登录电脑
        </Button>
      )}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && <Text className="body-text no-console-sessions">现在没有电脑登录着您的账号。</Text>}
      {state.status === 'ready' &&
        state.data.map((session) => <SessionRow key={session.id} session={session} onEnded={reload} />)}
    </View>
  );
}
