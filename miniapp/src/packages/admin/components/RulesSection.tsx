import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { placeNameOf, SERVICE_CATEGORY_NAMES, ServiceCategoryKey, type RoutingPreview, type RoutingRuleView } from '@wfh/shared';
import { createRoutingRule, deleteRoutingRule, previewRouting } from '../../../api';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { ChoiceButtons, FieldError, FieldLabel, FormErrors, TextField } from '../../requests/components/FormParts';
import { useChange, useRegionDetail, useRoutingRules } from '../hooks';
import { ActionButton, withServerProblem } from './ActionButton';
import { BodyPicker, type PickedBody } from './BodyPicker';

const CATEGORIES = Object.values(ServiceCategoryKey).map((key) => [key, SERVICE_CATEGORY_NAMES[key]] as const);
const LABEL_LIMIT = 80;
/** Levels a rule may cover; it may send requests to any body of the county. */
const RULE_REGION = { township: true, village: true } as const;
const RULE_TARGET = { county: true, township: true, village: true } as const;

/** "新台子镇 › 懿路村": the region a rule covers, below the county. */
function RegionName({ code }: { code: string }) {
  const { state } = useRegionDetail(code);
  if (state.status !== 'ready') return <Text className="place-name rule-place">{code}</Text>;
  const below = state.data.breadcrumb.filter((node) => node.code.length > 6).map((node) => placeNameOf(node.name));
  return <Text className="place-name rule-place">{[...below, placeNameOf(state.data.name)].join(' › ')}</Text>;
}

function RuleRow({ rule, countyId, onDeleted }: { rule: RoutingRuleView; countyId: string; onDeleted: () => void }) {
  const { busy, problem, confirmThenRun } = useChange();
  const remove = () =>
    confirmThenRun({ title: '删除这条规则？', content: '删除后，这类求助按类别的办理层级送达。', confirmText: '删除', cancelText: '不删' }, async () => {
      await deleteRoutingRule(countyId, rule.id);
      onDeleted();
    });
  return (
    <View className="rule-row" data-rule={rule.id}>
      <RegionName code={rule.regionPrefix} />
      <Text className="body-text rule-what">
        {SERVICE_CATEGORY_NAMES[rule.categoryKey]} → {rule.targetName}
      </Text>
      {rule.label && <Text className="hint rule-label">{rule.label}</Text>}
      <ActionButton className="btn-secondary delete-rule" busy={busy} onClick={() => void remove()}>
        删除
      </ActionButton>
      <FieldError message={problem ?? undefined} />
    </View>
  );
}

function AddRule({ county, onAdded }: { county: PickedBody; onAdded: (rule: RoutingRuleView) => void }) {
  const [region, setRegion] = useState<PickedBody | null>(null);
  const [category, setCategory] = useState<ServiceCategoryKey | undefined>(undefined);
  const [target, setTarget] = useState<PickedBody | null>(null);
  const [label, setLabel] = useState('');
  const [problems, setProblems] = useState<Array<{ field: string; message: string }>>([]);
  const { busy, problem, run } = useChange();

  const add = () => {
    const found = [
      ...(region === null ? [{ field: 'region', message: '请选择规则管哪个乡镇或村（社区）' }] : []),
      ...(category === undefined ? [{ field: 'category', message: '请选择求助类别' }] : []),
      ...(target === null ? [{ field: 'target', message: '请选择由哪个妇联受理' }] : []),
    ];
    setProblems(found);
    if (region === null || category === undefined || target === null) return;
    void run(async () => {
      onAdded(await createRoutingRule(county.id, { regionPrefix: region.id, categoryKey: category, targetFederationId: target.id, label: label.trim() || null }));
      setLabel('');
    });
  };

  return (
    <View className="card add-rule">
      <Text className="sheet-title">添加规则</Text>
      <Text className="hint">同一个地方、同一类求助只有一条规则，新加的会替换原来的。</Text>
      <Text className="field-label">这条规则管哪里</Text>
      <BodyPicker county={county} levels={RULE_REGION} value={region} onChange={setRegion} name="rule-region" />
      <View className="form-field">
        <FieldLabel text="哪类求助" required />
        <ChoiceButtons name="rule-category" options={CATEGORIES} value={category} onChange={setCategory} />
      </View>
      <Text className="field-label">交给哪个妇联受理</Text>
      <BodyPicker county={county} levels={RULE_TARGET} value={target} onChange={setTarget} name="rule-target" />
      <View className="form-field">
        <FieldLabel text="备注" required={false} />
        <TextField className="rule-label-input" value={label} onChange={setLabel} limit={LABEL_LIMIT} placeholder="例如：家暴求助由县维权站处理" />
      </View>
      <FormErrors problems={withServerProblem(problems, problem)} />
      <ActionButton className="btn-primary add-rule-submit" busy={busy} onClick={add}>
        添加规则
      </ActionButton>
    </View>
  );
}

/** "A 家庭暴力求助 from this village would go to …", by the very routing a new request gets. */
function PreviewBox({ county }: { county: PickedBody }) {
  const [category, setCategory] = useState<ServiceCategoryKey | undefined>(undefined);
  const [village, setVillage] = useState<PickedBody | null>(null);
  const [result, setResult] = useState<RoutingPreview | null>(null);
  const { busy, problem, setProblem, run } = useChange();

  const preview = () => {
    setResult(null);
    if (category === undefined || village === null) {
      setProblem('请选择求助类别和村（社区）');
      return;
    }
    void run(async () => setResult(await previewRouting(county.id, { categoryKey: category, homeFederationId: village.id })));
  };

  return (
    <View className="card routing-preview">
      <Text className="sheet-title">预览：求助会转到哪里</Text>
      <View className="form-field">
        <FieldLabel text="哪类求助" required />
        <ChoiceButtons name="preview-category" options={CATEGORIES} value={category} onChange={setCategory} />
      </View>
      <Text className="field-label">从哪个村（社区）提出</Text>
      <BodyPicker county={county} levels={{ village: true }} value={village} onChange={setVillage} name="preview-village" />
      <ActionButton className="btn-primary run-preview" busy={busy} onClick={preview}>
        预览
      </ActionButton>
      <FieldError message={problem ?? undefined} />
      {result && (
        <View className="form-notice preview-result">
          <Text className="sheet-title preview-target">{result.ok ? `会转到：${result.federationName}` : '现在没有能受理的妇联'}</Text>
          <Text className="body-text preview-reason">原因：{result.reason}</Text>
        </View>
      )}
    </View>
  );
}

/** 受理规则: where a category goes in part of the county, instead of by its handling level. */
export function RulesSection({ county }: { county: PickedBody }) {
  const { state, reload, set } = useRoutingRules(county.id);
  const added = (rule: RoutingRuleView) => {
    if (state.status !== 'ready') return reload();
    const others = state.data.filter((other) => other.regionPrefix !== rule.regionPrefix || other.categoryKey !== rule.categoryKey);
    set([...others, rule].sort((a, b) => (a.regionPrefix + a.categoryKey < b.regionPrefix + b.categoryKey ? -1 : 1)));
  };
  return (
    <View>
      <View className="card rules-section">
        <Text className="card-title">受理规则</Text>
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
        {state.status === 'ready' && state.data.length === 0 && (
          <Text className="body-text rules-none">还没有规则：每类求助都按它的办理层级送到她所在的村、乡镇或县妇联。</Text>
        )}
        {state.status === 'ready' && state.data.map((rule) => <RuleRow key={rule.id} rule={rule} countyId={county.id} onDeleted={reload} />)}
      </View>
      <AddRule county={county} onAdded={added} />
      <PreviewBox county={county} />
    </View>
  );
}
