import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';
import { HomeBodyCard } from '../../components/HomeBodyCard';
import { InboxShortcut } from '../../components/InboxShortcut';
import { NearbySection } from '../../components/NearbySection';
import { NoticesSection } from '../../components/NoticesSection';
import { SignedIn } from '../../components/SignedIn';
import { Routes } from '../../utils/routes';
import { VoicesRoutes } from '../../utils/voices-routes';

export default function HomePage() {
  return (
    <CarePage title="网上妇女之家">
      <SignedIn>
        {(me) => (
          <View>
            {/* Without a name she is greeted without one: 「您好，我」 would not read. */}
            <Text className="greeting">{me.user.displayName ? `您好，${me.user.displayName}` : '您好'}</Text>
            <InboxShortcut roles={me.roles} />
            <Button
              className="btn btn-primary ask-for-help"
              hoverClass="btn-pressed"
              onClick={() => void Taro.navigateTo({ url: Routes.askForHelp() })}
            >
              我要求助
            </Button>
            <HomeBodyCard home={me.home} />
            {me.home !== null && <NoticesSection />}
            <Button
              className="btn btn-secondary open-voices"
              hoverClass="btn-pressed"
              onClick={() => void Taro.navigateTo({ url: VoicesRoutes.board })}
            >
              村（社区）议事
            </Button>
            <NearbySection hasHome={me.home !== null} />
          </View>
        )}
      </SignedIn>
    </CarePage>
  );
}
