import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { MeResponse } from '@wfh/shared';
import { fetchHolidayCoverage } from '../../api';
import { CarePage } from '../../components/CarePage';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { SignedIn } from '../../components/SignedIn';
import { Routes } from '../../utils/routes';
import { ChoiceButtons } from '../requests/components/FormParts';
import type { PickedBody } from './components/BodyPicker';
import { BodiesSection } from './components/BodiesSection';
import { CategoriesSection } from './components/CategoriesSection';
import { FailedMessagesSection } from './components/FailedMessagesSection';
import { FeedbackSection } from './components/FeedbackSection';
import { HolidayBanner, HolidaysSection } from './components/HolidaysSection';
import { RolesSection } from './components/RolesSection';
import { RulesSection } from './components/RulesSection';
import { countiesOf } from './counties';
import { useHolidayCoverage } from './hooks';
import '../../styles/requests.css';
import './admin.css';

type Section = 'bodies' | 'roles' | 'categories' | 'rules' | 'feedback' | 'messages' | 'holidays';

const SECTIONS: ReadonlyArray<readonly [Section, string]> = [
  ['bodies', '组织'],
  ['roles', '职务'],
  ['categories', '求助类别'],
  ['rules', '受理规则'],
  ['feedback', '投诉建议'],
  ['messages', '发送失败'],
  ['holidays', '节假日'],
];

function SectionView({ section, county, holidays }: { section: Section; county: PickedBody; holidays: ReactNode }) {
  switch (section) {
    case 'bodies':
      return <BodiesSection countyId={county.id} />;
    case 'roles':
      return <RolesSection county={county} />;
    case 'categories':
      return <CategoriesSection countyId={county.id} />;
    case 'rules':
      return <RulesSection county={county} />;
    case 'feedback':
      return <FeedbackSection countyId={county.id} />;
    case 'messages':
      return <FailedMessagesSection countyId={county.id} />;
    case 'holidays':
      return holidays;
  }
}

function CountyAdmin({ me }: { me: MeResponse }) {
  const counties = countiesOf(me);
  const [countyId, setCountyId] = useState(counties[0]?.id ?? null);
  const [section, setSection] = useState<Section>('bodies');
  // The deadline clock's calendar is the deployment's: one banner and one form, whichever county.
  const coverage = useHolidayCoverage(counties.length > 0);
  const [holidayYear, setHolidayYear] = useState<number | null>(null);
  // After a save the banner follows quietly; a reload would swap the open form for a spinner.
  const refreshCoverage = () => void fetchHolidayCoverage().then(coverage.set, () => undefined);
  const county = counties.find((candidate) => candidate.id === countyId);
  if (!county) {
    return (
      <View className="card">
        <Text className="body-text no-admin-role">县妇联管理给县妇联管理员用。您现在没有这个职务。</Text>
      </View>
    );
  }
  return (
    <View>
      {coverage.state.status === 'ready' && (
        <HolidayBanner
          coverage={coverage.state.data}
          onEnter={(year) => {
            setHolidayYear(year);
            setSection('holidays');
          }}
        />
      )}
      <View className="card">
        <Text className="home-body-name">{county.name}</Text>
        {counties.length > 1 && (
          <ChoiceButtons name="admin-county" options={counties.map((c) => [c.id, c.name] as const)} value={county.id} onChange={setCountyId} />
        )}
        <ChoiceButtons name="admin-section" options={SECTIONS} value={section} onChange={setSection} />
        {/* The county's spreadsheets have a page of their own: a large table wants the whole width. */}
        <Button
          className="btn btn-secondary open-imports"
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: Routes.countyImports(county.id) })}
        >
          导入导出表格
        </Button>
      </View>
      <SectionView
        key={`${county.id}:${section}:${holidayYear}`}
        section={section}
        county={county}
        holidays={
          coverage.state.status === 'ready' ? (
            <HolidaysSection coverage={coverage.state.data} initialYear={holidayYear} onSaved={refreshCoverage} />
          ) : coverage.state.status === 'failed' ? (
            <LoadFailed message={coverage.state.error.message} onRetry={coverage.reload} />
          ) : (
            <Loading />
          )
        }
      />
    </View>
  );
}

/** 县妇联管理: the county's bodies, who holds which role, its categories and where requests go. */
export default function AdminPage() {
  return (
    <CarePage title="县妇联管理">
      <SignedIn>{(me) => <CountyAdmin me={me} />}</SignedIn>
    </CarePage>
  );
}
