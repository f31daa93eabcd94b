import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ImportKind, type MeResponse } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { IMPORT_KIND_WORDS, IMPORT_KINDS } from '../../utils/imports';
import { ChoiceButtons } from '../requests/components/FormParts';
import { ImportDownloads } from './components/ImportDownloads';
import { ImportFlow } from './components/ImportFlow';
import { countiesOf } from './counties';
import '../../styles/requests.css';
import './admin.css';
import './imports.css';

function CountyImports({ me }: { me: MeResponse }) {
  const counties = countiesOf(me);
  const asked = useRouter().params.countyId;
  const [countyId, setCountyId] = useState(counties.find((c) => c.id === asked)?.id ?? counties[0]?.id ?? null);
  const [kind, setKind] = useState<ImportKind>(ImportKind.Sites);
  const county = counties.find((candidate) => candidate.id === countyId);
  if (!county) {
    return (
      <View className="card">
        <Text className="body-text no-admin-role">导入导出给县妇联管理员用。您现在没有这个职务。</Text>
      </View>
    );
  }
  return (
    <View className="imports-page">
      <View className="card">
        <Text className="home-body-name">{county.name}</Text>
        {counties.length > 1 && (
          <ChoiceButtons name="imports-county" options={counties.map((c) => [c.id, c.name] as const)} value={county.id} onChange={setCountyId} />
        )}
        <Text className="card-title">要导入或导出哪一种表格？</Text>
        <ChoiceButtons name="import-kind" options={IMPORT_KINDS} value={kind} onChange={setKind} />
        <Text className="hint import-kind-words">{IMPORT_KIND_WORDS[kind]}</Text>
      </View>
      {/* A new county or kind starts afresh: a report never outlives the sheet it was about. */}
      <ImportDownloads key={`downloads:${county.id}:${kind}`} countyId={county.id} kind={kind} />
      <ImportFlow key={`flow:${county.id}:${kind}`} countyId={county.id} kind={kind} />
    </View>
  );
}

/** 导入导出: a county's spreadsheets of sites, bodies and people, checked row by row before anything changes. */
export default function ImportsPage() {
  return (
    <CarePage title="导入导出">
      <SignedIn>{(me) => <CountyImports me={me} />}</SignedIn>
    </CarePage>
  );
}
