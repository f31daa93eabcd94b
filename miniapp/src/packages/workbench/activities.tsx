import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ActivitySummary } from '@wfh/shared';
import { ActivityCard } from '../../components/ActivityCard';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { checksIn, statusNow } from '../../utils/activities';
import { Routes } from '../../utils/routes';
import { useBodyActivities } from './hooks';
import '../../styles/activities.css';

/** Under each card: its list of names, and checking in while it is on. */
function ActivityTools({ activity }: { activity: ActivitySummary }) {
  const status = statusNow(activity);
  if (status === 'draft') return null;
  return (
    <View className="activity-tools">
      <Button
        className="btn btn-secondary open-attendees"
        hoverClass="btn-pressed"
        onClick={() => void Taro.navigateTo({ url: Routes.attendees(activity.id) })}
      >
        报名名单
      </Button>
      {checksIn(status) && (
        <Button
          className="btn btn-secondary open-check-in"
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: Routes.checkIn(activity.id) })}
        >
          签到
        </Button>
      )}
    </View>
  );
}

function BodyActivities({ federationId, federationName }: { federationId: string; federationName: string }) {
  const { state, reload } = useBodyActivities(federationId);
  return (
    <View>
      <Button
        className="btn btn-primary new-activity"
        hoverClass="btn-pressed"
        onClick={() => void Taro.navigateTo({ url: Routes.editActivity({ federationId }) })}
      >
        新建活动
      </Button>
      <View className="card">
        <Text className="card-title">{federationName ? `${federationName}的活动` : '本会的活动'}</Text>
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
        {state.status === 'ready' && state.data.length === 0 && (
          <Text className="body-text activities-none">还没有活动。点上面的“新建活动”，先存草稿，准备好了再发布。</Text>
        )}
        {state.status === 'ready' &&
          state.data.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} url={Routes.editActivity({ id: activity.id })}>
              <ActivityTools activity={activity} />
            </ActivityCard>
          ))}
      </View>
    </View>
  );
}

/** 活动管理: a body's activities, drafts included, for its chair, deputies or township staff. */
export default function ManageActivitiesPage() {
  const { params } = useRouter();
  const federationId = typeof params.federationId === 'string' && params.federationId !== '' ? params.federationId : null;
  return (
    <CarePage title="活动管理">
      <SignedIn>
        {(me) =>
          federationId === null ? (
            <Text className="body-text">没有找到是哪个妇联。</Text>
          ) : (
            <BodyActivities
              federationId={federationId}
              federationName={me.roles.find((grant) => grant.federationId === federationId)?.federationName ?? ''}
            />
          )
        }
      </SignedIn>
    </CarePage>
  );
}
