import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { approximate, wgs84ToGcj02, type LatLng } from '../utils/coords';
import { locationDatum } from '../utils/platform';

/** Her answer to "may we use your location", kept so that she is asked once, not every visit. */
export const LOCATION_CHOICE_KEY = 'wfh.locationChoice';
type Choice = 'allowed' | 'refused';

export type LocationState =
  | { status: 'ask' }
  | { status: 'locating' }
  | { status: 'located'; point: LatLng }
  | { status: 'unavailable' };

function storedChoice(): Choice | null {
  const value: unknown = Taro.getStorageSync(LOCATION_CHOICE_KEY);
  return value === 'allowed' || value === 'refused' ? value : null;
}

function remember(choice: Choice): void {
  Taro.setStorageSync(LOCATION_CHOICE_KEY, choice);
}

/** Where the phone is, in GCJ-02 whatever the platform speaks. Rejects when it cannot or may not tell. */
async function exactPosition(): Promise<LatLng> {
  const { latitude, longitude } = await Taro.getLocation({ type: locationDatum });
  return locationDatum === 'wgs84' ? wgs84ToGcj02({ latitude, longitude }) : { latitude, longitude };
}

async function currentPosition(): Promise<LatLng> {
  return approximate(await exactPosition());
}

/**
 * 「我就在这里」: a chair stands at her office or 妇女之家 and gives its place, to the metre. Not her
 * own position as a woman looking for help (that leaves the phone only approximately, above).
 */
export function positionOfPlaceHere(): Promise<LatLng> {
  return exactPosition();
}

export interface UseLocation {
  state: LocationState;
  /** She agreed to the explanation, or taps "用我的位置查找" later: ask the phone now. */
  locate: () => void;
  /** She would rather not: remembered, and the region tree and search take over. */
  decline: () => void;
}

/**
 * Her approximate position, never required. She is asked once, after a plain explanation; a "no"
 * (hers, WeChat's or the browser's) is remembered and she is not asked again unless she asks.
 * After a "yes" later visits locate quietly; a failure then just shows the region tree.
 */
export function useLocation(): UseLocation {
  const [state, setState] = useState<LocationState>(() => {
    const choice = storedChoice();
    if (choice === 'refused') return { status: 'unavailable' };
    return choice === 'allowed' ? { status: 'locating' } : { status: 'ask' };
  });
  const mounted = useRef(true);

  const run = useCallback(async (asked: boolean) => {
    setState({ status: 'locating' });
    try {
      const point = await currentPosition();
      remember('allowed');
      if (mounted.current) setState({ status: 'located', point });
    } catch {
      // Refused by her, by WeChat's privacy check, or the phone cannot tell (GPS off, browser
      // without a location): all the same to her, she finds places by region instead.
      if (asked) remember('refused');
      if (mounted.current) setState({ status: 'unavailable' });
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    if (storedChoice() === 'allowed') void run(false);
    return () => {
      mounted.current = false;
    };
  }, [run]);

  const locate = useCallback(() => void run(true), [run]);
  const decline = useCallback(() => {
    remember('refused');
    setState({ status: 'unavailable' });
  }, []);

  return { state, locate, decline };
}
