import { View } from '@tarojs/components';
import { toggled } from '../../../utils/voices';

/** Several choices at once, as large chips; a chosen one is filled and ticked. `name`-chip finds them. */
export function ToggleChips<T extends string>({
  name,
  options,
  value,
  onChange,
}: {
  name: string;
  options: ReadonlyArray<readonly [value: T, label: string]>;
  value: readonly T[];
  onChange: (chosen: T[]) => void;
}) {
  return (
    <View className="chip-row">
      {options.map(([option, label]) => {
        const chosen = value.includes(option);
        return (
          <View
            key={option}
            className={chosen ? `chip ${name}-chip chip-selected` : `chip ${name}-chip`}
            hoverClass="btn-pressed"
            onClick={() => onChange(toggled(value, option))}
          >
            {chosen ? `✓ ${label}` : label}
          </View>
        );
      })}
    </View>
  );
}
