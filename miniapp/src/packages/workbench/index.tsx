import { Text, View } from '@tarojs/components';
import type { RoleGrantView } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { RoleList } from '../../components/RoleList';
import { SignInPanel } from '../../components/SignInPanel';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useMe } from '../../hooks/useMe';
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

export default function WorkbenchPage() {
  const { state, reload } = useMe();

  return (
    <CarePage title="我的工作台">
      {state.status === 'loading' && <Loading />}
      {state.status === 'signed-out' && <SignInPanel />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View>
          <View className="card">
            <Text className="card-title">我的工作台</Text>
            <RoleList roles={state.me.roles} />
          </View>
          {bodiesOf(state.me.roles).map((grant) => (
            <InboxList key={grant.federationId} federationId={grant.federationId} federationName={grant.federationName} />
          ))}
        </View>
      )}
    </CarePage>
  );
}
