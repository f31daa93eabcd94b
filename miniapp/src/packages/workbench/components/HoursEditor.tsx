import { Picker, Text, View } from '@tarojs/components';
import type { WeeklyOpening } from '@wfh/shared';
import { WEEKDAY_NAMES, weekInWords } from '../../../utils/hours';
import { FieldError, FieldLabel } from '../../requests/components/FormParts';
import { hoursOfDraft, type SiteDraft } from '../places-draft';
import { ToggleChips } from './ToggleChips';

/** Monday first, as the week is read here; chips carry the weekday as text ('0' = Sunday). */
const DAY_OPTIONS = [1, 2, 3, 4, 5, 6, 0].map((weekday) => [String(weekday), WEEKDAY_NAMES[weekday]] as const);

function TimePicker({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (time: string) => void }) {
  return (
    <View className="hours-time">
      <Text className="field-label">{label}</Text>
      <Picker mode="time" value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View className={`form-input picker-field ${name}`}>{value}</View>
      </Picker>
    </View>
  );
}

/**
 * The usual week: the days it opens, one opening and one closing time for all of them, and the
 * result in plain words. Hours this cannot show (different from day to day) are kept and said as
 * they are until she sets new ones here.
 */
export function HoursEditor({
  draft,
  saved,
  onChange,
  error,
}: {
  draft: SiteDraft;
  /** The site's hours now (an existing site), shown while she has not set new ones. */
  saved: readonly WeeklyOpening[] | null;
  onChange: (fields: Partial<SiteDraft>) => void;
  error: string | undefined;
}) {
  const set = (fields: Partial<SiteDraft>) => onChange({ ...fields, hoursTouched: true });
  const shown = draft.hoursTouched || saved === null ? hoursOfDraft(draft) : saved;
  const words = weekInWords(shown);
  return (
    <View className="form-field hours-editor">
      <FieldLabel text="开放时间" required={false} />
      {!draft.hoursTouched && saved !== null && (
        <Text className="hint hours-kept">现在每天的时间不一样，照旧保留；在下面重新选，就换成新的时间。</Text>
      )}
      <Text className="hint">哪几天开放（点一下选上，再点一下去掉）：</Text>
      <ToggleChips
        name="weekday"
        options={DAY_OPTIONS}
        value={draft.hoursTouched ? draft.days.map(String) : []}
        onChange={(chosen) => set({ days: chosen.map(Number) })}
      />
      <View className="hours-times">
        <TimePicker label="开门" name="opens-time" value={draft.opens} onChange={(opens) => set({ opens })} />
        <TimePicker label="关门" name="closes-time" value={draft.closes} onChange={(closes) => set({ closes })} />
      </View>
      <Text className="body-text hours-words">{words === null ? '没有固定的开放时间' : `开放时间：${words}`}</Text>
      <FieldError message={error} />
    </View>
  );
}
