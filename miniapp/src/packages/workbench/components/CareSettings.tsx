import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CareTag, RosterEntryView } from '@wfh/shared';
import { updateRosterEntry } from '../../../api';
import { CARE_WEEKS_PROBLEM, careWeeksOf } from '../../../utils/voices';
import { FieldLabel, TextField } from '../../requests/components/FormParts';
import { CareTagChips } from './CareTags';
import { StepForm, useStep } from './StepForm';

/** 修改关心标签: what she may need and how often to be reminded. */
export function CareSettings({ entry, onSaved, onClose }: { entry: RosterEntryView; onSaved: (entry: RosterEntryView) => void; onClose: () => void }) {
  const [tags, setTags] = useState<CareTag[]>(entry.tags);
  const [weeks, setWeeks] = useState(String(entry.careEveryWeeks));
  const step = useStep(onClose);

  const save = () => {
    const careEveryWeeks = careWeeksOf(weeks);
    if (careEveryWeeks === null) {
      step.setProblem(CARE_WEEKS_PROBLEM);
      return;
    }
    void step.run(async () => onSaved(await updateRosterEntry(entry.id, { tags, careEveryWeeks })), '已保存');
  };

  return (
    <View className="card request-form">
      <StepForm title="修改关心标签" className="care-settings" problem={step.problem} busy={step.busy} confirmLabel="保存" onConfirm={save} onCancel={onClose}>
        <CareTagChips value={tags} onChange={setTags} />
        <View className="form-field">
          <FieldLabel text="每几周提醒我联系她" required />
          <TextField className="care-weeks-input" value={weeks} onChange={setWeeks} type="number" maxLength={2} />
          <Text className="hint">没有关心标签时不提醒。</Text>
        </View>
      </StepForm>
    </View>
  );
}
