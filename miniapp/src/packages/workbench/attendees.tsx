import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { personLabel, type ActivityDetail, type AttendeeView, type SignupKind } from '@wfh/shared';
import { ApiError, fetchActivity, fetchAttendeesCsv } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { statusNow } from '../../utils/activities';
import { saveCsvFile, sendsFilesToChat } from '../../utils/platform';
import { formatActivitySpan, formatDateTime } from '../../utils/time';
import { ReservedForm } from './components/ReservedForm';
import { useAttendees, useManagedActivity } from './hooks';
import '../../styles/requests.css';
import '../../styles/activities.css';

const KIND_LABELS: Record<SignupKind, string> = {
  self: '本人报名',
  relative: '家人代报',
  reserved: '预留名额',
};

function AttendeeRow({ attendee }: { attendee: AttendeeView }) {
  return (
    <View className="attendee-row" data-signup={attendee.signupId}>
      <View className="place-head">
        <Text className="attendee-name">
          {attendee.waitlistPosition !== null ? `第${attendee.waitlistPosition}位 ` : ''}
          {personLabel(attendee.name, { as: 'attendee', number: attendee.number })}
        </Text>
        {attendee.checkedInAt !== null && <Text className="tag tag-open attendee-checked-in">已签到</Text>}
      </View>
      <Text className="place-address attendee-phone">{attendee.phone ?? '没有留电话'}</Text>
      <Text className="hint">
        {KIND_LABELS[attendee.kind]}，{formatDateTime(attendee.signedUpAt)}
      </Text>
    </View>
  );
}

/** A name a file can carry: no path characters, not too long. */
function fileNameOf(title: string): string {
  return `${title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30) || '活动'}-报名名单.csv`;
}

function CsvExport({ activity }: { activity: ActivityDetail }) {
  const [busy, setBusy] = useState<'masked' | 'full' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const where = sendsFilesToChat ? '把名单发到微信' : '下载名单';

  const exportList = async (full: boolean) => {
    if (busy !== null) return;
    if (full) {
      const { confirm } = await Taro.showModal({
        title: '导出完整电话？',
        content: '完整电话只用于联系报名的人。请妥善保管，用完删除，不要转发到群里。',
        confirmText: '导出',
        cancelText: '不导出',
      });
      if (!confirm) return;
    }
    setBusy(full ? 'full' : 'masked');
    setProblem(null);
    try {
      await saveCsvFile(fileNameOf(activity.title), await fetchAttendeesCsv(activity.id, full));
    } catch (caught) {
      if (caught instanceof ApiError) setProblem(caught.message);
      // Closing WeChat's chat picker is not a failure worth a word; anything else is.
      else if (!String((caught as { errMsg?: unknown } | null)?.errMsg ?? '').includes('cancel')) setProblem('没能导出名单，请稍后再试');
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="card csv-export">
      <Text className="card-title">导出名单（表格）</Text>
      {sendsFilesToChat && <Text className="hint">可以发给“文件传输助手”，再在电脑上用表格软件打开。</Text>}
      <Button
        className="btn btn-secondary export-masked"
        hoverClass="btn-pressed"
        loading={onlyIf(busy === 'masked')}
        disabled={onlyIf(busy !== null)}
        onClick={() => void exportList(false).catch(() => undefined)}
      >
        {where}（电话隐去中间四位）
      </Button>
      <Button
        className="btn btn-secondary export-full"
        hoverClass="btn-pressed"
        loading={onlyIf(busy === 'full')}
        disabled={onlyIf(busy !== null)}
        onClick={() => void exportList(true).catch(() => undefined)}
      >
        {where}（完整电话）
      </Button>
      {problem && <Text className="field-error">{problem}</Text>}
    </View>
  );
}

function AttendeeLists({ activity, onAdded }: { activity: ActivityDetail; onAdded: () => void }) {
  const { state, reload } = useAttendees(activity.id);
  const published = statusNow(activity) === 'published';
  return (
    <View>
      <View className="card">
        <Text className="place-name">{activity.title}</Text>
        <Text className="activity-time">{formatActivitySpan(activity.startsAt, activity.endsAt)}</Text>
        {state.status === 'ready' && (
          <Text className="attendee-count">
            已签到 {state.data.checkedIn} 人 / 报名 {state.data.confirmed.length} 人
          </Text>
        )}
      </View>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View>
          <View className="card confirmed-list">
            <Text className="card-title">已报名（{state.data.confirmed.length}人）</Text>
            {state.data.confirmed.length === 0 && <Text className="body-text">还没有人报名。</Text>}
            {state.data.confirmed.map((attendee) => (
              <AttendeeRow key={attendee.signupId} attendee={attendee} />
            ))}
          </View>
          <View className="card waitlist">
            <Text className="card-title">候补（{state.data.waitlisted.length}人）</Text>
            {state.data.waitlisted.length === 0 && <Text className="body-text">没有人在候补。</Text>}
            {state.data.waitlisted.map((attendee) => (
              <AttendeeRow key={attendee.signupId} attendee={attendee} />
            ))}
          </View>
        </View>
      )}
      {published && activity.reservedSeats > 0 && (
        <ReservedForm
          activity={activity}
          onAdded={() => {
            reload();
            onAdded();
          }}
        />
      )}
      <CsvExport activity={activity} />
    </View>
  );
}

function AttendeesLoader({ id }: { id: string }) {
  const { state, reload, set } = useManagedActivity(id);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  // The reserved places left change with each woman added; the form stays on screen meanwhile.
  const refresh = () => void fetchActivity(id).then(set, () => undefined);
  return <AttendeeLists activity={state.data} onAdded={refresh} />;
}

/** 报名名单: who has a seat, who waits, who has come; adding a woman to a reserved place; export. */
export default function AttendeesPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  return (
    <CarePage title="报名名单">
      <SignedIn>{() => (id === null ? <Text className="body-text">没有找到这个活动。</Text> : <AttendeesLoader id={id} />)}</SignedIn>
    </CarePage>
  );
}
