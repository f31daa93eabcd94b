import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  /** Random UUID: never guessable, never an openid. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_user_openid', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid: string | null;

  /** WeChat's session_key, encrypted; it never leaves the server. */
  @Column({ name: 'wechat_session_key_enc', type: 'varchar', length: 255, nullable: true })
  wechatSessionKeyEnc: string | null;

  /**
   * The name others see her by: the county's listed name (`nameListed`), else one she set herself,
   * else null. Never a placeholder: views show `personLabel` from shared for a person without one.
   */
  @Column({ name: 'display_name', type: 'varchar', length: 40, nullable: true })
  displayName: string | null;

  /** display_name is the name the county listed her under: she cannot replace it with a nickname. */
  @Column({ name: 'name_listed', type: 'boolean', default: false })
  nameListed: boolean;

  /**
   * The real name of a woman a chair recorded a request for, encrypted; her display_name stays
   * empty, so nothing in plain text names her.
   */
  @Column({ name: 'name_enc', type: 'text', nullable: true })
  nameEnc: string | null;

  /** Her confirmed village or community body. */
  @Column({ name: 'home_federation_id', type: 'varchar', length: 12, nullable: true })
  homeFederationId: string | null;

  /** Seeded demo people, who sign in with the development sign-in only. */
  @Index('uq_user_demo_key', { unique: true })
  @Column({ name: 'demo_key', type: 'varchar', length: 32, nullable: true })
  demoKey: string | null;

  @Column({ name: 'demo_description', type: 'varchar', length: 100, nullable: true })
  demoDescription: string | null;

  /**
   * Carried in each access token she is given (claim `gen`) and compared on every call: raising it
   * ends every session she has at once (refresh-token reuse, sign-out everywhere, deletion).
   */
  @Column({ name: 'token_generation', type: 'int', default: 0 })
  tokenGeneration: number;

  /** She deleted her data: the row stays, holding nothing of her, so statistics still add up. */
  @Column({ name: 'deleted_at', type: 'datetime', precision: 6, nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
