import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SITE_KIND_LABELS, type SiteDetail } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { NavigateHere } from '../../components/NavigateHere';
import { DemoNotice, OpenTag } from '../../components/PlaceTags';
import { ShareButton } from '../../components/ShareButton';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useSite } from '../../hooks/usePlaces';
import { useShareCard } from '../../hooks/useShareCard';
import { serviceNames } from '../../utils/places';
import { Routes } from '../../utils/routes';
import { SiteHours } from './components/SiteHours';

function callSite(phone: string): void {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}

function SiteView({ site }: { site: SiteDetail }) {
  return (
    <View>
      <View className="card">
        <Text className="site-name">{site.name}</Text>
        <View className="place-tags">
          <Text className="place-kind">{SITE_KIND_LABELS[site.kind]}</Text>
          <OpenTag open={site.openNow} />
        </View>
        {site.isDemo && <DemoNotice />}
        <Text className="body-text site-federation">属于：{site.federationName}</Text>
        {site.chairPublicName && <Text className="body-text site-chair">负责人：{site.chairPublicName}</Text>}
        <Text className="body-text site-address">地址：{site.address}</Text>
        <NavigateHere place={site} className="site-navigate" />
        {site.phone && (
          <Button
            className="btn btn-secondary site-phone"
            hoverClass="btn-pressed"
            onClick={() => callSite(site.phone!)}
          >
            拨打电话 {site.phone}
          </Button>
        )}
      </View>

      <View className="card">
        <Text className="card-title">开放时间</Text>
        <SiteHours schedule={site.openingHours} exceptions={site.openingExceptions} />
      </View>

      {site.services.length > 0 && (
        <View className="card">
          <Text className="card-title">可以提供的帮助</Text>
          <Text className="body-text site-services">{serviceNames(site.services)}</Text>
        </View>
      )}

      <Button
        className="btn btn-primary ask-help"
        hoverClass="btn-pressed"
        onClick={() =>
          void Taro.navigateTo({ url: Routes.askForHelp({ siteId: site.id, federationId: site.federationId }) })
        }
      >
        在这里求助
      </Button>
      <ShareButton className="share-site" />
    </View>
  );
}

/** A 妇女之家 (or 微家, 维权站 …): where it is, when it is open, how to call, and asking for help there. */
export default function SitePage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  const { state, reload } = useSite(id);
  useShareCard(state.status === 'ready' ? { title: `${state.data.name}：欢迎来坐坐`, path: Routes.site(state.data.id) } : null);

  return (
    <CarePage title="妇女之家">
      {id === null && <Text className="body-text">没有找到这个地方。</Text>}
      {id !== null && state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <SiteView site={state.data} />}
    </CarePage>
  );
}
