import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorUserId: string | null;
  action:
    | 'request.read_sensitive'
    | 'request.act_sensitive'
    | 'catalogue.update'
    | 'activity.export_phones'
    | 'body.set_active'
    | 'body.set_registered_women'
    | 'role.invite'
    | 'role.grant'
    | 'role.revoke'
    | 'routing_rule.create'
    | 'routing_rule.delete'
    | 'feedback.reply';
  subjectType: 'service_request' | 'category_setting' | 'activity' | 'federation' | 'role_assignment' | 'role_invitation' | 'routing_rule' | 'feedback';
  subjectId: string;
  federationId: string | null;
}

/** Appends to the audit log, in the caller's transaction where there is one. */
export async function audit(manager: EntityManager, at: Date, entry: AuditEntry): Promise<void> {
  await manager.getRepository(AuditLogEntity).insert({ id: randomUUID(), at, ...entry });
}
