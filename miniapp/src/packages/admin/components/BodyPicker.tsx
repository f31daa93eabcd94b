import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { federationNameFor, type RegionNode } from '@wfh/shared';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { FieldLabel } from '../../requests/components/FormParts';
import { useChildRegions } from '../hooks';

export interface PickedBody {
  id: string;
  /** The body's name: "新台子镇妇联", "懿路村妇联". */
  name: string;
}

/** Which levels of the county she may pick at: the county itself, a township, a village. */
export interface PickableLevels {
  county?: boolean;
  township?: boolean;
  village?: boolean;
}

interface Choice {
  id: string;
  label: string;
  body: PickedBody;
}

/** One wheel of names; `name` becomes the class of the shown value, for finding it. */
function Wheel({
  label,
  choices,
  value,
  onPick,
  name,
  required = true,
}: {
  label: string;
  choices: readonly Choice[];
  value: string | null;
  onPick: (choice: Choice) => void;
  name: string;
  required?: boolean;
}) {
  const index = choices.findIndex((choice) => choice.id === value);
  return (
    <View className="form-field">
      <FieldLabel text={label} required={required} />
      <Picker
        mode="selector"
        range={choices.map((choice) => choice.label)}
        value={Math.max(0, index)}
        onChange={(event) => {
          const picked = choices[Number(event.detail.value)];
          if (picked) onPick(picked);
        }}
      >
        <View className={`form-input picker-field ${name}`}>{index >= 0 ? choices[index]!.label : '请选择'}</View>
      </Picker>
    </View>
  );
}

function choiceOf(region: RegionNode): Choice {
  const name = federationNameFor(region.name);
  return { id: region.code, label: name, body: { id: region.code, name } };
}

/**
 * A body of the county, picked by its township and then its village, from the real region tree.
 * `onChange` hears only answers at an allowed level, and null while the pick is not one yet (a
 * township where only a village will do).
 */
export function BodyPicker({
  county,
  levels,
  value,
  onChange,
  name,
}: {
  county: PickedBody;
  levels: PickableLevels;
  value: PickedBody | null;
  onChange: (body: PickedBody | null) => void;
  name: string;
}) {
  const [townshipId, setTownshipId] = useState<string | null>(value !== null && value.id.length >= 9 ? value.id.slice(0, 9) : null);
  const townships = useChildRegions(county.id);
  const villages = useChildRegions(levels.village && townshipId !== null ? townshipId : null);

  if (townships.state.status === 'loading') return <Loading />;
  if (townships.state.status === 'failed') return <LoadFailed message={townships.state.error.message} onRetry={townships.reload} />;

  const townshipChoices: Choice[] = [
    ...(levels.county ? [{ id: county.id, label: `${county.name}（县本级）`, body: county }] : []),
    ...townships.state.data.map(choiceOf),
  ];
  const pickTownship = (choice: Choice) => {
    const isCounty = choice.id === county.id;
    setTownshipId(isCounty ? null : choice.id);
    onChange(isCounty || levels.township ? choice.body : null);
  };

  return (
    <View className={`body-picker ${name}`}>
      <Wheel
        label="乡镇（街道）"
        choices={townshipChoices}
        value={value?.id === county.id ? county.id : townshipId}
        onPick={pickTownship}
        name={`${name}-township`}
      />
      {levels.village && townshipId !== null && villages.state.status === 'loading' && <Loading />}
      {levels.village && townshipId !== null && villages.state.status === 'failed' && (
        <LoadFailed message={villages.state.error.message} onRetry={villages.reload} />
      )}
      {levels.village && townshipId !== null && villages.state.status === 'ready' && (
        <Wheel
          label={levels.township ? '村（社区）（不选就是整个乡镇）' : '村（社区）'}
          required={!levels.township}
          choices={villages.state.data.map(choiceOf)}
          value={value?.id ?? null}
          onPick={(choice) => onChange(choice.body)}
          name={`${name}-village`}
        />
      )}
      {value !== null && <Text className={`hint ${name}-picked`}>已选：{value.name}</Text>}
    </View>
  );
}
