import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';
import { SignInPanel } from '../../components/SignInPanel';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useMe } from '../../hooks/useMe';
import { CoverSettings } from './components/CoverSettings';
import '../../styles/requests.css';

/** 外出请假: the chair says when she is away and which deputy answers meanwhile. */
export default function CoverPage() {
  const { params } = useRouter();
  const federationId = typeof params.federationId === 'string' && params.federationId !== '' ? params.federationId : null;
  const { state, reload } = useMe();

  return (
    <CarePage title="外出请假">
      {federationId === null && <Text className="body-text">没有找到是哪个妇联。</Text>}
      {federationId !== null && state.status === 'loading' && <Loading />}
      {federationId !== null && state.status === 'signed-out' && <SignInPanel />}
      {federationId !== null && state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {federationId !== null && state.status === 'ready' && (
        <CoverSettings
          federationId={federationId}
          federationName={state.me.roles.find((grant) => grant.federationId === federationId)?.federationName ?? ''}
        />
      )}
    </CarePage>
  );
}
