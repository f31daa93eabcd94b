import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { RoleKind, type MeResponse, type RoleGrantView, type StatsQuery, type SubtreeStats } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { formatDate, formatDateTime, startOfShanghaiDay } from '../../utils/time';
import { rangeWords, workingTimeWords } from '../../utils/stats';
import { ChoiceButtons } from '../requests/components/FormParts';
import { BarList } from './components/BarList';
import { BodyRows } from './components/BodyRows';
import { MetricCards } from './components/MetricCards';
import { RangeBar } from './components/RangeBar';
import { StatsExport } from './components/StatsExport';
import { useSubtreeStats } from './hooks';
import { presetRange } from './range';
import '../../styles/requests.css';
import './dashboard.css';

/** The roles that see a body's numbers (Permission.ViewStats); executives keep rosters only. */
const SEES_STATS = new Set<RoleKind>([RoleKind.Chair, RoleKind.Deputy, RoleKind.Staff, RoleKind.Admin]);

/** Her bodies, the widest first: a county admin starts at the county, staff at their township. */
function statsBodies(roles: readonly RoleGrantView[]): RoleGrantView[] {
  const seen = new Set<string>();
  return roles
    .filter((grant) => SEES_STATS.has(grant.role) && !seen.has(grant.federationId) && seen.add(grant.federationId))
    .sort((a, b) => a.federationId.length - b.federationId.length);
}

function Charts({ stats }: { stats: SubtreeStats }) {
  const weeks = stats.weeks.map((week) => ({
    key: week.week,
    label: `${formatDate(startOfShanghaiDay(week.week))}这周（${week.received}件）`,
    value: week.firstResponseMedianMinutes,
    valueText: workingTimeWords(week.firstResponseMedianMinutes),
  }));
  const categories = stats.categories.map((category) => ({
    key: category.categoryKey,
    label: category.name,
    value: category.received,
    valueText: `${category.received}件`,
  }));
  return (
    <View className="stats-charts">
      <View className="card">
        <Text className="card-title">每周首次答复用时（中位数）</Text>
        <BarList bars={weeks} name="week-chart" empty="这段时间还没有答复过的求助。" />
      </View>
      <View className="card">
        <Text className="card-title">各类求助件数</Text>
        <BarList bars={categories} name="category-chart" empty="这段时间没有收到求助。" />
      </View>
    </View>
  );
}

function StatsView({ federationId, range }: { federationId: string; range: StatsQuery }) {
  const { state, reload } = useSubtreeStats(federationId, range);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  const stats = state.data;
  return (
    <View>
      <View className="card">
        <Text className="home-body-name stats-body-name">{stats.total.name}</Text>
        <Text className="body-text stats-range">{rangeWords(stats.range)}</Text>
        <Text className="hint">时间都按工作时间算：工作日的上班时间，不算休息日和节假日。数字更新于{formatDateTime(stats.generatedAt)}。</Text>
      </View>
      <MetricCards total={stats.total} />
      <Charts stats={stats} />
      <BodyRows bodies={stats.children} />
      <StatsExport federationId={federationId} name={stats.total.name} range={stats.range} />
    </View>
  );
}

function Dashboard({ me, opened }: { me: MeResponse; opened: string | null }) {
  const bodies = statsBodies(me.roles);
  // A body opened from the list above it (a township from the county's view); the server decides
  // whether she may see it.
  const [chosen, setChosen] = useState<string | null>(opened ?? bodies[0]?.federationId ?? null);
  const [range, setRange] = useState<StatsQuery>(() => presetRange('year'));

  if (chosen === null) {
    return (
      <View className="card">
        <Text className="body-text no-stats-role">工作看板给村（社区）、乡镇（街道）和县妇联的同志用。您现在没有这样的职务。</Text>
      </View>
    );
  }
  return (
    <View>
      {opened === null && bodies.length > 1 && (
        <View className="card">
          <Text className="card-title">看哪个单位</Text>
          <ChoiceButtons
            name="stats-body"
            options={bodies.map((grant) => [grant.federationId, grant.federationName] as const)}
            value={chosen}
            onChange={setChosen}
          />
        </View>
      )}
      <RangeBar range={range} onChange={setRange} />
      <StatsView federationId={chosen} range={range} />
    </View>
  );
}

/** 工作看板: how the bodies under hers answer, what is late now, and the four rates. */
export default function DashboardPage() {
  const { params } = useRouter();
  const opened = typeof params.federationId === 'string' && params.federationId !== '' ? params.federationId : null;
  return (
    <CarePage title="工作看板">
      <SignedIn>{(me) => <Dashboard me={me} opened={opened} />}</SignedIn>
    </CarePage>
  );
}
