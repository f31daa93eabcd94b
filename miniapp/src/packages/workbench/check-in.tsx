import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { personLabel, type ActivityDetail } from '@wfh/shared';
import { ApiError, checkIn } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { SHORT_CODE_PATTERN } from '../../utils/activities';
import { scanQrCode, scansQrCodes } from '../../utils/platform';
import { TextField } from '../requests/components/FormParts';
import { useManagedActivity } from './hooks';
import '../../styles/requests.css';
import '../../styles/activities.css';

interface Outcome {
  ok: boolean;
  text: string;
}

function CheckInDesk({ activity }: { activity: ActivityDetail }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [arrived, setArrived] = useState<string[]>([]);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (given: string) => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await checkIn(activity.id, given);
      const who = personLabel(result.name, { as: 'attendee', number: result.number });
      setOutcome({ ok: true, text: `签到成功：${who}` });
      setArrived((names) => [who, ...names]);
      setCode('');
    } catch (caught) {
      // The server says why in words for her: already in, another activity's code, not confirmed …
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
        {/* The browser has no camera scanner: there she reads out the six digits under her QR code. */}
        <Text className="hint check-in-how">
          {scansQrCodes ? '请她打开“我的报名”，出示签到二维码或报出6位签到码。' : '请她打开“我的报名”，报出二维码下面的6位签到码，您输入后点“签到”。'}
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
      {arrived.length > 0 && (
        <View className="card">
          <Text className="card-title">这次已签到 {arrived.length} 人</Text>
          {arrived.map((name, index) => (
            <Text key={`${arrived.length - index}`} className="body-text arrived-name">
              {name}
            </Text>
          ))}
        </View>
      )}
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
