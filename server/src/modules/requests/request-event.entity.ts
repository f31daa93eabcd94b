import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RequestAction, RequestActorKind, RequestState } from '@wfh/shared';

/** One step of a request's life, written in the same transaction as the change of state. */
@Entity('request_event')
@Index('uq_request_event_seq', ['requestId', 'seq'], { unique: true })
// What a body referred out: its refer events (「我转出的」).
@Index('idx_request_event_actor_action', ['actorFederationId', 'action'])
export class RequestEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId: string;

  /** 1, 2, 3 … within the request: the timeline's order, even for steps in the same microsecond. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'datetime', precision: 6 })
  at: Date;

  @Column({ type: 'varchar', length: 20 })
  action: RequestAction | 'submit';

  @Column({ name: 'actor_kind', type: 'varchar', length: 10 })
  actorKind: RequestActorKind;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 36, nullable: true })
  actorUserId: string | null;

  /** The body that acted (for the woman's own steps: none). */
  @Column({ name: 'actor_federation_id', type: 'varchar', length: 12, nullable: true })
  actorFederationId: string | null;

  /** The body holding the request after this step (a referral's or escalation's receiver). */
  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ name: 'from_state', type: 'varchar', length: 16, nullable: true })
  fromState: RequestState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 16 })
  toState: RequestState;

  /** What she is told (a reply, the resolution, words to her on a referral); it may repeat what she wrote: encrypted like it. */
  @Column({ name: 'note_enc', type: 'text', nullable: true })
  noteEnc: string | null;

  /** For colleagues only: why a referral was made or returned. Never in her views. */
  @Column({ name: 'staff_note_enc', type: 'text', nullable: true })
  staffNoteEnc: string | null;
}
