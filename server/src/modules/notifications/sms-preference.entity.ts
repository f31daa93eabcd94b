import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * 不要短信: a person who does not want text messages. She says so herself (PUT /me/sms), or the chair
 * who recorded a request for her records it (she has no WeChat to say it with). No row: texts allowed
 * when WeChat cannot reach her. A reply of TD to a text unsubscribes her at Tencent itself, which then
 * refuses the number (FailedOperation.PhoneNumberInBlacklist): that failure shows the admin why.
 */
@Entity('sms_preference')
export class SmsPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  /** Who recorded it: herself, or the chair for a woman she recorded. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
