import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { useFederation } from '../../hooks/usePlaces';
import { InboxList } from '../workbench/components/InboxList';
import '../../styles/requests.css';

function VillageInbox({ federationId }: { federationId: string }) {
  const { state } = useFederation(federationId);
  return <InboxList federationId={federationId} federationName={state.status === 'ready' ? state.data.name : ''} />;
}

/**
 * One village's inbox, opened from the township's view. The list is the workbench's own; the
 * server answers only what her role above the village lets her see.
 */
export default function BodyInboxPage() {
  const { params } = useRouter();
  const federationId = typeof params.federationId === 'string' && params.federationId !== '' ? params.federationId : null;
  return (
    <CarePage title="求助办理情况">
      <SignedIn>{() => (federationId === null ? <Text className="body-text">没有找到这个单位。</Text> : <VillageInbox federationId={federationId} />)}</SignedIn>
    </CarePage>
  );
}
