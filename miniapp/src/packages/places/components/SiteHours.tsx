import { Text, View } from '@tarojs/components';
import type { OpeningException, WeeklyOpening } from '@wfh/shared';
import { shanghaiToday, upcomingExceptions, weeklyHours } from '../../../utils/hours';

/** The week Monday to Sunday, several spans a day, then the days that differ from it. */
export function SiteHours({ schedule, exceptions }: { schedule: WeeklyOpening[]; exceptions: OpeningException[] }) {
  const days = weeklyHours(schedule);
  const special = upcomingExceptions(exceptions, shanghaiToday());
  return (
    <View className="site-hours">
      {days.map((day) => (
        <View key={day.weekday} className={day.closed ? 'hours-row hours-row-closed' : 'hours-row'}>
          <Text className="hours-day">{day.label}</Text>
          <Text className="hours-text">{day.text}</Text>
        </View>
      ))}
      <Text className="hint hours-note">法定节假日休息；调休上班的日子按周一的时间开放。</Text>
      {special.length > 0 && (
        <View className="site-exceptions">
          <Text className="card-title">特别安排</Text>
          {special.map((day) => (
            <View key={day.date} className="hours-row exception-row">
              <Text className="hours-day">{day.label}</Text>
              <Text className="hours-text">{day.text}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
