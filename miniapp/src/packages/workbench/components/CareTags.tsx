import { Text, View } from '@tarojs/components';
import { CARE_TAG_LABELS, CareTag } from '@wfh/shared';
import { ToggleChips } from './ToggleChips';

const TAG_OPTIONS = Object.values(CareTag).map((tag) => [tag, CARE_TAG_LABELS[tag]] as const);

/** The care tags to pick. */
export function CareTagChips({ value, onChange }: { value: readonly CareTag[]; onChange: (tags: CareTag[]) => void }) {
  return <ToggleChips name="care-tag" options={TAG_OPTIONS} value={value} onChange={onChange} />;
}

/** Her care tags, and the red 该联系了 once she is due a visit or a call. */
export function CareTagList({ tags, careDue }: { tags: readonly CareTag[]; careDue: boolean }) {
  if (tags.length === 0 && !careDue) return null;
  return (
    <View className="place-tags">
      {careDue && <Text className="tag tag-care-due">该联系了</Text>}
      {tags.map((tag) => (
        <Text key={tag} className="tag tag-care">
          {CARE_TAG_LABELS[tag]}
        </Text>
      ))}
    </View>
  );
}
