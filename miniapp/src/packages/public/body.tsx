import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PublicBodyStats } from '@wfh/shared';
import { fetchPublicStats } from '../../api';
import { CarePage } from '../../components/CarePage';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useLoad } from '../../hooks/useLoad';
import { percentWords, rangeWords, workingTimeWords } from '../../utils/stats';
import '../../styles/requests.css';
import './public.css';

function Figure({ name, label, value, meaning }: { name: string; label: string; value: string; meaning: string }) {
  return (
    <View className={`request-item public-figure public-${name}`}>
      <Text className="public-label">{label}</Text>
      <Text className="public-value">{value}</Text>
      <Text className="public-meaning">{meaning}</Text>
    </View>
  );
}

/** Aggregates only: nothing on this page is about one woman or one request. */
function PublicNumbers({ stats }: { stats: PublicBodyStats }) {
  return (
    <View className="card public-stats">
      <Text className="home-body-name public-name">{stats.name}</Text>
      <Text className="hint public-range">近一年：{rangeWords(stats.range)}</Text>
      <Figure name="answered" label="答复求助" value={`${stats.requestsAnswered}件`} meaning="这一年里已经答复过的求助" />
      <Figure
        name="first-response"
        label="一般多久答复"
        value={workingTimeWords(stats.firstResponseMedianMinutes)}
        meaning="一半的求助在这个时间内得到第一次答复（按工作时间算）"
      />
      <Figure name="satisfaction" label="满意率" value={percentWords(stats.satisfaction)} meaning="评价过的求助中，评为“满意”或“基本满意”的比例" />
      <Figure name="activities" label="举办活动" value={`${stats.activitiesHeld}场`} meaning="这一年里举办的活动" />
      <Figure name="concerns" label="回应大家的心声" value={`${stats.concernsAnswered}件`} meaning="大家提出的事，妇联已经给了回应的" />
    </View>
  );
}

/** 工作公开: what a body has done this past year, in numbers anyone may see. */
export default function PublicBodyPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  const { state, reload } = useLoad<PublicBodyStats>(id === null ? null : `public:${id}`, () => fetchPublicStats(id!));
  return (
    <CarePage title="工作公开">
      {id === null && <Text className="body-text">没有找到这个妇联。</Text>}
      {id !== null && state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <PublicNumbers stats={state.data} />}
    </CarePage>
  );
}
