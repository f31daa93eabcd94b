import Taro from '@tarojs/taro';
import { formatDistance, type NearbyPlace } from '@wfh/shared';
import { Text, View } from '@tarojs/components';
import { placeKindLabel, serviceNames } from '../utils/places';
import { Routes } from '../utils/routes';
import { DemoTag, OpenTag } from './PlaceTags';

export function openPlace(place: Pick<NearbyPlace, 'type' | 'id'>): void {
  void Taro.navigateTo({ url: place.type === 'site' ? Routes.site(place.id) : Routes.body(place.id) });
}

/** One row of the nearby list; the whole row is the tap target. */
export function PlaceItem({ place }: { place: NearbyPlace }) {
  return (
    <View className="place-item" hoverClass="place-item-pressed" onClick={() => openPlace(place)}>
      <View className="place-head">
        <Text className="place-name">{place.name}</Text>
        <Text className="place-distance">{formatDistance(place.distanceMetres)}</Text>
      </View>
      <View className="place-tags">
        <Text className="place-kind">{placeKindLabel(place)}</Text>
        {place.openNow !== null && <OpenTag open={place.openNow} />}
        {place.isDemo && <DemoTag />}
      </View>
      {place.services.length > 0 && <Text className="place-services">服务：{serviceNames(place.services)}</Text>}
      {place.address && <Text className="place-address">{place.address}</Text>}
    </View>
  );
}
