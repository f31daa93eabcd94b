import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MySignup } from '@wfh/shared';
import { hasSession, onSessionChange } from '../../api';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { QrCode } from '../../components/QrCode';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { placeOf, signupResult, spacedShortCode, statusNow } from '../../utils/activities';
import { Routes } from '../../utils/routes';
import { formatActivitySpan, formatDateTime } from '../../utils/time';
import { useMySignups } from './hooks';
import '../../styles/activities.css';

/** Still ahead of her: a seat or a place in the queue for an activity that will take place. */
function isAhead(signup: MySignup, now: number): boolean {
  return signup.state !== 'cancelled' && statusNow(signup.activity, now) === 'published';
}

/** What ahead comes first, soonest first; then the rest, latest first. */
function ordered(signups: readonly MySignup[], now: number): MySignup[] {
  const starts = (signup: MySignup) => Date.parse(signup.activity.startsAt);
  const ahead = signups.filter((signup) => isAhead(signup, now)).sort((a, b) => starts(a) - starts(b));
  const rest = signups.filter((signup) => !isAhead(signup, now)).sort((a, b) => starts(b) - starts(a));
  return [...ahead, ...rest];
}

function stateLine(signup: MySignup, now: number): string {
  if (signup.checkedInAt !== null) return `已签到（${formatDateTime(signup.checkedInAt)}）`;
  const status = statusNow(signup.activity, now);
  if (status === 'cancelled') return '活动已取消';
  if (status === 'finished' && signup.state !== 'cancelled') return '活动已结束';
  return signupResult(signup);
}

function SignupItem({ signup, now }: { signup: MySignup; now: number }) {
  const showCode =
    isAhead(signup, now) && signup.state === 'confirmed' && signup.checkedInAt === null && signup.checkInToken !== null && signup.shortCode !== null;
  return (
    <View className="card signup-item" data-signup={signup.id}>
      <Text
        className="place-name signup-activity"
        onClick={() => void Taro.navigateTo({ url: Routes.activity(signup.activityId) })}
      >
        {signup.activity.title}
      </Text>
      <Text className="activity-time">{formatActivitySpan(signup.activity.startsAt, signup.activity.endsAt, now)}</Text>
      <Text className="place-address">{placeOf(signup.activity)}</Text>
      {signup.kind !== 'self' && <Text className="body-text signup-for">报名人：{signup.attendeeName}</Text>}
      <Text className={`signup-state state-${signup.state}`}>{stateLine(signup, now)}</Text>
      {showCode && (
        <View className="check-in-code">
          <QrCode token={signup.checkInToken!} label="签到二维码" />
          <Text className="hint">签到时，请把这个二维码给妇联的同志扫一扫；扫不了，就报下面的签到码。</Text>
          <Text className="short-code" userSelect>
            {spacedShortCode(signup.shortCode!)}
          </Text>
        </View>
      )}
    </View>
  );
}

function MySignupList() {
  const { state, reload } = useMySignups();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  const { signups, keptAt } = state.data;
  const now = Date.now();
  return (
    <View>
      {keptAt !== null && (
        <View className="kept-notice" role="status">
          <Text className="kept-notice-text">网络不好，显示的是上次的报名信息</Text>
          <Text className="hint">{formatDateTime(keptAt)}更新</Text>
          <Text className="link-text reload-signups" onClick={reload}>
            重新加载
          </Text>
        </View>
      )}
      {signups.length === 0 && (
        <View className="card">
          <Text className="body-text my-signups-none">您还没有报名活动。</Text>
          <Text className="link-text" onClick={() => void Taro.switchTab({ url: Routes.activitiesTab })}>
            去看看有什么活动
          </Text>
        </View>
      )}
      {ordered(signups, now).map((signup) => (
        <SignupItem key={signup.id} signup={signup} now={now} />
      ))}
    </View>
  );
}

/** Follows sign-in and sign-out on other pages without asking the server who she is. */
function useHasSession(): boolean {
  const [signedIn, setSignedIn] = useState(hasSession);
  useEffect(() => onSessionChange(() => setSignedIn(hasSession())), []);
  return signedIn;
}

/**
 * 我的报名: each sign-up with where it stands and, for a seat, the QR code and six digits she shows
 * at the door. With a session it goes straight to her list (kept on the phone for a weak signal):
 * asking who she is first would fail there too, and its toast would cover the code.
 */
export default function MySignupsPage() {
  const signedIn = useHasSession();
  return <CarePage title="我的报名">{signedIn ? <MySignupList /> : <SignedIn>{() => <MySignupList />}</SignedIn>}</CarePage>;
}
