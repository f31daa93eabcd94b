import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';
import { HomeBodyCard } from '../../components/HomeBodyCard';
import { NearbySection } from '../../components/NearbySection';
import { SignedIn } from '../../components/SignedIn';
import { Routes } from '../../utils/routes';

export default function HomePage() {
  return (
    <CarePage title="网上妇女之家">
      <SignedIn>
        {(me) => (
          <View>
            <Text className="greeting">您好，{me.user.displayName}</Text>
            <Button
              className="btn btn-primary ask-for-help"
              hoverClass="btn-pressed"
              onClick={() => void Taro.navigateTo({ url: Routes.askForHelp() })}
            >
              我要求助
            </Button>
            <HomeBodyCard home={me.home} />
            <NearbySection hasHome={me.home !== null} />
          </View>
        )}
      </SignedIn>
    </CarePage>
  );
}
