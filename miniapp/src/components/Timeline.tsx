import { Text, View } from '@tarojs/components';
import type { RequestEventView } from '@wfh/shared';
import { chronological, eventText, noteText, type Viewer } from '../utils/requests';
import { formatDateTime } from '../utils/time';

/** What happened to a request, oldest first, in plain words: when, who did what, what was said. */
export function Timeline({ events, viewer }: { events: readonly RequestEventView[]; viewer: Viewer }) {
  return (
    <View className="timeline">
      {chronological(events).map((event, index) => (
        <View key={`${event.at}:${index}`} className="timeline-entry">
          <Text className="timeline-when">{formatDateTime(event.at)}</Text>
          <Text className="timeline-what">{eventText(event, viewer)}</Text>
          {event.note && <Text className="timeline-note">{noteText(event, viewer)}</Text>}
          {viewer === 'handler' && event.staffNote && <Text className="timeline-note timeline-staff-note">给同事的说明：{event.staffNote}</Text>}
        </View>
      ))}
    </View>
  );
}
