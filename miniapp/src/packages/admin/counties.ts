import { RegionLevel, RoleKind, regionLevelOf, type MeResponse } from '@wfh/shared';
import type { PickedBody } from './components/BodyPicker';

/** The counties where she is an admin (Permission.AdministerCounty): what 县妇联管理 and 导入导出 work on. */
export function countiesOf(me: MeResponse): PickedBody[] {
  return me.roles
    .filter((grant) => grant.role === RoleKind.Admin && regionLevelOf(grant.federationId) === RegionLevel.County)
    .map((grant) => ({ id: grant.federationId, name: grant.federationName }));
}
