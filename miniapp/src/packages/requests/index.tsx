import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';
import { ComingSoon } from '../../components/StatusViews';
import { useFederation, useSite } from '../../hooks/usePlaces';

const param = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** Which place she chose to ask for help at, so she knows it was understood. */
function ChosenPlace({ siteId, federationId }: { siteId: string | null; federationId: string | null }) {
  const site = useSite(siteId).state;
  const body = useFederation(siteId === null ? federationId : null).state;
  const name =
    site.status === 'ready'
      ? `${site.data.name}（${site.data.federationName}）`
      : body.status === 'ready'
        ? body.data.name
        : null;
  if (name === null) return null;
  return (
    <View className="card chosen-place">
      <Text className="card-title">您选择的地方</Text>
      <Text className="body-text chosen-place-name">{name}</Text>
    </View>
  );
}

export default function RequestsPage() {
  const { params } = useRouter();
  const siteId = param(params.siteId);
  const federationId = param(params.federationId);

  return (
    <CarePage title="求助服务">
      {(siteId !== null || federationId !== null) && <ChosenPlace siteId={siteId} federationId={federationId} />}
      <ComingSoon title="求助服务即将开通" text="以后可以在这里向村里、社区里的妇联求助，并随时查看办理进度。" />
    </CarePage>
  );
}
