import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useLocation } from '../hooks/useLocation';
import { useNearby } from '../hooks/usePlaces';
import type { LatLng } from '../utils/coords';
import { showsNativeMap } from '../utils/platform';
import { Routes } from '../utils/routes';
import { NearestOpenCard } from './NearestOpenCard';
import { PlaceItem } from './PlaceItem';
import { PlacesMap } from './PlacesMap';
import { PrivacyDialog } from './PrivacyDialog';
import { Loading, LoadFailed } from './StatusViews';

export const LOCATION_REASON =
  '为了帮您找到离您最近的妇联和妇女之家，需要获取您的大致位置。不同意也没关系，您可以按地区查找。';

interface ChooserButtonProps {
  /**
   * The page keeps exactly one .choose-village: her village card has it while she has no village,
   * else this section's "按地区查找" does.
   */
  primaryEntry: boolean;
  text: string;
  onTap?: () => void;
}

function ChooserButton({ primaryEntry, text, onTap }: ChooserButtonProps) {
  const className = `btn btn-secondary ${primaryEntry ? 'choose-village' : 'find-by-region'}`;
  const open = () => {
    onTap?.();
    void Taro.navigateTo({ url: Routes.chooseVillage() });
  };
  return (
    <Button className={className} hoverClass="btn-pressed" onClick={open}>
      {text}
    </Button>
  );
}

function NearbyResults({ point, primaryEntry }: { point: LatLng; primaryEntry: boolean }) {
  const { state, reload } = useNearby(point);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message="没能查到附近的地方" onRetry={reload} />;

  const { nearestOpen, places } = state.data;
  return (
    <View>
      <NearestOpenCard place={nearestOpen} />
      <View className="card nearby-list">
        <Text className="card-title">附近的妇联和妇女之家</Text>
        {showsNativeMap && places.length > 0 && <PlacesMap centre={point} places={places} />}
        {places.length === 0 && <Text className="body-text">附近 50 公里内没有找到，您可以按地区查找。</Text>}
        {places.map((place) => (
          <PlaceItem key={`${place.type}:${place.id}`} place={place} />
        ))}
        <ChooserButton primaryEntry={primaryEntry} text="按地区查找" />
      </View>
    </View>
  );
}

/**
 * 离您最近的妇女之家. Location is never required: she is told why first and may say no, which is
 * remembered; without a location the region tree and name search are offered instead.
 */
export function NearbySection({ hasHome }: { hasHome: boolean }) {
  const { state, locate, decline } = useLocation();
  // Without a village the card above has the one .choose-village; see ChooserButton.
  const primaryEntry = hasHome;

  return (
    <View className="nearby">
      <PrivacyDialog />
      {state.status === 'ask' && (
        <View className="card location-ask">
          <Text className="card-title">找离您最近的妇联和妇女之家</Text>
          <Text className="body-text">{LOCATION_REASON}</Text>
          <Button className="btn btn-primary allow-location" hoverClass="btn-pressed" onClick={locate}>
            同意，帮我查找
          </Button>
          <ChooserButton primaryEntry={primaryEntry} text="不用了，按地区查找" onTap={decline} />
        </View>
      )}
      {state.status === 'locating' && (
        <View className="card">
          <Text className="body-text">正在查找您附近的妇联和妇女之家…</Text>
        </View>
      )}
      {state.status === 'unavailable' && (
        <View className="card find-by-region-card">
          <Text className="card-title">按地区查找妇联和妇女之家</Text>
          <Text className="body-text">不用位置也能找：一级一级选省、市、县、乡镇、村，或者输入名字查找。</Text>
          <ChooserButton primaryEntry={primaryEntry} text="按地区查找" />
          <Button className="btn btn-secondary use-location" hoverClass="btn-pressed" onClick={locate}>
            用我的位置查找
          </Button>
        </View>
      )}
      {state.status === 'located' && <NearbyResults point={state.point} primaryEntry={primaryEntry} />}
    </View>
  );
}
