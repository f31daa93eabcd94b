import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CONSOLE_SIGN_IN, ERROR_MESSAGES, ErrorCode } from '@wfh/shared';
import { hasSession, signOut } from '../../api';
import { CarePage } from '../../components/CarePage';
import { QrCode } from '../../components/QrCode';
import { Loading } from '../../components/StatusViews';
import { offersConsoleSignIn } from '../../utils/platform';
import { Routes } from '../../utils/routes';
import { useConsoleSignIn, type SignInPhase } from './hooks';

const STEPS = [
  '打开手机微信里的「网上妇女之家」小程序',
  '点下面的「我的」，再点「扫码登录电脑」',
  '扫这个二维码，看清手机上写的电脑和时间，点「确认登录」',
];

function Steps() {
  return (
    <View className="console-sign-in-steps">
      {STEPS.map((step, index) => (
        <Text key={step} className="body-text console-sign-in-step">
          {index + 1}. {step}
        </Text>
      ))}
      <Text className="hint">
        不用输入密码。登录后这台电脑最长可用 {CONSOLE_SIGN_IN.sessionHours} 小时，到时自动退出；也可以随时在手机的「我的」里让它退出。
      </Text>
    </View>
  );
}

/** Where a code ran out or was turned down: one big button for a new one. */
function Again({ text, renew }: { text: string; renew: () => void }) {
  return (
    <View className="card console-sign-in-again">
      <Text className="body-text">{text}</Text>
      <Button className="btn btn-primary renew-console-code" hoverClass="btn-pressed" onClick={renew}>
        换一个二维码
      </Button>
    </View>
  );
}

function Code({ phase, renew }: { phase: SignInPhase; renew: () => void }) {
  switch (phase.kind) {
    case 'starting':
    case 'signed-in':
      return <Loading />;
    case 'failed':
      return <Again text={`没能取到二维码：${phase.message}`} renew={renew} />;
    case 'expired':
      return <Again text="二维码已经过期了。" renew={renew} />;
    case 'refused':
      return <Again text="手机上点了「不是我，取消」，这台电脑没有登录。" renew={renew} />;
    case 'showing':
      return (
        <View className="card console-sign-in-code" data-sign-in={phase.code.id}>
          <QrCode token={phase.qrText} label="工作台登录二维码" />
          <View className="console-sign-in-aside">
            <Steps />
            <Text className="hint console-sign-in-waiting" aria-live="polite">
              正在等手机上确认……
            </Text>
          </View>
        </View>
      );
  }
}

/** Why this PC is back at its code (client.ts sends it here when the server ends its session). */
function endedNotice(ended: string | undefined): string | null {
  if (!ended) return null;
  return ERROR_MESSAGES[ended === ErrorCode.ConsoleRoleRevoked ? ErrorCode.ConsoleRoleRevoked : ErrorCode.ConsoleSessionEnded];
}

function SignInWithCode({ notice }: { notice: string | null }) {
  const { phase, renew } = useConsoleSignIn();
  return (
    <View>
      <Text className="greeting">用手机扫码登录工作台</Text>
      {notice !== null && (
        <View className="card console-sign-in-ended" role="status">
          <Text className="body-text">{notice}</Text>
        </View>
      )}
      <Code phase={phase} renew={renew} />
    </View>
  );
}

/** Someone is signed in on this browser already: carry on, or make room for another person. */
function AlreadySignedIn({ onSwitch }: { onSwitch: () => void }) {
  return (
    <View className="card">
      <Text className="card-title">这台电脑已经登录了</Text>
      <Button className="btn btn-primary open-workbench" hoverClass="btn-pressed" onClick={() => void Taro.reLaunch({ url: Routes.workbench })}>
        进入工作台
      </Button>
      <Button className="btn btn-secondary switch-person" hoverClass="btn-pressed" onClick={onSwitch}>
        退出，换一个人扫码登录
      </Button>
    </View>
  );
}

/**
 * The PC's sign-in to the staff console (DESIGN §5: no passwords). The mini-program has nothing to
 * show a code to: it scans the code instead, from 我的.
 */
export default function ConsoleSignInPage() {
  const notice = endedNotice(useRouter().params.ended);
  const [signedIn, setSignedIn] = useState(() => offersConsoleSignIn && hasSession());
  return (
    <CarePage title="工作台扫码登录">
      {!offersConsoleSignIn ? (
        <View className="card">
          <Text className="body-text console-sign-in-on-phone">
            在电脑的浏览器里打开网上妇女之家，会显示一个二维码；回到「我的」，点「扫码登录电脑」扫它就能登录。
          </Text>
        </View>
      ) : signedIn ? (
        <AlreadySignedIn
          onSwitch={() => {
            signOut();
            setSignedIn(false);
          }}
        />
      ) : (
        <SignInWithCode notice={notice} />
      )}
    </CarePage>
  );
}
