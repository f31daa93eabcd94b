import { Text } from '@tarojs/components';
import { groupedNumber, NEAR_LIMIT_SHARE, textLength } from '@wfh/shared';

/**
 * How much she has written, once she is near the field's limit (NEAR_LIMIT_SHARE of it): "已写 1,850/2,000 字".
 * Past it the count turns red and says how much to take out. Nothing she typed is ever cut off:
 * the form refuses to send instead (a field's own check, e.g. tooLongProblem), in the same words.
 */
export function LengthCounter({ value, limit }: { value: string; limit: number }) {
  const length = textLength(value);
  if (length < limit * NEAR_LIMIT_SHARE) return null;
  const over = length - limit;
  return (
    <Text className={over > 0 ? 'hint text-count text-count-over' : 'hint text-count'}>
      已写 {groupedNumber(length)}/{groupedNumber(limit)} 字{over > 0 ? `，多了 ${groupedNumber(over)} 字，请删短一些` : ''}
    </Text>
  );
}
