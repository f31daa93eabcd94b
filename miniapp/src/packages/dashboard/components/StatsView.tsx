import { Text, View } from '@tarojs/components';
import type { StatsQuery, SubtreeStats } from '@wfh/shared';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { formatDateTime } from '../../../utils/time';
import { rangeWords } from '../../../utils/stats';
import { firstResponseSeries, receivedSeries } from '../chart-data';
import { useSubtreeStats } from '../hooks';
import { BarList } from './BarList';
import { BodyRows } from './BodyRows';
import { MetricCards } from './MetricCards';
import { StatsExport } from './StatsExport';
import { WeekChart } from './WeekChart';

function Charts({ stats }: { stats: SubtreeStats }) {
  const categories = stats.categories.map((category) => ({
    key: category.categoryKey,
    label: category.name,
    value: category.received,
    valueText: `${category.received}件`,
  }));
  return (
    <View className="stats-charts">
      <View className="card">
        <Text className="card-title">每周收到求助（件）</Text>
        <WeekChart chart="week-received-chart" federationId={stats.total.federationId} kind="column" series={receivedSeries(stats.weeks)} name="收到求助" />
      </View>
      <View className="card">
        <Text className="card-title">每周首次答复用时（中位数，工作小时）</Text>
        <WeekChart chart="week-first-response-chart" federationId={stats.total.federationId} kind="line" series={firstResponseSeries(stats.weeks)} name="首次答复" />
      </View>
      <View className="card">
        <Text className="card-title">各类求助件数</Text>
        <BarList bars={categories} name="category-chart" empty="这段时间没有收到求助。" />
      </View>
    </View>
  );
}

/**
 * One body's numbers for a range. The bodies under it come first, with their own answer and
 * finishing times, since they are what a township checks; then the body's totals, the weekly
 * charts and the spreadsheet.
 */
export function StatsView({ federationId, range }: { federationId: string; range: StatsQuery }) {
  const { state, reload } = useSubtreeStats(federationId, range);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  const stats = state.data;
  return (
    <View>
      {/* Only the name and the range above the villages: their figures belong on her first screen. */}
      <View className="card stats-head">
        <Text className="home-body-name stats-body-name">{stats.total.name}</Text>
        <Text className="body-text stats-range">{rangeWords(stats.range)}</Text>
      </View>
      <BodyRows bodies={stats.children} />
      <MetricCards total={stats.total} />
      <Charts stats={stats} />
      <View className="card">
        <Text className="hint stats-notes">时间都按工作时间算：工作日的上班时间，不算休息日和节假日。数字更新于{formatDateTime(stats.generatedAt)}。</Text>
      </View>
      <StatsExport federationId={federationId} name={stats.total.name} range={stats.range} />
    </View>
  );
}
