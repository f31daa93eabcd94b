import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { can, Permission, RoleKind, SubscriptionKind, type RoleGrantView } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { RemindersCard } from '../../components/RemindersCard';
import { RoleList } from '../../components/RoleList';
import { SignedIn } from '../../components/SignedIn';
import { NoticesRoutes } from '../../utils/notices-routes';
import { isVillageCode } from '../../utils/places';
import { Routes } from '../../utils/routes';
import { InboxList } from './components/InboxList';
import { answersRequestsAt, ToolsCard, voicesTools } from './components/VoicesTools';
import '../../styles/requests.css';

/** One inbox per body, even when she holds two roles at it. */
function bodiesOf(roles: readonly RoleGrantView[]): RoleGrantView[] {
  const seen = new Set<string>();
  return roles.filter((grant) => {
    if (seen.has(grant.federationId)) return false;
    seen.add(grant.federationId);
    return true;
  });
}

/**
 * 代为登记 for a chair or deputy of a village body; 外出请假 for its chair; 活动管理 for them and for
 * township staff, who run the township's own activities; 通知公告 for whoever may publish there.
 */
function BodyTools({ roles, federationId }: { roles: readonly RoleGrantView[]; federationId: string }) {
  const held = roles.filter((grant) => grant.federationId === federationId).map((grant) => grant.role);
  const village = isVillageCode(federationId);
  const records = village && (held.includes(RoleKind.Chair) || held.includes(RoleKind.Deputy));
  const isChair = village && held.includes(RoleKind.Chair);
  const runsActivities = records || held.includes(RoleKind.Staff);
  // 「我的阵地」 for whoever may change the body's public profile (its sites need more: the page says so).
  const keepsPlaces = can({ userId: '', grants: roles }, Permission.EditBodyProfile, federationId);
  // 「通知公告」 at every level alike: whoever may publish at this body, by the server's own rule.
  const publishesNotices = can({ userId: '', grants: roles }, Permission.PublishNotices, federationId);
  const tools = [
    records && { className: 'btn-primary record-on-behalf', label: '代为登记求助', url: Routes.recordOnBehalf(federationId) },
    isChair && { className: 'btn-secondary cover-settings', label: '外出请假', url: Routes.coverSettings(federationId) },
    runsActivities && { className: 'btn-secondary manage-activities', label: '活动管理', url: Routes.manageActivities(federationId) },
    keepsPlaces && { className: 'btn-secondary my-places', label: '我的阵地', url: Routes.myPlaces(federationId) },
    publishesNotices && { className: 'btn-secondary manage-notices', label: '通知公告', url: NoticesRoutes.manage(federationId) },
    ...voicesTools(roles, federationId),
  ].filter((tool) => tool !== false);
  if (tools.length === 0) return null;
  return (
    <View className="body-tools">
      {tools.map((tool) => (
        <Button
          key={tool.label}
          className={`btn ${tool.className}`}
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: tool.url })}
        >
          {tool.label}
        </Button>
      ))}
    </View>
  );
}

/** Her inboxes first, each with its tools below it; her roles and the overviews after them. */
export default function WorkbenchPage() {
  return (
    <CarePage title="我的工作台">
      <SignedIn>
        {(me) => (
          <View>
            <View className="workbench-inboxes">
              {bodiesOf(me.roles).map((grant) =>
                answersRequestsAt(me.roles, grant.federationId) ? (
                  <InboxList
                    key={grant.federationId}
                    federationId={grant.federationId}
                    federationName={grant.federationName}
                    answersHere
                    tools={<BodyTools roles={me.roles} federationId={grant.federationId} />}
                  />
                ) : (
                  <ToolsCard
                    key={grant.federationId}
                    federationId={grant.federationId}
                    federationName={grant.federationName}
                    tools={<BodyTools roles={me.roles} federationId={grant.federationId} />}
                  />
                ),
              )}
            </View>
            {me.roles.some((grant) => answersRequestsAt(me.roles, grant.federationId)) && (
              <RemindersCard
                kinds={[SubscriptionKind.NewRequest, SubscriptionKind.Escalation]}
                ask="有新求助时通知我"
                intro="有新的求助，或者求助超时转到您这里时，用微信告诉您。"
              />
            )}
            <View className="card">
              <Text className="card-title">我的职务</Text>
              <RoleList roles={me.roles} />
              {me.roles.some((grant) => grant.role !== RoleKind.Executive) && (
                <Button className="btn btn-secondary open-dashboard" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.dashboard() })}>
                  工作看板
                </Button>
              )}
              {me.roles.some((grant) => grant.role === RoleKind.Admin) && (
                <Button className="btn btn-secondary open-county-admin" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.countyAdmin })}>
                  县妇联管理
                </Button>
              )}
            </View>
          </View>
        )}
      </SignedIn>
    </CarePage>
  );
}
