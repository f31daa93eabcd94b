import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { isInsideChina } from '@wfh/shared';
import { onlyIf } from '../../../components/Buttons';
import { positionOfPlaceHere } from '../../../hooks/useLocation';
import type { LatLng } from '../../../utils/coords';
import { picksPlacesOnMap } from '../../../utils/platform';
import { FieldError, FieldLabel } from '../../requests/components/FormParts';

const OUTSIDE_CHINA = '这个位置不在中国境内，请点「我就在这里」或在地图上重新选';

/** "北纬42.2915°，东经123.8421°": enough to tell two spots apart, written as maps here write it. */
export const locationWords = (point: LatLng) => `北纬${point.latitude.toFixed(4)}°，东经${point.longitude.toFixed(4)}°`;

/**
 * Where a place is: 「我就在这里」 takes the phone's position (she stands at the door), 「在地图上选」
 * WeChat's map (not in the browser, which has no map service). The page shows <PrivacyDialog />
 * for WeChat's consent to the position.
 */
export function LocationField({
  value,
  onChange,
  error,
  required,
}: {
  value: LatLng | null;
  /** `address`: what the map says is there, for an address still empty. */
  onChange: (point: LatLng, picked?: { address: string }) => void;
  error: string | undefined;
  required: boolean;
}) {
  const [locating, setLocating] = useState(false);

  const take = (point: LatLng, picked?: { address: string }) => {
    if (!isInsideChina(point.latitude, point.longitude)) {
      void Taro.showToast({ title: OUTSIDE_CHINA, icon: 'none', duration: 3000 });
      return;
    }
    onChange(point, picked);
  };

  const here = async () => {
    if (locating) return;
    setLocating(true);
    try {
      take(await positionOfPlaceHere());
    } catch {
      const title = picksPlacesOnMap ? '没能取到位置。请打开手机定位再试，或在地图上选' : '没能取到位置。请打开手机定位，并允许使用位置后再试';
      void Taro.showToast({ title, icon: 'none', duration: 3000 });
    } finally {
      setLocating(false);
    }
  };

  const onMap = async () => {
    try {
      const picked = await Taro.chooseLocation(value ?? {});
      take({ latitude: picked.latitude, longitude: picked.longitude }, { address: [picked.address, picked.name].filter(Boolean).join(' ') });
    } catch {
      // She closed the map without choosing: nothing changes.
    }
  };

  return (
    <View className="form-field location-field">
      <FieldLabel text="位置（大家按位置找最近的）" required={required} />
      <Text className={value === null ? 'body-text location-text location-unset' : 'body-text location-text'}>
        {value === null ? '还没有设定位置' : `已设定：${locationWords(value)}`}
      </Text>
      <Button className="btn btn-secondary locate-here" hoverClass="btn-pressed" loading={onlyIf(locating)} disabled={onlyIf(locating)} onClick={() => void here()}>
        我就在这里
      </Button>
      {picksPlacesOnMap && (
        <Button className="btn btn-secondary pick-on-map" hoverClass="btn-pressed" onClick={() => void onMap()}>
          在地图上选
        </Button>
      )}
      <Text className="hint">站在门口时点「我就在这里」，手机会记下这个地方。</Text>
      <FieldError message={error} />
    </View>
  );
}
