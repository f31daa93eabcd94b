import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RegionLevel, RoleKind, regionLevelOf, type MeResponse } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { ChoiceButtons } from '../requests/components/FormParts';
import type { PickedBody } from './components/BodyPicker';
import { BodiesSection } from './components/BodiesSection';
import { CategoriesSection } from './components/CategoriesSection';
import { FeedbackSection } from './components/FeedbackSection';
import { RolesSection } from './components/RolesSection';
import { RulesSection } from './components/RulesSection';
import '../../styles/requests.css';
import './admin.css';

type Section = 'bodies' | 'roles' | 'categories' | 'rules' | 'feedback';

const SECTIONS: ReadonlyArray<readonly [Section, string]> = [
  ['bodies', '组织'],
  ['roles', '职务'],
  ['categories', '求助类别'],
  ['rules', '受理规则'],
  ['feedback', '投诉建议'],
];

/** The counties where she is an admin (Permission.AdministerCounty). */
function countiesOf(me: MeResponse): PickedBody[] {
  return me.roles
    .filter((grant) => grant.role === RoleKind.Admin && regionLevelOf(grant.federationId) === RegionLevel.County)
    .map((grant) => ({ id: grant.federationId, name: grant.federationName }));
}

function SectionView({ section, county }: { section: Section; county: PickedBody }) {
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
  }
}

function CountyAdmin({ me }: { me: MeResponse }) {
  const counties = countiesOf(me);
  const [countyId, setCountyId] = useState(counties[0]?.id ?? null);
  const [section, setSection] = useState<Section>('bodies');
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
      <View className="card">
        <Text className="home-body-name">{county.name}</Text>
        {counties.length > 1 && (
          <ChoiceButtons name="admin-county" options={counties.map((c) => [c.id, c.name] as const)} value={county.id} onChange={setCountyId} />
        )}
        <ChoiceButtons name="admin-section" options={SECTIONS} value={section} onChange={setSection} />
      </View>
      <SectionView key={`${county.id}:${section}`} section={section} county={county} />
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
