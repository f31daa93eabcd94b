import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { BodyStats } from '@wfh/shared';
import { useWideScreen } from '../../../hooks/useWideScreen';
import { isVillageCode } from '../../../utils/places';
import { Routes } from '../../../utils/routes';
import { percentWords, workingTimeWords } from '../../../utils/stats';

/** A village opens its own figures; a township (seen from the county) its own view of its villages. */
function open(body: BodyStats) {
  const url = isVillageCode(body.federationId) ? Routes.villageStats(body.federationId) : Routes.dashboard(body.federationId);
  void Taro.navigateTo({ url });
}

interface Figure {
  key: string;
  /** The column head on a PC, the line's label on a phone. */
  label: string;
  value: (body: BodyStats) => string;
  alert?: (body: BodyStats) => boolean;
}

/** What the township asks of each village: how fast it answers, how fast it finishes, what is late. */
const FIGURES: readonly Figure[] = [
  { key: 'received', label: '收到求助', value: (b) => `${b.received}件` },
  { key: 'first-response', label: '首次答复（中位数）', value: (b) => workingTimeWords(b.firstResponseMedianMinutes) },
  { key: 'resolution', label: '办结（中位数）', value: (b) => workingTimeWords(b.resolutionMedianMinutes) },
  { key: 'on-time', label: '按时办结率', value: (b) => percentWords(b.resolvedWithinDeadline) },
  { key: 'overdue-now', label: '超时未办', value: (b) => `${b.overdueNow}件`, alert: (b) => b.overdueNow > 0 },
];

function FigureCell({ figure, body, labelled }: { figure: Figure; body: BodyStats; labelled: boolean }) {
  const alert = figure.alert?.(body) ?? false;
  return (
    <View className={`body-figure body-row-${figure.key}${alert ? ' body-figure-alert' : ''}`}>
      {labelled && <Text className="body-figure-label">{figure.label}</Text>}
      <Text className="body-figure-value">{figure.value(body)}</Text>
    </View>
  );
}

/**
 * The bodies directly under hers with their own figures, in the server's order: most overdue now
 * first, then by region code. It says where work waits, never who is best or worst. A table on a
 * PC, one card per body on a phone (five columns do not fit 375 px at her font size).
 */
export function BodyRows({ bodies }: { bodies: readonly BodyStats[] }) {
  const wide = useWideScreen();
  if (bodies.length === 0) return null;
  const village = isVillageCode(bodies[0]!.federationId);
  return (
    <View className={`card body-rows${wide ? ' body-table' : ''}`}>
      <Text className="card-title">{village ? '各村（社区）办理情况' : '各乡镇（街道）办理情况'}</Text>
      <Text className="hint">超时多的排在前面。点一个单位，看它自己的数字和图表。</Text>
      {wide && (
        <View className="body-table-head">
          <Text className="body-table-name">单位</Text>
          {FIGURES.map((figure) => (
            <Text key={figure.key} className="body-figure body-table-label">
              {figure.label}
            </Text>
          ))}
        </View>
      )}
      {bodies.map((body) => (
        <View
          key={body.federationId}
          className={body.overdueNow > 0 ? 'body-row body-row-overdue' : 'body-row'}
          hoverClass="place-item-pressed"
          data-federation={body.federationId}
          onClick={() => open(body)}
        >
          <Text className="body-row-name">{body.name}</Text>
          <View className="body-row-figures">
            {FIGURES.map((figure) => (
              <FigureCell key={figure.key} figure={figure} body={body} labelled={!wide} />
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
