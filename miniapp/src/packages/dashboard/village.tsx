import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { StatsQuery } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { Routes } from '../../utils/routes';
import { RangeBar } from './components/RangeBar';
import { StatsView } from './components/StatsView';
import { DEFAULT_PRESET, presetRange } from './range';
import '../../styles/requests.css';
import './dashboard.css';

function VillageStats({ federationId }: { federationId: string }) {
  const [range, setRange] = useState<StatsQuery>(() => presetRange(DEFAULT_PRESET));
  return (
    <View>
      <RangeBar range={range} onChange={setRange} />
      <StatsView federationId={federationId} range={range} />
      <View className="card">
        <Button
          className="btn btn-secondary open-body-inbox"
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: Routes.bodyInbox(federationId) })}
        >
          看这里正在办的求助
        </Button>
      </View>
    </View>
  );
}

/**
 * One village's (community's) own figures, opened from the township's or the county's list. It
 * asks only for that village's numbers, which her role above it lets her see (docs/metrics.md);
 * its requests are one tap further.
 */
export default function VillageStatsPage() {
  const { params } = useRouter();
  const federationId = typeof params.federationId === 'string' && params.federationId !== '' ? params.federationId : null;
  return (
    <CarePage title="村（社区）办理情况">
      <SignedIn>{() => (federationId === null ? <Text className="body-text">没有找到这个单位。</Text> : <VillageStats federationId={federationId} />)}</SignedIn>
    </CarePage>
  );
}
