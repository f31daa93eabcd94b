import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { REGION_LEVEL_LABELS, RegionLevel, type ServiceCategory, type UpdateCategorySettingRequest } from '@wfh/shared';
import { updateCountyCategory } from '../../../api';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { ChoiceButtons, FieldLabel, FormErrors, TextField } from '../../requests/components/FormParts';
import { useChange, useCountyCategories } from '../hooks';
import { ActionButton, withServerProblem } from './ActionButton';

const HANDLING_LEVELS = [RegionLevel.Village, RegionLevel.Township, RegionLevel.County].map(
  (level) => [level, `${REGION_LEVEL_LABELS[level]}妇联`] as const,
);

/** The server's bounds, in working hours. */
const LIMITS = { firstResponseHours: 720, resolutionHours: 2000 } as const;

function hoursProblem(text: string, max: number, what: string): string | null {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0.5 || value > max) return `${what}请填0.5到${max}之间的工作小时数`;
  return null;
}

function CategoryEditor({
  countyId,
  category,
  onSaved,
  onClose,
}: {
  countyId: string;
  category: ServiceCategory;
  onSaved: (categories: ServiceCategory[]) => void;
  onClose: () => void;
}) {
  const [level, setLevel] = useState(category.handlingLevel);
  const [first, setFirst] = useState(String(category.firstResponseHours));
  const [resolution, setResolution] = useState(String(category.resolutionHours));
  const [problems, setProblems] = useState<Array<{ field: string; message: string }>>([]);
  const { busy, problem, run } = useChange();

  const save = () => {
    const found = [
      { field: 'first', message: hoursProblem(first, LIMITS.firstResponseHours, '首次答复期限') },
      { field: 'resolution', message: hoursProblem(resolution, LIMITS.resolutionHours, '办结期限') },
    ].filter((item): item is { field: string; message: string } => item.message !== null);
    if (found.length === 0 && Number(resolution) < Number(first)) found.push({ field: 'resolution', message: '办结期限不能比首次答复期限还短' });
    setProblems(found);
    if (found.length > 0) return;
    const change: UpdateCategorySettingRequest = { handlingLevel: level, firstResponseHours: Number(first), resolutionHours: Number(resolution) };
    void run(async () => onSaved(await updateCountyCategory(countyId, category.key, change)));
  };

  return (
    <View className="category-editor">
      <View className="form-field">
        <FieldLabel text="由哪一级妇联办理" required />
        <ChoiceButtons name="handling-level" options={HANDLING_LEVELS} value={level} onChange={setLevel} />
      </View>
      <View className="form-field">
        <FieldLabel text="首次答复期限（工作小时）" required />
        <TextField className="first-response-hours" value={first} onChange={setFirst} type="digit" maxLength={6} />
      </View>
      <View className="form-field">
        <FieldLabel text="办结期限（工作小时）" required />
        <TextField className="resolution-hours" value={resolution} onChange={setResolution} type="digit" maxLength={6} />
      </View>
      <FormErrors problems={withServerProblem(problems, problem)} />
      <ActionButton className="btn-primary save-category" busy={busy} onClick={save}>
        保存
      </ActionButton>
      <Button className="btn btn-secondary" hoverClass="btn-pressed" onClick={onClose}>
        不改了
      </Button>
    </View>
  );
}

/** 求助类别: for each category, which level of body handles it here and how fast, in working hours. */
export function CategoriesSection({ countyId }: { countyId: string }) {
  const { state, reload, set } = useCountyCategories(countyId);
  const [editing, setEditing] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return (
    <View className="card categories-section">
      <Text className="card-title">本县的求助类别</Text>
      <Text className="hint">期限按工作时间算；过了期限还没答复，求助会自动上转到上一级妇联。</Text>
      {state.data.map((category) => (
        <View key={category.key} className="category-row" data-category={category.key}>
          <Text className="place-name">{category.name}</Text>
          <Text className="place-address category-level">由{REGION_LEVEL_LABELS[category.handlingLevel]}妇联办理</Text>
          <Text className="place-address category-deadlines">
            {category.firstResponseHours}个工作小时内首次答复，{category.resolutionHours}个工作小时内办结
          </Text>
          {editing === category.key ? (
            <CategoryEditor
              countyId={countyId}
              category={category}
              onSaved={(categories) => {
                set(categories);
                setEditing(null);
              }}
              onClose={() => setEditing(null)}
            />
          ) : (
            <Button className="btn btn-secondary edit-category" hoverClass="btn-pressed" onClick={() => setEditing(category.key)}>
              修改
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
