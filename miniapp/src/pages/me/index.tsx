import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { signOut } from '../../api';
import { CarePage } from '../../components/CarePage';
import { RoleList } from '../../components/RoleList';
import { SignedIn } from '../../components/SignedIn';
import { Routes } from '../../utils/routes';

export default function MePage() {
  return (
    <CarePage title="我的">
      <SignedIn>
        {(me) => (
          <View>
            <View className="card">
              <Text className="me-name">{me.user.displayName}</Text>
              {me.user.isDemo && <Text className="hint">体验账号</Text>}
            </View>
            <View className="card">
              <Text className="card-title">我的求助</Text>
              <Text className="hint">看看您提过的求助办到哪一步了。</Text>
              <Button
                className="btn btn-secondary my-requests"
                hoverClass="btn-pressed"
                onClick={() => void Taro.navigateTo({ url: Routes.myRequests })}
              >
                查看我的求助
              </Button>
            </View>
            <View className="card">
              <Text className="card-title">我的职务</Text>
              <RoleList roles={me.roles} />
              {me.roles.length > 0 && (
                <Button
                  className="btn btn-secondary"
                  hoverClass="btn-pressed"
                  onClick={() => void Taro.navigateTo({ url: Routes.workbench })}
                >
                  进入我的工作台
                </Button>
              )}
            </View>
            <Button className="btn btn-secondary sign-out" hoverClass="btn-pressed" onClick={signOut}>
              退出登录
            </Button>
          </View>
        )}
      </SignedIn>
    </CarePage>
  );
}
