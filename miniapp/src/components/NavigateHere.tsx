import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { mapLinks, openInMaps, type MapPlace } from '../utils/maps';
import { opensMapApps } from '../utils/platform';

/**
 * 「导航到这里」 of a site, a body or an activity. In the mini-program WeChat's own map takes over;
 * in the browser she picks the map app she uses (each link opens it, or its web map where it is
 * not installed), or copies the address to paste into one, or to send.
 */
export function NavigateHere({ place, className }: { place: MapPlace; className: string }) {
  const [choosing, setChoosing] = useState(false);
  const tap = () => (opensMapApps ? openInMaps(place) : setChoosing(!choosing));
  return (
    <View className="navigate-here">
      <Button className={`btn btn-secondary ${className}`} hoverClass="btn-pressed" onClick={tap}>
        导航到这里
      </Button>
      {choosing && (
        <View className="map-choices">
          <Text className="hint">用哪个地图导航？点一下就打开：</Text>
          {mapLinks(place).map((link) => (
            // A real link, not a script: it works in WeChat's own browser, where pop-ups do not.
            <a key={link.app} className={`btn btn-secondary map-link map-link-${link.app}`} href={link.url}>
              {link.label}
            </a>
          ))}
          {place.address !== '' && (
            <>
              <Text className="body-text map-address">地址：{place.address}</Text>
              <Button
                className="btn btn-secondary copy-address"
                hoverClass="btn-pressed"
                onClick={() => void Taro.setClipboardData({ data: place.address }).catch(() => undefined)}
              >
                复制地址
              </Button>
            </>
          )}
        </View>
      )}
    </View>
  );
}
