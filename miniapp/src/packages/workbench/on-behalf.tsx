import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';
import { SignInPanel } from '../../components/SignInPanel';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useMe } from '../../hooks/useMe';
import { useCategories } from '../../hooks/useRequests';
import { OnBehalfForm } from './components/OnBehalfForm';
import '../../styles/requests.css';

/** 代为登记求助: a chair or deputy records what a woman told her by phone, at the door, or via 12338. */
export default function RecordOnBehalfPage() {
  const { params } = useRouter();
  const federationId = typeof params.federationId === 'string' && params.federationId !== '' ? params.federationId : null;
  const { state, reload } = useMe();
  const categories = useCategories();

  return (
    <CarePage title="代为登记求助">
      {federationId === null && <Text className="body-text">没有找到要登记到哪个妇联。</Text>}
      {federationId !== null && state.status === 'loading' && <Loading />}
      {federationId !== null && state.status === 'signed-out' && <SignInPanel />}
      {federationId !== null && state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {federationId !== null && state.status === 'ready' && (
        <>
          {categories.state.status === 'loading' && <Loading />}
          {categories.state.status === 'failed' && (
            <LoadFailed message={categories.state.error.message} onRetry={categories.reload} />
          )}
          {categories.state.status === 'ready' && (
            <OnBehalfForm
              federationId={federationId}
              federationName={state.me.roles.find((grant) => grant.federationId === federationId)?.federationName ?? ''}
              categories={categories.state.data}
            />
          )}
        </>
      )}
    </CarePage>
  );
}
