import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ACTIVITY_CATEGORY_LABELS, formatDistance, seatsLabel, type ActivitySummary } from '@wfh/shared';
import { activityNotice, placeOf, statusNow } from '../utils/activities';
import { Routes } from '../utils/routes';
import { formatActivityTime } from '../utils/time';

/** How full it is, while that still matters: a draft has only its capacity, a past one nothing. */
function seatsLine(activity: ActivitySummary): string | null {
  const status = statusNow(activity);
  if (status === 'draft') return `共${activity.capacity}个名额`;
  return status === 'published' ? seatsLabel(activity.seatsLeft, activity.waitlistLength) : null;
}

/** One activity in a list; the whole card is the tap target (its detail, or `url`). */
export function ActivityCard({ activity, url, children }: { activity: ActivitySummary; url?: string; children?: ReactNode }) {
  const notice = activityNotice(activity);
  const seats = seatsLine(activity);
  return (
    <View className="activity-item" data-activity={activity.id}>
      <View
        className="activity-tap"
        hoverClass="place-item-pressed"
        onClick={() => void Taro.navigateTo({ url: url ?? Routes.activity(activity.id) })}
      >
        <View className="place-head">
          <Text className="place-name activity-title">{activity.title}</Text>
          {activity.distanceMetres !== null && <Text className="place-distance">{formatDistance(activity.distanceMetres)}</Text>}
        </View>
        <View className="place-tags">
          <Text className="tag tag-category">{ACTIVITY_CATEGORY_LABELS[activity.category]}</Text>
          {notice && <Text className="tag tag-closed activity-notice">{notice}</Text>}
        </View>
        <Text className="activity-time">{formatActivityTime(activity.startsAt)}</Text>
        <Text className="place-address activity-place">{placeOf(activity)}</Text>
        {seats && <Text className={activity.seatsLeft > 0 ? 'activity-seats' : 'activity-seats seats-full'}>{seats}</Text>}
      </View>
      {children}
    </View>
  );
}
