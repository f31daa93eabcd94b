export interface LatLng {
  latitude: number;
  longitude: number;
}

// The published GCJ-02 constants (Krasovsky 1940 ellipsoid).
const A = 6378245.0;
const EE = 0.006693421622965943;

function outsideChina({ latitude, longitude }: LatLng): boolean {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
}

function shiftLatitude(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function shiftLongitude(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/**
 * GPS (WGS-84) to the datum of Chinese maps (GCJ-02), which our places use. Inside China the two
 * differ by a few hundred metres: enough to put the wrong 妇女之家 first.
 */
export function wgs84ToGcj02(point: LatLng): LatLng {
  if (outsideChina(point)) return point;
  const x = point.longitude - 105.0;
  const y = point.latitude - 35.0;
  const radLat = (point.latitude / 180.0) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLatitude(x, y) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLongitude(x, y) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { latitude: point.latitude + dLat, longitude: point.longitude + dLng };
}

/**
 * Only an approximate position leaves the phone (the consent text says 大致位置): three decimals
 * are about 100 metres, plenty to rank places that are usually kilometres apart.
 */
export function approximate(point: LatLng): LatLng {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { latitude: round(point.latitude), longitude: round(point.longitude) };
}
