import { Text, View } from '@tarojs/components';
import type { BodyStats } from '@wfh/shared';
import { percentWords, workingTimeWords } from '../../../utils/stats';

interface Metric {
  key: string;
  label: string;
  value: string;
  /** What the number counts, in one plain line. */
  meaning: string;
  alert?: boolean;
}

function MetricCard({ metric }: { metric: Metric }) {
  return (
    <View className={`metric metric-${metric.key}${metric.alert ? ' metric-alert' : ''}`}>
      <Text className="metric-label">{metric.label}</Text>
      <Text className="metric-value">{metric.value}</Text>
      <Text className="metric-meaning">{metric.meaning}</Text>
    </View>
  );
}

/** 当前超时, 首次答复, 按时答复, 办结, 按时办结, then the four rates the federation reports (docs/metrics.md). */
export function MetricCards({ total }: { total: BodyStats }) {
  const work: Metric[] = [
    {
      key: 'overdue',
      label: '当前超时',
      value: `${total.overdueNow}件`,
      meaning: '此刻已过期限、还没办完的求助',
      alert: total.overdueNow > 0,
    },
    {
      key: 'first-response',
      label: '首次答复中位数',
      value: workingTimeWords(total.firstResponseMedianMinutes),
      meaning: '从提出求助到第一次答复，一半的求助比这更快（按工作时间算）',
    },
    {
      key: 'on-time',
      label: '按时答复率',
      value: percentWords(total.answeredWithinDeadline),
      meaning: '在答复期限内第一次答复、没有被上转的求助所占的比例',
    },
    {
      key: 'resolution',
      label: '办结中位数',
      value: workingTimeWords(total.resolutionMedianMinutes),
      meaning: '从提出求助到办结，一半的求助比这更快（按工作时间算）',
    },
    {
      key: 'resolved-on-time',
      label: '按时办结率',
      value: percentWords(total.resolvedWithinDeadline),
      meaning: '办结了的求助中，在办结期限内办完的比例',
    },
  ];
  const rates: Metric[] = [
    {
      key: 'awareness',
      label: '知晓率',
      value: percentWords(total.awareness),
      meaning: '已登录并确认住在这里的妇女，占登记妇女人数的比例',
    },
    {
      key: 'participation',
      label: '参与率',
      value: percentWords(total.participation),
      meaning: '已登录的妇女中，这段时间至少签到参加过一次活动的比例',
    },
    {
      key: 'satisfaction',
      label: '满意率',
      value: percentWords(total.satisfaction),
      meaning: '评价过的求助中，评为“满意”或“基本满意”的比例',
    },
    {
      key: 'benefit',
      label: '受益率',
      value: percentWords(total.benefit),
      meaning: '评价过的求助中，她说“得到了帮助”的比例',
    },
  ];
  return (
    <View>
      <View className="card metrics">
        <Text className="card-title">办理情况（收到求助{total.received}件）</Text>
        {work.map((metric) => (
          <MetricCard key={metric.key} metric={metric} />
        ))}
      </View>
      <View className="card metrics">
        <Text className="card-title">四个比率</Text>
        {rates.map((metric) => (
          <MetricCard key={metric.key} metric={metric} />
        ))}
        {total.womenRegistered === null && (
          <Text className="hint awareness-missing">还没有填写登记妇女人数，所以知晓率暂无。县妇联可以在“县妇联管理”里填写。</Text>
        )}
      </View>
    </View>
  );
}
