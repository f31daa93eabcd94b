import Taro from '@tarojs/taro';

/** Hands a place over to WeChat's map, which offers to navigate there. */
export function openInMaps(place: { latitude: number; longitude: number; name: string; address: string }): void {
  const { latitude, longitude, name, address } = place;
  Taro.openLocation({ latitude, longitude, name, address }).catch(() => {
    // The browser has no map app to hand over to; the address is what she needs then.
    void Taro.showToast({ title: `地址：${address}`, icon: 'none', duration: 4000 });
  });
}
