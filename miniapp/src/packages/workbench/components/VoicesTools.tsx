import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { can, Permission, type Actor, type RoleGrantView } from '@wfh/shared';
import { isVillageCode } from '../../../utils/places';
import { VoicesRoutes } from '../../../utils/voices-routes';

/** `can()` decides from the grants alone. */
const holding = (roles: readonly RoleGrantView[]): Actor => ({ userId: '', grants: roles });

/** Whether she answers requests at the body: an executive member keeps a roster there, no inbox. */
export const answersRequestsAt = (roles: readonly RoleGrantView[], federationId: string) =>
  can(holding(roles), Permission.ViewBodyWork, federationId);

/** 议题审核 for those who moderate a village's concerns; 联系名单 for those who keep or oversee its rosters. */
export function voicesTools(roles: readonly RoleGrantView[], federationId: string) {
  if (!isVillageCode(federationId)) return [];
  const actor = holding(roles);
  const moderates = can(actor, Permission.ModerateConcerns, federationId);
  const rosters = can(actor, Permission.KeepRoster, federationId) || can(actor, Permission.OverseeRosters, federationId);
  return [
    moderates && { className: 'btn-secondary moderate-concerns', label: '议题审核', url: VoicesRoutes.moderate(federationId) },
    rosters && { className: 'btn-secondary open-roster', label: '联系名单', url: VoicesRoutes.roster(federationId) },
  ].filter((tool) => tool !== false);
}

/** A body where she has tools but no inbox (an executive member's village). */
export function ToolsCard({ federationId, federationName, tools }: { federationId: string; federationName: string; tools: ReactNode }) {
  return (
    <View className="card body-card" data-federation={federationId}>
      <Text className="card-title inbox-body">{federationName}</Text>
      {tools}
    </View>
  );
}
