import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { personLabel, type ActivityDetail, type AttendeeView } from '@wfh/shared';
import { ApiError, checkIn, undoCheckIn } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { SHORT_CODE_PATTERN } from '../../utils/activities';
import { scanQrCode, scansQrCodes } from '../../utils/platform';
import { TextField } from '../requests/components/FormParts';
import { useAttendees, useManagedActivity } from './hooks';
import '../../styles/requests.css';
import '../../styles/activities.css';

interface Outcome {
  ok: boolean;
  text: string;
}

function CheckInDesk({ activity }: { activity: ActivityDetail }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [arrived, setArrived] = useState<Array<{ signupId: string; who: string }>>([]);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const attendees = useAttendees(activity.id);

  const submit = async (given: string) => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await checkIn(activity.id, given);
      const who = personLabel(result.name, { as: 'attendee', number: result.number });
      setOutcome({ ok: true, text: `签到成功：${who}` });
      setArrived((names) => [{ signupId: result.signupId, who }, ...names.filter((name) => name.signupId !== result.signupId)]);
      setCode('');
      attendees.reload();
    } catch (caught) {
      // The server says why in words for her: already in, another activity's code, not confirmed …
      setOutcome({ ok: false, text: caught instanceof ApiError ? caught.message : ApiError.network().message });
    } finally {
      setBusy(false);
    }
  };

  /** A name tapped by mistake: she confirms, and the woman stands as not yet arrived again. */
  const undo = async (attendee: AttendeeView) => {
    if (busy) return;
    const who = personLabel(attendee.name, { as: 'attendee', number: attendee.number });
    const { confirm } = await Taro.showModal({
      title: '撤销签到？',
      content: `${who}会变回“未签到”。点错了人时才需要撤销。`,
      confirmText: '撤销签到',
      cancelText: '不撤销',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await undoCheckIn(activity.id, attendee.signupId);
      // Undone now or already before (a second phone, a double tap): she is not checked in either way.
      setOutcome({ ok: true, text: `已撤销签到：${who}` });
      setArrived((names) => names.filter((name) => name.signupId !== attendee.signupId));
      attendees.reload();
    } catch (caught) {
      setOutcome({ ok: false, text: caught instanceof ApiError ? caught.message : ApiError.network().message });
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    let scanned: string;
    try {
      scanned = await scanQrCode();
    } catch {
      // She closed the camera: nothing to check.
      return;
    }
    await submit(scanned);
  };

  const typed = () => {
    const digits = code.trim();
    if (!SHORT_CODE_PATTERN.test(digits)) {
      setOutcome({ ok: false, text: '请输入6位数字签到码' });
      return;
    }
    void submit(digits);
  };

  return (
    <View>
      <View className="card">
        <Text className="place-name">{activity.title}</Text>
        {/* The browser has no camera scanner: there the chair taps the woman's name, or types her six digits. */}
        <Text className="hint check-in-how">
          {scansQrCodes ? '请她打开“我的报名”，出示签到二维码；也可以在下面的名单里点她的名字。' : '在下面的名单里找到她，点“签到”；也可以输入她报出的6位签到码。'}
        </Text>
      </View>
      {outcome && (
        <View className={outcome.ok ? 'check-in-outcome outcome-ok' : 'check-in-outcome outcome-failed'} role="status">
          <Text className="check-in-outcome-text">{outcome.text}</Text>
        </View>
      )}
      {scansQrCodes && (
        <Button
          className="btn btn-primary scan-check-in"
          hoverClass="btn-pressed"
          loading={onlyIf(busy)}
          disabled={onlyIf(busy)}
          onClick={() => void scan()}
        >
          扫码签到
        </Button>
      )}
      <View className="card short-code-entry">
        <Text className="card-title">{scansQrCodes ? '扫不了码时，输入签到码' : '输入6位签到码'}</Text>
        <TextField className="short-code-input" value={code} onChange={setCode} type="number" maxLength={6} placeholder="6位数字" />
        <Button
          className={scansQrCodes ? 'btn btn-secondary submit-short-code' : 'btn btn-primary submit-short-code'}
          hoverClass="btn-pressed"
          loading={onlyIf(busy)}
          disabled={onlyIf(busy)}
          onClick={typed}
        >
          签到
        </Button>
      </View>
      <ByName
        attendees={attendees.state.status === 'ready' ? attendees.state.data.confirmed : null}
        busy={busy}
        onCheckIn={(signupId) => void submit(signupId)}
        onUndo={(attendee) => void undo(attendee)}
      />
      {arrived.length > 0 && (
        <View className="card">
          <Text className="card-title">这次已签到 {arrived.length} 人</Text>
          {arrived.map((name) => (
            <Text key={name.signupId} className="body-text arrived-name">
              {name.who}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

/**
 * 报名名单: each confirmed woman with a 签到 button, or when she has arrived. The sign-up's id is
 * what the check-in API takes besides her QR code, so a tap works on weapp and in the browser alike.
 * A name tapped by mistake is taken back with 撤销签到 beside its tick.
 */
function ByName({
  attendees,
  busy,
  onCheckIn,
  onUndo,
}: {
  attendees: AttendeeView[] | null;
  busy: boolean;
  onCheckIn: (signupId: string) => void;
  onUndo: (attendee: AttendeeView) => void;
}) {
  if (attendees === null) return null;
  return (
    <View className="card check-in-by-name">
      <Text className="card-title">按名单签到</Text>
      {attendees.length === 0 && <Text className="body-text">还没有人报名成功。</Text>}
      {attendees.map((attendee) => {
        const who = personLabel(attendee.name, { as: 'attendee', number: attendee.number });
        return (
          <View key={attendee.signupId} className="attendee-check-in">
            <Text className="body-text attendee-check-in-name">{who}</Text>
            {attendee.checkedInAt !== null ? (
              <View className="attendee-checked-in-row">
                <Text className="body-text attendee-checked-in">✓ 已签到</Text>
                <Button
                  className="btn btn-secondary undo-check-in"
                  hoverClass="btn-pressed"
                  disabled={onlyIf(busy)}
                  onClick={() => onUndo(attendee)}
                >
                  撤销签到
                </Button>
              </View>
            ) : (
              <Button
                className="btn btn-secondary check-in-by-name-button"
                hoverClass="btn-pressed"
                disabled={onlyIf(busy)}
                onClick={() => onCheckIn(attendee.signupId)}
              >
                签到：{who}
              </Button>
            )}
          </View>
        );
      })}
    </View>
  );
}

function CheckInLoader({ id }: { id: string }) {
  const { state, reload } = useManagedActivity(id);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return <CheckInDesk activity={state.data} />;
}

/** 签到: the chair scans each woman's QR code at the door (or types her six digits). */
export default function CheckInPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  return (
    <CarePage title="签到">
      <SignedIn>{() => (id === null ? <Text className="body-text">没有找到这个活动。</Text> : <CheckInLoader id={id} />)}</SignedIn>
    </CarePage>
  );
}
