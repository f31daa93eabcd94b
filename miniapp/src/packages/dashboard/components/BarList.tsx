import { Text, View } from '@tarojs/components';

export interface Bar {
  key: string;
  label: string;
  /** Null draws no bar: nothing to measure (a week without an answer). */
  value: number | null;
  /** What the bar says in words, always shown: the bar only helps compare. */
  valueText: string;
}

/**
 * A horizontal bar chart drawn with views, not a canvas: its words grow with her font size like the
 * rest of the page, a screen reader reads them, and it looks the same in WeChat and the browser.
 */
export function BarList({ bars, name, empty }: { bars: readonly Bar[]; name: string; empty: string }) {
  const largest = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  if (bars.length === 0 || largest === 0) return <Text className={`body-text ${name}-empty`}>{empty}</Text>;
  return (
    <View className={`bar-list ${name}`}>
      {bars.map((bar) => (
        <View key={bar.key} className={`bar-row ${name}-row`}>
          <View className="bar-head">
            <Text className="bar-label">{bar.label}</Text>
            <Text className="bar-value">{bar.valueText}</Text>
          </View>
          <View className="bar-track">
            {bar.value !== null && bar.value > 0 && (
              // At least a sliver, so a small value is still seen to be there.
              <View className="bar-fill" style={{ width: `${Math.max(2, (bar.value / largest) * 100)}%` }} />
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
