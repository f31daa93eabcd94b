import { Text, View } from '@tarojs/components';
import { CONCERN_STATUS_LABELS, type ConcernUpdateView } from '@wfh/shared';
import { formatDate } from '../../../utils/time';

/** What the council answered and did about a concern, oldest first, in plain words. */
export function ConcernUpdates({ updates }: { updates: readonly ConcernUpdateView[] }) {
  if (updates.length === 0) return <Text className="body-text updates-none">还没有答复。村（社区）妇联会在妇女议事会上商量。</Text>;
  return (
    <View className="timeline">
      {updates.map((update) => (
        <View key={update.id} className="timeline-entry concern-update">
          <Text className="timeline-when">{formatDate(update.at)}</Text>
          <Text className="timeline-what update-status">{CONCERN_STATUS_LABELS[update.status]}</Text>
          {update.meetingTitle && <Text className="hint update-meeting">在“{update.meetingTitle}”上商定</Text>}
          <Text className="timeline-note update-text">{update.text}</Text>
        </View>
      ))}
    </View>
  );
}
