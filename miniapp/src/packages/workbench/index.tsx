import { Text, View } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';
import { RoleList } from '../../components/RoleList';
import { SignInPanel } from '../../components/SignInPanel';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useMe } from '../../hooks/useMe';

export default function WorkbenchPage() {
  const { state, reload } = useMe();

  return (
    <CarePage title="我的工作台">
      {state.status === 'loading' && <Loading />}
      {state.status === 'signed-out' && <SignInPanel />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View className="card">
          <Text className="card-title">我的工作台</Text>
          <RoleList roles={state.me.roles} />
          <Text className="hint">求助收件箱、活动发布等工作功能将陆续开通。</Text>
        </View>
      )}
    </CarePage>
  );
}
