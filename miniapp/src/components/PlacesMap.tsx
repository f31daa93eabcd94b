import { useState } from 'react';
import { Map as NativeMap } from '@tarojs/components';
import type { NearbyPlace } from '@wfh/shared';
import type { LatLng } from '../utils/coords';
import { openPlace } from './PlaceItem';

/** Copied next to the pages by config/index.ts (weapp only): WeChat wants a file path for markers. */
const MARKER_ICON = '/assets/marker.png';

/**
 * WeChat's native map with a pin for each place in the list. Only rendered in the mini-program
 * (platform.showsNativeMap): the browser build has no map and shows the list alone.
 */
export function PlacesMap({ centre, places }: { centre: LatLng; places: NearbyPlace[] }) {
  // A map that cannot load (no map service, an old phone) gives way to the list below it.
  const [failed, setFailed] = useState(false);
  const markers = places.map((place, index) => ({
    id: index,
    latitude: place.latitude,
    longitude: place.longitude,
    iconPath: MARKER_ICON,
    width: 30,
    height: 40,
    ariaLabel: place.name,
    callout: {
      content: `${place.name}\n点这里查看`,
      color: '#1f1f1f',
      fontSize: 18,
      anchorX: 0,
      anchorY: 0,
      borderRadius: 8,
      borderWidth: 1,
      borderColor: '#b4233c',
      bgColor: '#ffffff',
      padding: 10,
      display: 'BYCLICK' as const,
      textAlign: 'center' as const,
    },
  }));
  const placeAt = (markerId: number | string) => places[Number(markerId)];

  if (failed) return null;
  return (
    <NativeMap
      className="places-map"
      latitude={centre.latitude}
      longitude={centre.longitude}
      scale={13}
      markers={markers}
      includePoints={[centre, ...places.map(({ latitude, longitude }) => ({ latitude, longitude }))]}
      showLocation
      onError={() => setFailed(true)}
      onCalloutTap={(event) => {
        const place = placeAt(event.detail.markerId);
        if (place) openPlace(place);
      }}
    />
  );
}
