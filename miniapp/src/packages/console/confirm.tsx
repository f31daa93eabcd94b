import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  ERROR_MESSAGES,
  ErrorCode,
  consoleSignInIdOf,
  isConsoleSignInId,
  personLabel,
  type ConsoleSignInView,
  type MeResponse,
} from '@wfh/shared';
import { ApiError, confirmConsoleSignIn, fetchConsoleSignIn, refuseConsoleSignIn } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { CarePage } from '../../components/CarePage';
import { RoleList } from '../../components/RoleList';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useLoad } from '../../hooks/useLoad';
import { formatDateTime } from '../../utils/time';
import { Routes } from '../../utils/routes';

/**
 * Opened by scanning the PC's code: from 我的 (the id in the address), or by WeChat's own scanner,
 * which hands over the scanned address as `q`.
 */
function signInIdOf(params: Record<string, string | undefined>): string | null {
  if (params.id && isConsoleSignInId(params.id)) return params.id;
  return params.q ? consoleSignInIdOf(params.q) : null;
}

/** Back where she came from; opened straight from a scan there is nothing behind, so 我的. */
function leave(): void {
  void Taro.navigateBack().catch(() => Taro.reLaunch({ url: Routes.meTab }));
}

function Done({ text }: { text: string }) {
  return (
    <View className="card console-confirm-done">
      <Text className="body-text console-confirm-outcome">{text}</Text>
      <Button className="btn btn-primary leave-console-confirm" hoverClass="btn-pressed" onClick={leave}>
        返回
      </Button>
    </View>
  );
}

const CONFIRMED = '已经确认。电脑上马上就会进入工作台。用完请在电脑上退出登录；忘了也没关系，可以在「我的」里让它退出。';
const REFUSED = '已经取消，这台电脑不会登录。';

function Confirm({ me, view }: { me: MeResponse; view: ConsoleSignInView }) {
  const [outcome, setOutcome] = useState<'confirmed' | 'refused' | null>(null);
  const [busy, setBusy] = useState<'confirm' | 'refuse' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const act = async (what: 'confirm' | 'refuse') => {
    if (busy !== null) return;
    setBusy(what);
    setProblem(null);
    try {
      if (what === 'confirm') await confirmConsoleSignIn(view.id);
      else await refuseConsoleSignIn(view.id);
      setOutcome(what === 'confirm' ? 'confirmed' : 'refused');
    } catch (error) {
      // The client has shown it as a toast; it stays on the page too, since the code may have run out.
      setProblem((error instanceof ApiError ? error : ApiError.network()).message);
    } finally {
      setBusy(null);
    }
  };

  if (outcome === 'confirmed' || view.state === 'confirmed' || view.state === 'signed-in') return <Done text={CONFIRMED} />;
  if (outcome === 'refused' || view.state === 'refused') return <Done text={REFUSED} />;
  if (view.state === 'expired') return <Done text={ERROR_MESSAGES[ErrorCode.ConsoleSignInExpired]} />;

  return (
    <View>
      <Text className="greeting console-confirm-title">您正在电脑上登录网上妇女之家工作台</Text>
      <View className="card console-confirm-pc">
        <Text className="card-title">哪台电脑</Text>
        <Text className="body-text console-confirm-browser">{view.browser}</Text>
        <Text className="body-text console-confirm-ip">
          网络地址：{view.ipAddress}
          {view.sameNetwork ? '（和您的手机在同一个网络）' : ''}
        </Text>
        <Text className="body-text console-confirm-time">请求登录的时间：{formatDateTime(view.requestedAt)}</Text>
      </View>
      <View className="card console-confirm-who">
        <Text className="card-title">登录的是您</Text>
        <Text className="me-name console-confirm-name">{personLabel(me.user.displayName, { as: 'self' })}</Text>
        <RoleList roles={me.roles} />
      </View>
      {view.mayConfirm ? (
        <View className="card">
          <Text className="hint">
            只有这台电脑就在您面前、二维码是您刚刚打开的，才点「确认登录」。别人发给您的二维码不要扫，请点「不是我，取消」。
          </Text>
          {problem && <Text className="body-text console-confirm-problem">{problem}</Text>}
          <Button
            className="btn btn-primary confirm-console-sign-in"
            hoverClass="btn-pressed"
            loading={onlyIf(busy === 'confirm')}
            disabled={onlyIf(busy !== null)}
            onClick={() => void act('confirm')}
          >
            确认登录
          </Button>
          <Button
            className="btn btn-secondary refuse-console-sign-in"
            hoverClass="btn-pressed"
            loading={onlyIf(busy === 'refuse')}
            disabled={onlyIf(busy !== null)}
            onClick={() => void act('refuse')}
          >
            不是我，取消
          </Button>
        </View>
      ) : (
        <View className="card">
          <Text className="body-text console-confirm-no-role">{ERROR_MESSAGES[ErrorCode.ConsoleNeedsStaffRole]}</Text>
          <Button
            className="btn btn-primary refuse-console-sign-in"
            hoverClass="btn-pressed"
            loading={onlyIf(busy === 'refuse')}
            disabled={onlyIf(busy !== null)}
            onClick={() => void act('refuse')}
          >
            取消这次登录
          </Button>
        </View>
      )}
    </View>
  );
}

function ConfirmLoader({ me, id }: { me: MeResponse; id: string }) {
  const { state, reload } = useLoad(id, () => fetchConsoleSignIn(id));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    if (state.error.code === ErrorCode.ConsoleSignInNotFound) return <Done text={state.error.message} />;
    return <LoadFailed message={state.error.message} onRetry={reload} />;
  }
  return <Confirm me={me} view={state.data} />;
}

/** On her phone: which PC asks to be signed in as her, and her answer. */
export default function ConsoleConfirmPage() {
  const { params } = useRouter();
  const id = signInIdOf(params);
  return (
    <CarePage title="确认电脑登录">
      {id === null ? (
        <Done text="这不是电脑登录的二维码。请扫电脑屏幕上「用手机扫码登录工作台」下面的二维码。" />
      ) : (
        <SignedIn>{(me) => <ConfirmLoader me={me} id={id} />}</SignedIn>
      )}
    </CarePage>
  );
}
