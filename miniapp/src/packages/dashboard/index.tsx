import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { RoleKind, type MeResponse, type RoleGrantView, type StatsQuery } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { ChoiceButtons } from '../requests/components/FormParts';
import { RangeBar } from './components/RangeBar';
import { StatsView } from './components/StatsView';
import { DEFAULT_PRESET, presetRange } from './range';
import '../../styles/requests.css';
import './dashboard.css';

/** The roles that see a body's numbers (Permission.ViewStats); executives keep rosters only. */
const SEES_STATS = new Set<RoleKind>([RoleKind.Chair, RoleKind.Deputy, RoleKind.Staff, RoleKind.Admin]);

/** Her bodies, the widest first: a county admin starts at the county, staff at their township. */
function statsBodies(roles: readonly RoleGrantView[]): RoleGrantView[] {
  const seen = new Set<string>();
  return roles
    .filter((grant) => SEES_STATS.has(grant.role) && !seen.has(grant.federationId) && seen.add(grant.federationId))
    .sort((a, b) => a.federationId.length - b.federationId.length);
}

function Dashboard({ me, opened }: { me: MeResponse; opened: string | null }) {
  const bodies = statsBodies(me.roles);
  // A body opened from the list above it (a township from the county's view); the server decides
  // whether she may see it.
  const [chosen, setChosen] = useState<string | null>(opened ?? bodies[0]?.federationId ?? null);
  const [range, setRange] = useState<StatsQuery>(() => presetRange(DEFAULT_PRESET));

  if (chosen === null) {
    return (
      <View className="card">
        <Text className="body-text no-stats-role">工作看板给村（社区）、乡镇（街道）和县妇联的同志用。您现在没有这样的职务。</Text>
      </View>
    );
  }
  return (
    <View>
      {opened === null && bodies.length > 1 && (
        <View className="card">
          <Text className="card-title">看哪个单位</Text>
          <ChoiceButtons
            name="stats-body"
            options={bodies.map((grant) => [grant.federationId, grant.federationName] as const)}
            value={chosen}
            onChange={setChosen}
          />
        </View>
      )}
      <RangeBar range={range} onChange={setRange} />
      <StatsView federationId={chosen} range={range} />
    </View>
  );
}

/** 工作看板: how the bodies under hers answer, what is late now, and the four rates. */
export default function DashboardPage() {
  const { params } = useRouter();
  const opened = typeof params.federationId === 'string' && params.federationId !== '' ? params.federationId : null;
  return (
    <CarePage title="工作看板">
      <SignedIn>{(me) => <Dashboard me={me} opened={opened} />}</SignedIn>
    </CarePage>
  );
}
