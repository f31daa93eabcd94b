import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CONSOLE_SIGN_IN,
  ErrorCode,
  mayUseConsole,
  type Actor,
  type ConsolePollResult,
  type ConsoleSessionView,
  type ConsoleSignInStart,
  type ConsoleSignInView,
} from '@wfh/shared';
import { requireActor } from '../../common/auth/access';
import { conflict, forbidden, notFound } from '../../common/errors/app-exception';
import { clientKey } from '../../common/rate-limit/rate-limit.policy';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { audit } from '../audit/audit';
import { TokenService } from '../auth/token.service';
import { RolesRepository } from '../roles/roles.repository';
import { UsersRepository } from '../users/users.repository';
import { ConsoleSignInEntity } from './console-sign-in.entity';
import { browserOf, stateOf } from './console-sign-in.policy';
import { ConsoleSignInRepository } from './console-sign-in.repository';

/** Sign-ins are kept this long after they were asked for, then swept as new ones arrive. */
const KEPT_FOR_MS = 24 * 3600_000;

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();
const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

export interface ConsoleClient {
  userAgent: string | undefined;
  ip: string;
}

/**
 * The QR sign-in of a PC, one transaction per step, the row locked in each (console-sign-in.entity.ts):
 * the PC asks → she looks at it on her phone → she confirms (or refuses) → the PC collects her
 * session once. The handshake keeps business time (CLOCK); the session itself is the tokens' and
 * follows the system time, as TokenService and the JWT library do.
 */
@Injectable()
export class ConsoleSignInService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repo: ConsoleSignInRepository,
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
    private readonly roles: RolesRepository,
  ) {}

  async start(client: ConsoleClient): Promise<ConsoleSignInStart> {
    const now = this.clock.now();
    const pollToken = randomBytes(32).toString('base64url');
    const row = Object.assign(new ConsoleSignInEntity(), {
      id: randomBytes(16).toString('base64url'),
      pollTokenHash: digest(pollToken).toString('hex'),
      state: 'pending',
      browser: browserOf(client.userAgent),
      ipAddress: client.ip.slice(0, 45),
      userId: null,
      requestedAt: now,
      expiresAt: later(now, CONSOLE_SIGN_IN.qrSeconds),
      confirmedAt: null,
      signedInAt: null,
    } satisfies ConsoleSignInEntity);
    await this.repo.transaction(async (manager) => {
      await this.repo.removeAskedBefore(manager, new Date(now.getTime() - KEPT_FOR_MS));
      await this.repo.insert(manager, row);
    });
    return { id: row.id, pollToken, expiresAt: row.expiresAt.toISOString(), pollSeconds: CONSOLE_SIGN_IN.pollSeconds };
  }

  /** What she is about to confirm. Once someone has confirmed it, it is hers alone. */
  async view(actor: Actor | null, id: string, phoneIp: string): Promise<ConsoleSignInView> {
    const who = requireActor(actor);
    const row = await this.repo.find(id);
    if (!row || !this.visibleTo(row, who)) throw notFound(ErrorCode.ConsoleSignInNotFound);
    return this.toView(row, who, phoneIp);
  }

  async confirm(actor: Actor | null, id: string, phoneIp: string): Promise<ConsoleSignInView> {
    const who = requireActor(actor);
    const now = this.clock.now();
    return this.repo.transaction(async (manager) => {
      const row = await this.repo.lock(manager, id);
      if (!row || !this.visibleTo(row, who)) throw notFound(ErrorCode.ConsoleSignInNotFound);
      const state = stateOf(row, now);
      // Her second tap (a slow signal) answers like the first.
      if (state === 'confirmed' || state === 'signed-in') return this.toView(row, who, phoneIp);
      if (state === 'refused') throw conflict(ErrorCode.ConsoleSignInClosed);
      if (state === 'expired') throw conflict(ErrorCode.ConsoleSignInExpired);
      if (!mayUseConsole(who.grants)) throw forbidden(ErrorCode.ConsoleNeedsStaffRole);
      Object.assign(row, { state: 'confirmed', userId: who.userId, confirmedAt: now, expiresAt: later(now, CONSOLE_SIGN_IN.handoverSeconds) });
      await this.repo.save(manager, row);
      await audit(manager, now, { actorUserId: who.userId, action: 'console.confirm', subjectType: 'console_session', subjectId: row.id, federationId: null });
      return this.toView(row, who, phoneIp);
    });
  }

  /** 不是我，取消: the PC is told, and nothing is handed over. Too late once the PC has her session. */
  async refuse(actor: Actor | null, id: string): Promise<void> {
    const who = requireActor(actor);
    const now = this.clock.now();
    await this.repo.transaction(async (manager) => {
      const row = await this.repo.lock(manager, id);
      if (!row || !this.visibleTo(row, who)) throw notFound(ErrorCode.ConsoleSignInNotFound);
      const state = stateOf(row, now);
      if (state === 'signed-in') throw conflict(ErrorCode.ConsoleSignInClosed);
      if (state !== 'pending' && state !== 'confirmed') return;
      row.state = 'refused';
      await this.repo.save(manager, row);
    });
  }

  /**
   * The PC asking, with the secret only it was given. Her tokens are issued here, at the handover,
   * never stored: the answer that carries them is the only copy, and the row is spent with it.
   */
  async poll(id: string, pollToken: string): Promise<ConsolePollResult> {
    const now = this.clock.now();
    return this.repo.transaction(async (manager): Promise<ConsolePollResult> => {
      const row = await this.repo.lock(manager, id);
      if (!row || !sameSecret(row.pollTokenHash, pollToken)) throw notFound(ErrorCode.ConsoleSignInNotFound);
      const state = stateOf(row, now);
      // Handed over already: the secret opens nothing any more.
      if (state === 'signed-in') throw notFound(ErrorCode.ConsoleSignInNotFound);
      if (state === 'pending') return { state, expiresAt: row.expiresAt.toISOString() };
      if (state !== 'confirmed') return { state };

      // Lock order of every session change: her app_user row, then refresh tokens (TokenService).
      const user = await this.users.lockById(manager, row.userId!);
      const grants = user && !user.deletedAt ? await this.roles.activeGrantsOf(user.id) : [];
      if (!user || !mayUseConsole(grants)) {
        // Her role was revoked (or her account deleted) in the seconds since she confirmed.
        row.state = 'refused';
        await this.repo.save(manager, row);
        return { state: 'refused' };
      }
      const endsAt = new Date(Date.now() + CONSOLE_SIGN_IN.sessionHours * 3600_000);
      const tokens = await this.tokens.issue(manager, user, { id: row.id, endsAt });
      Object.assign(row, { state: 'signed_in', signedInAt: now });
      await this.repo.save(manager, row);
      await audit(manager, now, { actorUserId: user.id, action: 'console.sign_in', subjectType: 'console_session', subjectId: row.id, federationId: null });
      return { state: 'confirmed', tokens };
    });
  }

  async sessions(actor: Actor | null): Promise<ConsoleSessionView[]> {
    const { userId } = requireActor(actor);
    return this.repo.liveSessionsOf(userId, new Date());
  }

  /** She ends one PC session from her phone; the others, and her phone's own, go on. */
  async end(actor: Actor | null, id: string): Promise<void> {
    const { userId } = requireActor(actor);
    const now = this.clock.now();
    await this.repo.transaction(async (manager) => {
      await this.users.lockById(manager, userId);
      const row = await this.repo.find(id);
      if (!row || row.userId !== userId || row.state !== 'signed_in') throw notFound(ErrorCode.ConsoleSessionNotFound);
      await this.repo.endSession(manager, id);
      await audit(manager, now, { actorUserId: userId, action: 'console.end', subjectType: 'console_session', subjectId: id, federationId: null });
    });
  }

  private visibleTo(row: ConsoleSignInEntity, who: Actor): boolean {
    return row.userId === null || row.userId === who.userId;
  }

  private toView(row: ConsoleSignInEntity, who: Actor, phoneIp: string): ConsoleSignInView {
    const state = stateOf(row, this.clock.now());
    return {
      id: row.id,
      state,
      browser: row.browser,
      ipAddress: row.ipAddress,
      sameNetwork: clientKey(row.ipAddress) === clientKey(phoneIp),
      requestedAt: row.requestedAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      mayConfirm: state === 'pending' && mayUseConsole(who.grants),
    };
  }
}

/** Compares digests in constant time: how long a wrong secret takes says nothing about the right one. */
function sameSecret(storedHex: string, presented: string): boolean {
  const stored = Buffer.from(storedHex, 'hex');
  const given = digest(presented);
  return stored.length === given.length && timingSafeEqual(stored, given);
}
