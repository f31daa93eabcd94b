import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useMyRequests } from '../../hooks/useRequests';
import { Routes } from '../../utils/routes';
import { QuickExit } from './components/QuickExit';
import { RequestItem } from './components/RequestItem';
import '../../styles/requests.css';

function MyRequestList() {
  const { state, reload } = useMyRequests();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  const newestFirst = [...state.data].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return (
    <View>
      {newestFirst.some((request) => request.sensitive) && <QuickExit />}
      <View className="card">
        {newestFirst.length === 0 ? (
          <Text className="body-text my-requests-none">您还没有提过求助。</Text>
        ) : (
          newestFirst.map((request) => <RequestItem key={request.id} request={request} />)
        )}
      </View>
    </View>
  );
}

/** 我的求助: every request she filed, newest first, with where it stands and when she will hear back. */
export default function MyRequestsPage() {
  return (
    <CarePage title="我的求助">
      <SignedIn>
        {() => (
          <View>
            <MyRequestList />
            <Button
              className="btn btn-primary ask-for-help"
              hoverClass="btn-pressed"
              onClick={() => void Taro.navigateTo({ url: Routes.askForHelp() })}
            >
              我要求助
            </Button>
          </View>
        )}
      </SignedIn>
    </CarePage>
  );
}
