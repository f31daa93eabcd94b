import Taro from '@tarojs/taro';

/** A place to navigate to. Coordinates are GCJ-02, the datum of Chinese maps and of our places. */
export interface MapPlace {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

export interface MapLink {
  app: 'tencent' | 'amap' | 'baidu';
  label: string;
  url: string;
}

/** Who is asking, as the vendors ask web pages to say (Baidu wants webapp.<organisation>.<app>). */
const SOURCE = 'wfh';
const BAIDU_SOURCE = 'webapp.fulian.wfh';

const coordinate = (value: number) => value.toFixed(6);

/**
 * Tencent's marker parameter separates markers with "|", fields with ";" and names them with ":",
 * so none of them may appear inside a name or an address; their full-width forms read the same.
 */
const tencentField = (text: string) =>
  encodeURIComponent(text.replace(/\|/g, '｜').replace(/;/g, '；').replace(/:/g, '：'));

/**
 * The three map apps people in China use, each by its vendor's documented web address for "show
 * this place": the page opens the app when it is installed and shows the map in the browser when
 * not, from where navigation starts. All three take GCJ-02 as given (Baidu is told so: it would
 * read BD-09 otherwise).
 * Tencent: https://lbs.qq.com/webApi/uriV1/uriGuide/uriWebMarker
 * Amap: https://lbs.amap.com/api/uri-api/guide/mobile-web/point
 * Baidu: https://lbsyun.baidu.com/faq/api?title=webapi/uri/web
 */
export function mapLinks(place: MapPlace): MapLink[] {
  const lat = coordinate(place.latitude);
  const lng = coordinate(place.longitude);
  const name = encodeURIComponent(place.name);
  const address = encodeURIComponent(place.address);
  return [
    {
      app: 'tencent',
      label: '腾讯地图',
      url: `https://apis.map.qq.com/uri/v1/marker?marker=coord:${lat},${lng};title:${tencentField(place.name)};addr:${tencentField(place.address)}&referer=${SOURCE}`,
    },
    {
      app: 'amap',
      label: '高德地图',
      url: `https://uri.amap.com/marker?position=${lng},${lat}&name=${name}&src=${SOURCE}&coordinate=gaode&callnative=1`,
    },
    {
      app: 'baidu',
      label: '百度地图',
      url: `https://api.map.baidu.com/marker?location=${lat},${lng}&title=${name}&content=${address}&output=html&coord_type=gcj02&src=${BAIDU_SOURCE}`,
    },
  ];
}

/** Mini-program only: hands the place over to WeChat's map, which offers to navigate there. */
export function openInMaps(place: MapPlace): void {
  const { latitude, longitude, name, address } = place;
  Taro.openLocation({ latitude, longitude, name, address }).catch(() => {
    // WeChat refused (a coordinate it would not take): the address is what she needs then.
    void Taro.showToast({ title: `地址：${address}`, icon: 'none', duration: 4000 });
  });
}
