import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CONCERN_STATUS_LABELS, type CouncilMeetingView } from '@wfh/shared';
import { formatActivityTime } from '../../../utils/time';
import { VoicesRoutes } from '../../../utils/voices-routes';

const newestFirst = (meetings: readonly CouncilMeetingView[]) =>
  [...meetings].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));

/** 妇女议事会: when each met (or will), what was on its agenda, and its minutes once written. */
export function MeetingList({ meetings }: { meetings: readonly CouncilMeetingView[] }) {
  if (meetings.length === 0) return <Text className="body-text meetings-none">还没有召开过妇女议事会。</Text>;
  return (
    <View>
      {newestFirst(meetings).map((meeting) => (
        <View key={meeting.activityId} className="place-item meeting-item" data-meeting={meeting.activityId}>
          <Text className="place-name meeting-title">{meeting.title}</Text>
          <Text className="hint meeting-when">
            {formatActivityTime(meeting.startsAt)} · {meeting.status === 'held' ? '已召开' : '即将召开'}
          </Text>
          {meeting.agenda.length > 0 && (
            <View className="meeting-agenda">
              <Text className="field-label">商量的事</Text>
              {meeting.agenda.map((item) => (
                <Text
                  key={item.concernId}
                  className="link-text agenda-item"
                  onClick={() => void Taro.navigateTo({ url: VoicesRoutes.concern(item.concernId) })}
                >
                  {item.title}（{CONCERN_STATUS_LABELS[item.status]}）
                </Text>
              ))}
            </View>
          )}
          {meeting.minutes && (
            <View className="meeting-minutes">
              <Text className="field-label">会议纪要</Text>
              <Text className="body-text minutes-text">{meeting.minutes}</Text>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
