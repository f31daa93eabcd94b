/** Mean Earth radius used by geokdbush and WGS-84 based maps, in metres. */
const EARTH_RADIUS_M = 6_371_000;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres between two WGS-84/GCJ-02 points (the difference is negligible here). */
export function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "850米" under a kilometre, "3.2公里" above: how people here read distances. */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.max(1, Math.round(metres))}米`;
  return `${(metres / 1000).toFixed(metres < 10_000 ? 1 : 0)}公里`;
}

/**
 * China's extent (GCJ-02 and WGS-84 alike): a place of ours outside it is a typo, swapped columns or
 * a phone that could not tell where it is.
 */
export const CHINA_BOUNDS = { south: 3.8, north: 53.6, west: 73.4, east: 135.1 } as const;

export function isInsideChina(latitude: number, longitude: number): boolean {
  return latitude >= CHINA_BOUNDS.south && latitude <= CHINA_BOUNDS.north && longitude >= CHINA_BOUNDS.west && longitude <= CHINA_BOUNDS.east;
}
