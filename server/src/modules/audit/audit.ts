import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { appendToChain } from './audit-chain';

export interface AuditEntry {
  actorUserId: string | null;
  action:
    | 'request.read_sensitive'
    | 'request.act_sensitive'
    | 'catalogue.update'
    | 'activity.export_phones'
    | 'activity.undo_check_in'
    | 'body.set_active'
    | 'body.set_registered_women'
    | 'role.invite'
    | 'role.grant'
    | 'role.grant_by_phone'
    | 'listed_person.first_admin'
    | 'role.revoke'
    | 'routing_rule.create'
    | 'routing_rule.delete'
    | 'feedback.reply'
    | 'user.export_data'
    | 'user.delete_data'
    | 'console.confirm'
    | 'console.sign_in'
    | 'console.end'
    | 'holiday_calendar.update'
    | 'onboarding.import'
    | 'onboarding.export'
    | 'notice.create'
    | 'notice.edit'
    | 'notice.publish'
    | 'notice.schedule'
    | 'notice.withdraw';
  subjectType: 'service_request' | 'category_setting' | 'activity' | 'activity_signup' | 'federation' | 'role_assignment' | 'role_invitation' | 'routing_rule' | 'feedback' | 'app_user' | 'console_session' | 'holiday_year' | 'listed_person' | 'import_run' | 'notice';
  subjectId: string;
  federationId: string | null;
}

/**
 * Appends to the audit log's hash chain, in the caller's transaction where there is one. The chain
 * head's row lock is held until that transaction ends: appends are one at a time, everywhere.
 */
export async function audit(manager: EntityManager, at: Date, entry: AuditEntry): Promise<void> {
  await appendToChain(manager, { id: randomUUID(), at, ...entry });
}
