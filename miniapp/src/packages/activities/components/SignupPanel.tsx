import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ACTIVITY_LIMITS, seatsLabel, type ActivityDetail, type SignupInput, type SignupView } from '@wfh/shared';
import { ApiError, cancelSignup, fetchActivity, signUp } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { SignInPanel } from '../../../components/SignInPanel';
import { activityNotice, heldSignups, signupResult, statusNow } from '../../../utils/activities';
import { Routes } from '../../../utils/routes';
import { formatActivityTime } from '../../../utils/time';
import { RelativeForm } from './RelativeForm';

type Tone = 'ok' | 'waiting' | 'neutral';

interface Outcome {
  tone: Tone;
  text: string;
  hint: string | null;
}

function outcomeOf(view: SignupView): Outcome {
  if (view.state === 'waitlisted') {
    return { tone: 'waiting', text: signupResult(view), hint: '有人取消时，会按顺序自动补上，并通知您。' };
  }
  return {
    tone: 'ok',
    text: view.kind === 'self' ? '报名成功' : `${view.attendeeName} 报名成功`,
    hint: '活动当天打开“我的报名”，把签到二维码给妇联的同志扫一扫。',
  };
}

/** When sign-up opens or closes, or why it cannot happen, in words. */
function windowWords(activity: ActivityDetail): string {
  if (statusNow(activity) === 'cancelled' && activity.cancelReason) return `活动已取消：${activity.cancelReason}`;
  const notice = activityNotice(activity);
  if (notice !== null) return notice;
  // Sign-up never runs past the start, whatever the closing time says.
  const closes = Math.min(Date.parse(activity.signupClosesAt), Date.parse(activity.startsAt));
  return `正在报名，${formatActivityTime(new Date(closes).toISOString())}截止`;
}

/** The page shows the activity as it is after her change; if that cannot be fetched, her seat at least. */
async function afterChange(activity: ActivityDetail, view: SignupView): Promise<ActivityDetail> {
  try {
    return await fetchActivity(activity.id);
  } catch {
    const others = activity.mySignups.filter((signup) => signup.id !== view.id);
    return { ...activity, mySignups: [...others, view] };
  }
}

function HeldSeat({
  seat,
  cancellable,
  busy,
  onCancel,
}: {
  seat: SignupView;
  cancellable: boolean;
  busy: boolean;
  onCancel: () => void;
}) {
  const waiting = seat.state === 'waitlisted';
  return (
    <View className="held-seat" data-signup={seat.id}>
      <Text className="held-seat-who">{seat.kind === 'self' ? '您本人' : seat.attendeeName}</Text>
      <Text className={waiting ? 'held-seat-state state-waitlisted' : 'held-seat-state state-confirmed'}>
        {seat.checkedInAt !== null ? '已签到' : signupResult(seat)}
      </Text>
      {cancellable && seat.checkedInAt === null && (
        <Button
          className="btn btn-secondary cancel-signup"
          hoverClass="btn-pressed"
          loading={onlyIf(busy)}
          disabled={onlyIf(busy)}
          onClick={onCancel}
        >
          {waiting ? '退出候补' : '取消报名'}
        </Button>
      )}
    </View>
  );
}

/** Seats, the sign-up window, and what she can do: sign up, wait, give her place back, bring her mother. */
export function SignupPanel({
  activity,
  signedIn,
  onChange,
}: {
  activity: ActivityDetail;
  signedIn: boolean;
  onChange: (next: ActivityDetail) => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [relativeOpen, setRelativeOpen] = useState(false);

  const status = statusNow(activity);
  const open = status === 'published' && activity.signupWindow === 'open';
  const held = heldSignups(activity.mySignups);
  const self = held.find((seat) => seat.kind === 'self');
  const mayAddRelative = activity.relativesAllowed && open && held.length < ACTIVITY_LIMITS.seatsPerWoman;

  /** Resolves with the server's refusal (said above the buttons), so a form can also mark its fields. */
  const run = async (what: string, action: () => Promise<SignupView>, describe: (view: SignupView) => Outcome): Promise<ApiError | null> => {
    if (busy !== null) return null;
    setBusy(what);
    setError(null);
    setOutcome(null);
    try {
      const view = await action();
      setOutcome(describe(view));
      if (view.kind !== 'self') setRelativeOpen(false);
      onChange(await afterChange(activity, view));
      return null;
    } catch (caught) {
      const refused = caught instanceof ApiError ? caught : ApiError.network();
      setError(refused.message);
      return refused;
    } finally {
      setBusy(null);
    }
  };

  const signUpWith = (input: SignupInput, what: string) => run(what, () => signUp(activity.id, input), outcomeOf);

  const cancel = async (seat: SignupView) => {
    const waiting = seat.state === 'waitlisted';
    const { confirm } = await Taro.showModal({
      title: waiting ? '退出候补？' : '取消报名？',
      content: waiting ? '退出后就不再排队了。' : '取消后，名额会让给排在最前面的候补。',
      confirmText: waiting ? '确定退出' : '确定取消',
      cancelText: '再想想',
    });
    if (!confirm) return;
    const text = waiting ? '已退出候补' : '已取消报名';
    await run(`cancel:${seat.id}`, () => cancelSignup(seat.id), () => ({ tone: 'neutral', text, hint: null }));
  };

  return (
    <View>
      <View className="card signup-panel">
        <Text className="card-title">报名</Text>
        {status === 'published' && (
          <Text className={activity.seatsLeft > 0 ? 'activity-seats' : 'activity-seats seats-full'}>
            {seatsLabel(activity.seatsLeft, activity.waitlistLength)}
          </Text>
        )}
        <Text className="hint">共{activity.capacity}个名额</Text>
        <Text className="body-text signup-window">{windowWords(activity)}</Text>

        {outcome && (
          <View className={`signup-outcome outcome-${outcome.tone}`} aria-live="polite">
            <Text className="signup-outcome-text">{outcome.text}</Text>
            {outcome.hint && <Text className="body-text">{outcome.hint}</Text>}
          </View>
        )}
        {error && (
          <View className="form-errors server-error" role="alert">
            <Text className="form-error server-error-text">{error}</Text>
          </View>
        )}

        {signedIn &&
          held.map((seat) => (
            <HeldSeat
              key={seat.id}
              seat={seat}
              cancellable={status === 'published'}
              busy={busy === `cancel:${seat.id}`}
              onCancel={() => void cancel(seat).catch(() => undefined)}
            />
          ))}
        {signedIn && self?.state === 'confirmed' && (
          <Button
            className="btn btn-secondary open-my-signups"
            hoverClass="btn-pressed"
            onClick={() => void Taro.navigateTo({ url: Routes.mySignups })}
          >
            查看签到二维码
          </Button>
        )}
        {signedIn && open && self === undefined && (
          <Button
            className="btn btn-primary sign-up"
            hoverClass="btn-pressed"
            loading={onlyIf(busy === 'self')}
            disabled={onlyIf(busy !== null)}
            onClick={() => void signUpWith({}, 'self')}
          >
            {activity.seatsLeft > 0 ? '报名' : '加入候补'}
          </Button>
        )}
        {signedIn && mayAddRelative && !relativeOpen && (
          <Button className="btn btn-secondary open-relative-form" hoverClass="btn-pressed" onClick={() => setRelativeOpen(true)}>
            为家人报名
          </Button>
        )}
        {signedIn && mayAddRelative && relativeOpen && (
          <RelativeForm busy={busy === 'relative'} onSubmit={(input) => signUpWith(input, 'relative')} onClose={() => setRelativeOpen(false)} />
        )}
      </View>
      {!signedIn && open && (
        <View>
          <Text className="hint">报名前请先登录。</Text>
          <SignInPanel />
        </View>
      )}
    </View>
  );
}
