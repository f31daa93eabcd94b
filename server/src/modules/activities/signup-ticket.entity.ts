import { Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Tickets for the waiting lists: an auto-increment number per place taken, so that a woman joining
 * any waiting list gets a number later than everyone before her without taking a lock on a shared
 * row (an activity's counter would make every one of a burst wait for the one before). The number
 * becomes her sign-up's seq while she waits. Rows carry nothing else and old ones are pruned; the
 * newest is always kept, so the counter never restarts low.
 */
@Entity('signup_ticket')
export class SignupTicketEntity {
  @PrimaryGeneratedColumn()
  no: number;
}
