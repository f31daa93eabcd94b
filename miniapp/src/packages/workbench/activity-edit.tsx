import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ACTIVITY_STATUS_LABELS, type ActivityDetail } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { checksIn, statusNow } from '../../utils/activities';
import { Routes } from '../../utils/routes';
import { ActivityForm } from './components/ActivityForm';
import { CancelActivity } from './components/CancelActivity';
import { useManagedActivity } from './hooks';
import '../../styles/requests.css';
import '../../styles/activities.css';

/** Where it stands, and the pages that go with it once it is published. */
function ActivityHeader({ activity }: { activity: ActivityDetail }) {
  const status = statusNow(activity);
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <View className="card">
      <Text className="place-name">{activity.title}</Text>
      <Text className={`activity-status status-${status}`}>{ACTIVITY_STATUS_LABELS[status]}</Text>
      {activity.cancelReason && <Text className="body-text">取消原因：{activity.cancelReason}</Text>}
      {status !== 'draft' && (
        <View>
          <Text className="body-text">
            已报名{activity.confirmedCount}人，候补{activity.waitlistLength}人
          </Text>
          <Button className="btn btn-secondary open-attendees" hoverClass="btn-pressed" onClick={() => go(Routes.attendees(activity.id))}>
            报名名单
          </Button>
        </View>
      )}
      {checksIn(status) && (
        <Button className="btn btn-primary open-check-in" hoverClass="btn-pressed" onClick={() => go(Routes.checkIn(activity.id))}>
          签到
        </Button>
      )}
    </View>
  );
}

function ActivityManager({ federationId, initial }: { federationId: string; initial: ActivityDetail | null }) {
  const [current, setCurrent] = useState(initial);
  const status = current === null ? 'draft' : statusNow(current);
  const editable = status === 'draft' || status === 'published';
  return (
    <View>
      {current !== null && <ActivityHeader activity={current} />}
      {editable ? (
        // A new activity, once saved, is the same form on the saved one.
        <ActivityForm key={current?.id ?? 'new'} federationId={federationId} activity={current} onSaved={setCurrent} />
      ) : (
        <Text className="body-text activity-locked">活动{ACTIVITY_STATUS_LABELS[status]}，不能再修改。</Text>
      )}
      {current !== null && editable && <CancelActivity activity={current} onCancelled={setCurrent} />}
    </View>
  );
}

function ExistingActivity({ id }: { id: string }) {
  const { state, reload } = useManagedActivity(id);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  if (!state.data.canManage) return <Text className="body-text">您没有权限管理这个活动。</Text>;
  return <ActivityManager federationId={state.data.federationId} initial={state.data} />;
}

/** 新建活动 (?federationId=) or 管理活动 (?id=): the form, publishing and calling off. */
export default function EditActivityPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  const federationId = typeof params.federationId === 'string' && params.federationId !== '' ? params.federationId : null;
  return (
    <CarePage title={id === null ? '新建活动' : '管理活动'}>
      <SignedIn>
        {() => {
          if (id !== null) return <ExistingActivity id={id} />;
          if (federationId !== null) return <ActivityManager federationId={federationId} initial={null} />;
          return <Text className="body-text">没有找到是哪个妇联。</Text>;
        }}
      </SignedIn>
    </CarePage>
  );
}
