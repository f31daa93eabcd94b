import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ACTIVITY_CATEGORY_LABELS, SubscriptionKind, type ActivityDetail } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { NavigateHere } from '../../components/NavigateHere';
import { RemindersCard } from '../../components/RemindersCard';
import { ShareButton } from '../../components/ShareButton';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useMe } from '../../hooks/useMe';
import { useShareCard, type ShareCard } from '../../hooks/useShareCard';
import { heldSignups, placeOf } from '../../utils/activities';
import { Routes } from '../../utils/routes';
import { formatActivitySpan, formatActivityTime } from '../../utils/time';
import { SignupPanel } from './components/SignupPanel';
import { useActivity } from './hooks';
import '../../styles/requests.css';
import '../../styles/activities.css';

/** Only what anyone may join is passed on: not a draft, nor one cancelled or over. */
function shareCardOf(activity: ActivityDetail): ShareCard | null {
  if (activity.status !== 'published') return null;
  return { title: `${activity.title} · ${formatActivityTime(activity.startsAt)}`, path: Routes.activity(activity.id) };
}

function ActivityView({ activity, signedIn, onChange }: { activity: ActivityDetail; signedIn: boolean; onChange: (next: ActivityDetail) => void }) {
  const place = placeOf(activity);
  return (
    <View>
      <View className="card">
        <Text className="activity-detail-title">{activity.title}</Text>
        <View className="place-tags">
          <Text className="tag tag-category">{ACTIVITY_CATEGORY_LABELS[activity.category]}</Text>
        </View>
        <Text className="activity-time">{formatActivitySpan(activity.startsAt, activity.endsAt)}</Text>
        <Text className="body-text activity-place">地点：{place}</Text>
        {activity.siteName !== null && <Text className="place-address">{activity.address}</Text>}
        <Text className="hint">主办：{activity.federationName}</Text>
        <NavigateHere
          place={{ latitude: activity.latitude, longitude: activity.longitude, name: place, address: activity.address }}
          className="activity-navigate"
        />
      </View>

      <SignupPanel activity={activity} signedIn={signedIn} onChange={onChange} />
      {signedIn && heldSignups(activity.mySignups).length > 0 && (
        <RemindersCard
          kinds={[SubscriptionKind.ActivityReminder, SubscriptionKind.SeatFreed]}
          ask="活动前提醒我"
          intro="活动开始前、候补补上名额时，用微信告诉您。"
        />
      )}

      {activity.description.trim() !== '' && (
        <View className="card">
          <Text className="card-title">活动内容</Text>
          <Text className="body-text activity-description">{activity.description}</Text>
        </View>
      )}

      {activity.status === 'published' && <ShareButton className="share-activity" />}

      {activity.canManage && (
        <Button
          className="btn btn-secondary manage-activity"
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: Routes.editActivity({ id: activity.id }) })}
        >
          管理这个活动
        </Button>
      )}
    </View>
  );
}

function ActivityLoader({ id }: { id: string }) {
  const { state: me } = useMe();
  // What the server tells depends on who asks (her own sign-ups): wait until that is settled.
  const key = me.status === 'loading' ? null : me.status === 'ready' ? `${id}:${me.me.user.id}` : id;
  const { state, reload, set } = useActivity(key, id);
  useShareCard(state.status === 'ready' ? shareCardOf(state.data) : null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return <ActivityView activity={state.data} signedIn={me.status === 'ready'} onChange={set} />;
}

/** One activity: when and where, how full, and signing up (herself, or her mother). */
export default function ActivityDetailPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  return (
    <CarePage title="活动详情">
      {id === null ? <Text className="body-text">没有找到这个活动。</Text> : <ActivityLoader id={id} />}
    </CarePage>
  );
}
