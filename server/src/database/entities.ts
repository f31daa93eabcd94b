import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { FederationEntity } from '../modules/federations/federation.entity';
import { RegionEntity } from '../modules/regions/region.entity';
import { RoleAssignmentEntity } from '../modules/roles/role-assignment.entity';
import { SiteEntity } from '../modules/sites/site.entity';
import { UserEntity } from '../modules/users/user.entity';

export const ENTITIES = [
  RegionEntity,
  FederationEntity,
  UserEntity,
  RefreshTokenEntity,
  RoleAssignmentEntity,
  SiteEntity,
];
