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

async function currentPosition(): Promise<LatLng> {
  const { latitude, longitude } = await Taro.getLocation({ type: locationDatum });
  const gcj02 = locationDatum === 'wgs84' ? wgs84ToGcj02({ latitude, longitude }) : { latitude, longitude };
  return approximate(gcj02);
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
