import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { mayUseConsole, personLabel } from '@wfh/shared';
import { signOut, signOutEverywhere } from '../../api';
import { CarePage } from '../../components/CarePage';
import { ConsoleSessionsCard } from '../../components/ConsoleSessionsCard';
import { InboxShortcut } from '../../components/InboxShortcut';
import { NameCard } from '../../components/NameCard';
import { PhoneRolesCard } from '../../components/PhoneRolesCard';
import { RoleList } from '../../components/RoleList';
import { SignedIn } from '../../components/SignedIn';
import { SmsCard } from '../../components/SmsCard';
import { sharesWechatPhoneNumber } from '../../utils/platform';
import { Routes } from '../../utils/routes';

/** A card that leads to one of her own lists; `name` is the button's class. */
function LinkCard({ title, hint, name, url }: { title: string; hint: string; name: string; url: string }) {
  return (
    <View className="card">
      <Text className="card-title">{title}</Text>
      <Text className="hint">{hint}</Text>
      <Button className={`btn btn-secondary ${name}`} hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url })}>
        查看{title}
      </Button>
    </View>
  );
}

/**
 * For a phone she lost, sold or shared: every phone signed in as her has to sign in again. Asked
 * first, because this phone signs out too.
 */
async function confirmSignOutEverywhere(): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '退出所有设备？',
    content: '这台手机和其他登录过您账号的手机都会退出，之后需要重新登录。',
    confirmText: '全部退出',
    cancelText: '不退出',
  });
  // A failure has already been shown to her by the API client; she is still signed in and may try again.
  if (confirm) await signOutEverywhere().catch(() => undefined);
}

export default function MePage() {
  return (
    <CarePage title="我的">
      <SignedIn>
        {(me) => (
          <View>
            <View className="card">
              <Text className="me-name">{personLabel(me.user.displayName, { as: 'self' })}</Text>
              {me.user.isDemo && <Text className="hint">体验账号</Text>}
            </View>
            <InboxShortcut roles={me.roles} />
            <LinkCard title="我的求助" hint="看看您提过的求助办到哪一步了。" name="my-requests" url={Routes.myRequests} />
            <LinkCard title="我的报名" hint="报名的活动，和签到用的二维码。" name="my-signups" url={Routes.mySignups} />
            <LinkCard title="投诉建议" hint="对妇联的工作有意见或建议，可以告诉县妇联。" name="open-feedback" url={Routes.feedback} />
            <View className="card">
              <Text className="card-title">用评价码评价</Text>
              <Text className="hint">妇联替您登记的求助，办好后用妇联告诉您的评价码来评价。</Text>
              <Button className="btn btn-secondary rate-with-code" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.rateWithCode() })}>
                输入评价码
              </Button>
            </View>
            <NameCard user={me.user} />
            {sharesWechatPhoneNumber && me.roles.length === 0 && <PhoneRolesCard />}
            <View className="card">
              <Text className="card-title">我的职务</Text>
              <RoleList roles={me.roles} />
              <Button className="btn btn-secondary enter-role-code" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.joinRole })}>
                输入职务邀请码
              </Button>
            </View>
            {mayUseConsole(me.roles) && <ConsoleSessionsCard />}
            {me.roles.length > 0 && <SmsCard />}
            <View className="card">
              <Text className="card-title">我的资料</Text>
              <Text className="hint">看看平台保存了您的哪些资料，或者注销账号、删除您的资料。</Text>
              <Button className="btn btn-secondary my-data-export" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.myDataExport })}>
                导出我的资料
              </Button>
              <Button className="btn btn-secondary my-data-delete" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.myDataDelete })}>
                注销并删除我的资料
              </Button>
            </View>
            <Button className="btn btn-secondary sign-out" hoverClass="btn-pressed" onClick={signOut}>
              退出登录
            </Button>
            <Button className="btn btn-secondary sign-out-everywhere" hoverClass="btn-pressed" onClick={() => void confirmSignOutEverywhere()}>
              退出所有设备
            </Button>
          </View>
        )}
      </SignedIn>
    </CarePage>
  );
}
