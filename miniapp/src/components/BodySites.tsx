import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SITE_KIND_LABELS } from '@wfh/shared';
import { useFederationSites } from '../hooks/usePlaces';
import { Routes } from '../utils/routes';
import { DemoTag } from './PlaceTags';

/** A body's 妇女之家 and 微家, each opening its page: on her home card and on a body's page. */
export function BodySites({ federationId, title, className, itemClassName }: { federationId: string; title: string; className: string; itemClassName: string }) {
  const { state } = useFederationSites(federationId);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <View className={className}>
      <Text className="card-title">{title}</Text>
      {state.data.map((site) => (
        <View
          key={site.id}
          className={itemClassName}
          hoverClass="place-item-pressed"
          onClick={() => void Taro.navigateTo({ url: Routes.site(site.id) })}
        >
          <Text className="place-name-plain">{site.name}</Text>
          <View className="place-tags">
            <Text className="place-kind">{SITE_KIND_LABELS[site.kind]}</Text>
            {site.isDemo && <DemoTag />}
          </View>
          <Text className="place-address">{site.address}</Text>
        </View>
      ))}
    </View>
  );
}
