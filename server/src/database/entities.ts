import { SubscriptionGrantEntity } from '../modules/notifications/subscription-grant.entity';
import { SmsPreferenceEntity } from '../modules/notifications/sms-preference.entity';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { FederationEntity } from '../modules/federations/federation.entity';
import { RegionEntity } from '../modules/regions/region.entity';
import { RoleAssignmentEntity } from '../modules/roles/role-assignment.entity';
import { SiteEntity } from '../modules/sites/site.entity';
import { UserEntity } from '../modules/users/user.entity';
import { AuditChainEntity, AuditLogEntity } from '../modules/audit/audit-log.entity';
import { ChairAbsenceEntity } from '../modules/roles/chair-absence.entity';
import { OutboxEntity } from '../modules/notifications/outbox.entity';
import { RequestEventEntity } from '../modules/requests/request-event.entity';
import { RoutingRuleEntity } from '../modules/requests/routing-rule.entity';
import { ServiceCategoryEntity } from '../modules/requests/service-category.entity';
import { CategorySettingEntity } from '../modules/requests/category-setting.entity';
import { ServiceRequestEntity } from '../modules/requests/service-request.entity';
import { ActivityEntity } from '../modules/activities/activity.entity';
import { SignupEntity } from '../modules/activities/signup.entity';
import { SignupTicketEntity } from '../modules/activities/signup-ticket.entity';
import { ConcernCosignEntity, ConcernEntity, ConcernUpdateEntity, CouncilAgendaItemEntity, CouncilMinutesEntity } from '../modules/voices/concern.entity';
import { RosterContactEntity, RosterEntryEntity, RosterInvitationEntity } from '../modules/voices/roster.entity';
import { FeedbackEntity } from '../modules/admin/feedback.entity';
import { RoleInvitationEntity } from '../modules/admin/role-invitation.entity';
import { HolidayEntryEntity } from '../modules/calendar/holiday-entry.entity';
import { ImportRunEntity } from '../modules/onboarding/import-run.entity';
import { ListedPersonEntity } from '../modules/onboarding/listed-person.entity';
import { ConsoleSignInEntity } from '../modules/console-sign-in/console-sign-in.entity';
import { NoticeEntity, NoticeReadEntity } from '../modules/notices/notice.entity';
import { StatsOwnDayEntity, StatsRollupStateEntity, StatsTreeDayEntity } from '../modules/stats/stats-rollup.entity';

export const ENTITIES = [
  RegionEntity,
  FederationEntity,
  UserEntity,
  RefreshTokenEntity,
  RoleAssignmentEntity,
  SiteEntity,
  ServiceCategoryEntity,
  RoutingRuleEntity,
  ServiceRequestEntity,
  RequestEventEntity,
  OutboxEntity,
  AuditLogEntity,
  AuditChainEntity,
  ChairAbsenceEntity,
  CategorySettingEntity,
  ActivityEntity,
  SignupEntity,
  SignupTicketEntity,
  ConcernEntity,
  ConcernCosignEntity,
  ConcernUpdateEntity,
  CouncilAgendaItemEntity,
  CouncilMinutesEntity,
  RosterEntryEntity,
  RosterContactEntity,
  RosterInvitationEntity,
  RoleInvitationEntity,
  FeedbackEntity,
  HolidayEntryEntity,
  ListedPersonEntity,
  ImportRunEntity,
  ConsoleSignInEntity,
  SubscriptionGrantEntity,
  SmsPreferenceEntity,
  NoticeEntity,
  NoticeReadEntity,
  StatsOwnDayEntity,
  StatsTreeDayEntity,
  StatsRollupStateEntity,
];
