import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';
import { HomeBodyCard } from '../../components/HomeBodyCard';
import { NearbySection } from '../../components/NearbySection';
import { SignInPanel } from '../../components/SignInPanel';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useMe } from '../../hooks/useMe';
import { Routes } from '../../utils/routes';

export default function HomePage() {
  const { state, reload } = useMe();

  return (
    <CarePage title="网上妇女之家">
      {state.status === 'loading' && <Loading />}
      {state.status === 'signed-out' && <SignInPanel />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View>
          <Text className="greeting">您好，{state.me.user.displayName}</Text>
          <Button
            className="btn btn-primary ask-for-help"
            hoverClass="btn-pressed"
            onClick={() => void Taro.navigateTo({ url: Routes.askForHelp() })}
          >
            我要求助
          </Button>
          <HomeBodyCard home={state.me.home} />
          <NearbySection hasHome={state.me.home !== null} />
        </View>
      )}
    </CarePage>
  );
}
