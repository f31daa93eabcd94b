import { useState } from 'react';
import { Button, Picker, View } from '@tarojs/components';
import type { StatsQuery } from '@wfh/shared';
import { ChoiceButtons, FieldError, FieldLabel } from '../../requests/components/FormParts';
import { DEFAULT_PRESET, PRESET_LABELS, presetRange, rangeProblem, type RangePreset } from '../range';

const PRESETS = (Object.keys(PRESET_LABELS) as RangePreset[]).map((preset) => [preset, PRESET_LABELS[preset]] as const);

function DayField({ label, value, onChange, className }: { label: string; value: string; onChange: (day: string) => void; className: string }) {
  return (
    <View className="form-field">
      <FieldLabel text={label} required={false} />
      <Picker mode="date" value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View className={`form-input picker-field ${className}`}>{value}</View>
      </Picker>
    </View>
  );
}

/**
 * 近30天 / 本月 / 本季度 / 今年 at one tap, or two days of her own. A range the server would refuse
 * (the wrong way round, longer than a year) is said here and never sent. The page starts on
 * DEFAULT_PRESET.
 */
export function RangeBar({ range, onChange }: { range: StatsQuery; onChange: (range: StatsQuery) => void }) {
  const [preset, setPreset] = useState<RangePreset | 'custom'>(DEFAULT_PRESET);
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [problem, setProblem] = useState<string | null>(null);
  // The date wheels only when she asks for days of her own: the presets are what most people need.
  const [ownDays, setOwnDays] = useState(false);

  const choose = (next: RangePreset) => {
    const chosen = presetRange(next);
    setPreset(next);
    setFrom(chosen.from);
    setTo(chosen.to);
    setProblem(null);
    onChange(chosen);
  };

  const apply = () => {
    const chosen = { from, to };
    const wrong = rangeProblem(chosen);
    setProblem(wrong);
    if (wrong !== null) return;
    setPreset('custom');
    onChange(chosen);
  };

  return (
    <View className="card range-bar">
      <ChoiceButtons name="range-preset" options={PRESETS} value={preset === 'custom' ? undefined : preset} onChange={choose} />
      {ownDays ? (
        <View>
          <DayField label="从哪天" value={from} onChange={setFrom} className="range-from" />
          <DayField label="到哪天（含这一天）" value={to} onChange={setTo} className="range-to" />
          <FieldError message={problem ?? undefined} />
          <Button className="btn btn-secondary apply-range" hoverClass="btn-pressed" onClick={apply}>
            看这段时间
          </Button>
        </View>
      ) : (
        <Button className="btn btn-secondary own-days" hoverClass="btn-pressed" onClick={() => setOwnDays(true)}>
          自己选日期
        </Button>
      )}
    </View>
  );
}
