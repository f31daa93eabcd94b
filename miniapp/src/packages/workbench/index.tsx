import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { RoleKind, type RoleGrantView } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { RoleList } from '../../components/RoleList';
import { SignedIn } from '../../components/SignedIn';
import { isVillageCode } from '../../utils/places';
import { Routes } from '../../utils/routes';
import { InboxList } from './components/InboxList';
import '../../styles/requests.css';

/** One inbox per body, even when she holds two roles at it. */
function bodiesOf(roles: readonly RoleGrantView[]): RoleGrantView[] {
  const seen = new Set<string>();
  return roles.filter((grant) => {
    if (seen.has(grant.federationId)) return false;
    seen.add(grant.federationId);
    return true;
  });
}

/** 代为登记 for a chair or deputy of a village body; 外出请假 for its chair. */
function BodyTools({ roles, federationId }: { roles: readonly RoleGrantView[]; federationId: string }) {
  const held = roles.filter((grant) => grant.federationId === federationId).map((grant) => grant.role);
  if (!isVillageCode(federationId)) return null;
  const records = held.includes(RoleKind.Chair) || held.includes(RoleKind.Deputy);
  const isChair = held.includes(RoleKind.Chair);
  if (!records && !isChair) return null;
  return (
    <View className="body-tools">
      {records && (
        <Button
          className="btn btn-primary record-on-behalf"
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: Routes.recordOnBehalf(federationId) })}
        >
          代为登记求助
        </Button>
      )}
      {isChair && (
        <Button
          className="btn btn-secondary cover-settings"
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: Routes.coverSettings(federationId) })}
        >
          外出请假
        </Button>
      )}
    </View>
  );
}

export default function WorkbenchPage() {
  return (
    <CarePage title="我的工作台">
      <SignedIn>
        {(me) => (
          <View>
            <View className="card">
              <Text className="card-title">我的工作台</Text>
              <RoleList roles={me.roles} />
            </View>
            {bodiesOf(me.roles).map((grant) => (
              <InboxList
                key={grant.federationId}
                federationId={grant.federationId}
                federationName={grant.federationName}
                tools={<BodyTools roles={me.roles} federationId={grant.federationId} />}
              />
            ))}
          </View>
        )}
      </SignedIn>
    </CarePage>
  );
}
