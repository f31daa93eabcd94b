import { Text, View } from '@tarojs/components';
import { personLabel, type CoverView } from '@wfh/shared';
import { formatDate, lastShanghaiDay, startOfShanghaiDay } from '../../../utils/time';

/** Who answers while the chair is away, or null when nobody was named. */
export function deputyOf(cover: CoverView): string | null {
  return cover.deputyUserId ? personLabel(cover.deputyName, { as: 'member' }) : null;
}

/** "主席外出期间，由王秀英代为处理", or that nobody was named. */
export function coverLine(cover: CoverView): string {
  const deputy = deputyOf(cover);
  return deputy ? `主席外出期间，由${deputy}代为处理` : '主席外出期间，没有指定代为处理的人';
}

/** "5月6日至5月8日" (the last day she is away, not the instant she is back). */
export function coverDays(cover: CoverView): string {
  return `${formatDate(cover.awayFrom)}至${formatDate(startOfShanghaiDay(lastShanghaiDay(cover.awayUntil)))}`;
}

/** Shown above a body's inbox while its chair is away. */
export function CoverBanner({ covers }: { covers: readonly CoverView[] }) {
  const current = covers.find((cover) => cover.current);
  if (!current) return null;
  return (
    <View className="cover-banner" role="status">
      <Text className="cover-banner-text">{coverLine(current)}</Text>
      <Text className="cover-banner-days">{coverDays(current)}</Text>
    </View>
  );
}
