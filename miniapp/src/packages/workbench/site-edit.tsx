import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { can, Permission, type MeResponse, type SiteDetail } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { PrivacyDialog } from '../../components/PrivacyDialog';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { Routes } from '../../utils/routes';
import { actorOf } from '../../utils/voices';
import { SiteForm } from './components/SiteForm';
import { useManagedSite } from './places-hooks';
import '../../styles/requests.css';
import '../../styles/my-places.css';

const NOT_YOURS = '您没有维护这个阵地的职务。';

/** Back to 「我的阵地」, which reads its list again; opened on its own, there instead. */
const done = (saved: SiteDetail) =>
  void Taro.navigateBack().catch(() => Taro.redirectTo({ url: Routes.myPlaces(saved.federationId) }));

function ExistingSite({ id, me }: { id: string; me: MeResponse }) {
  const { state, reload } = useManagedSite(id);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  if (!can(actorOf(me), Permission.ManageSites, state.data.federationId)) return <Text className="body-text">{NOT_YOURS}</Text>;
  return <SiteForm federationId={state.data.federationId} site={state.data} onSaved={done} />;
}

/** 新增阵地 (?federationId=) or 修改阵地 (?id=). */
export default function EditSitePage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  const federationId = typeof params.federationId === 'string' && params.federationId !== '' ? params.federationId : null;
  return (
    <CarePage title={id === null ? '新增阵地' : '修改阵地'}>
      <SignedIn>
        {(me) => (
          <View>
            <PrivacyDialog />
            {id !== null ? (
              <ExistingSite id={id} me={me} />
            ) : federationId !== null && can(actorOf(me), Permission.ManageSites, federationId) ? (
              <SiteForm federationId={federationId} site={null} onSaved={done} />
            ) : (
              <Text className="body-text">{federationId === null ? '没有找到是哪个妇联。' : NOT_YOURS}</Text>
            )}
          </View>
        )}
      </SignedIn>
    </CarePage>
  );
}
