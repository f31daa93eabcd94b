import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { BodyStats } from '@wfh/shared';
import { isVillageCode } from '../../../utils/places';
import { Routes } from '../../../utils/routes';
import { workingTimeWords } from '../../../utils/stats';

/** A village opens its inbox; a township (seen from the county) its own view. */
function open(body: BodyStats) {
  const url = isVillageCode(body.federationId) ? Routes.bodyInbox(body.federationId) : Routes.dashboard(body.federationId);
  void Taro.navigateTo({ url });
}

/**
 * The bodies directly under hers, in the server's order: most overdue now first, then by region
 * code. It says where work waits, never who is best or worst.
 */
export function BodyRows({ bodies }: { bodies: readonly BodyStats[] }) {
  if (bodies.length === 0) return null;
  return (
    <View className="card body-rows">
      <Text className="card-title">下属各单位</Text>
      <Text className="hint">超时多的排在前面，方便先去处理。点一个单位可以看它的详细情况。</Text>
      {bodies.map((body) => (
        <View
          key={body.federationId}
          className={body.overdueNow > 0 ? 'place-item body-row body-row-overdue' : 'place-item body-row'}
          hoverClass="place-item-pressed"
          data-federation={body.federationId}
          onClick={() => open(body)}
        >
          <Text className="place-name body-row-name">{body.name}</Text>
          <View className="place-tags">
            {body.overdueNow > 0 && <Text className="tag tag-overdue body-row-overdue-count">超时{body.overdueNow}件</Text>}
          </View>
          <Text className="place-address body-row-received">收到求助{body.received}件</Text>
          <Text className="place-address body-row-first-response">首次答复：{workingTimeWords(body.firstResponseMedianMinutes)}</Text>
        </View>
      ))}
    </View>
  );
}
