import { Text, View } from '@tarojs/components';
import type { ServiceCategory } from '@wfh/shared';

export function CategoryCards({
  categories,
  onChoose,
}: {
  categories: readonly ServiceCategory[];
  onChoose: (category: ServiceCategory) => void;
}) {
  return (
    <View className="category-list">
      {categories.map((category) => (
        <View
          key={category.key}
          className="card category-card"
          hoverClass="place-item-pressed"
          onClick={() => onChoose(category)}
        >
          <Text className="category-name">{category.name}</Text>
          <Text className="category-description">{category.description}</Text>
        </View>
      ))}
    </View>
  );
}
