import { Injectable } from '@nestjs/common';
import type { SignupView } from '@wfh/shared';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { ActivitiesRepository } from './activities.repository';
import { toSignupView, type Attendee } from './activity-view';
import { CheckInCodes } from './check-in-codes';
import type { SignupEntity } from './signup.entity';

/** Turns sign-up rows into what their holder sees: who, waiting-list place, check-in codes. */
@Injectable()
export class SignupViews {
  constructor(
    private readonly activities: ActivitiesRepository,
    private readonly cipher: FieldCipher,
    private readonly codes: CheckInCodes,
  ) {}

  attendeeOf(signup: SignupEntity): Attendee | null {
    return signup.attendeeEnc ? (JSON.parse(this.cipher.decrypt(signup.attendeeEnc)) as Attendee) : null;
  }

  encryptAttendee(attendee: Attendee): string {
    return this.cipher.encrypt(JSON.stringify(attendee));
  }

  /**
   * forOwner for a sign-up just written, from what the transaction holds (issue #18): the attendee
   * as given rather than decrypted back, and her place on the waiting list when the caller read it.
   */
  forOwnerFromWrite(signup: SignupEntity, attendee: Attendee | null, waitlistPosition: number | null): SignupView {
    return toSignupView(signup, attendee, waitlistPosition, { token: this.codes.tokenFor(signup.id), shortCode: signup.shortCode });
  }

  /** For the woman who holds these seats: the only caller that gets the check-in codes. */
  async forOwner(signups: SignupEntity[]): Promise<SignupView[]> {
    const waitingSeqs = new Map<string, number[]>();
    for (const s of signups.filter((s) => s.state === 'waitlisted')) waitingSeqs.set(s.activityId, [...(waitingSeqs.get(s.activityId) ?? []), s.seq]);
    const positions = new Map<string, Map<number, number>>();
    for (const [activityId, seqs] of waitingSeqs) positions.set(activityId, await this.activities.waitlistPositions(activityId, seqs));
    return signups.map((s) =>
      toSignupView(s, this.attendeeOf(s), positions.get(s.activityId)?.get(s.seq) ?? null, {
        token: this.codes.tokenFor(s.id),
        shortCode: s.shortCode,
      }),
    );
  }
}
