import { Button, Text, View } from '@tarojs/components';
import { formatDistance, type NearbyPlace } from '@wfh/shared';
import { placeKindLabel, serviceNames } from '../utils/places';
import { openPlace } from './PlaceItem';
import { DemoTag, OpenTag } from './PlaceTags';

/** The first thing she sees once located: the nearest place she can walk into right now. */
export function NearestOpenCard({ place }: { place: NearbyPlace | null }) {
  return (
    <View className="card nearest-open">
      <Text className="card-title">离您最近的妇女之家（现在开放）</Text>
      {place === null ? (
        <Text className="body-text nearest-open-none">附近现在没有开放的妇女之家。下面的地方可以先打电话问问。</Text>
      ) : (
        <View>
          <Text className="nearest-open-name">{place.name}</Text>
          <View className="place-tags">
            <Text className="place-kind">{placeKindLabel(place)}</Text>
            <OpenTag open />
            {place.isDemo && <DemoTag />}
          </View>
          <Text className="body-text nearest-open-distance">离您 {formatDistance(place.distanceMetres)}</Text>
          {place.address && <Text className="body-text">{place.address}</Text>}
          {place.services.length > 0 && <Text className="hint">服务：{serviceNames(place.services)}</Text>}
          <Button className="btn btn-primary nearest-open-go" hoverClass="btn-pressed" onClick={() => openPlace(place)}>
            查看地址和电话
          </Button>
        </View>
      )}
    </View>
  );
}
