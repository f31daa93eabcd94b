import { randomBytes, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Permission,
  ROSTER_LIMITS,
  can,
  maskPhone,
  shanghaiDate,
  type Actor,
  type CareTag,
  type ContactLogInput,
  type RosterEntryDetail,
  type RosterEntryInput,
  type RosterEntryUpdate,
  type RosterEntryView,
  type RosterInvitationView,
} from '@wfh/shared';
import { requireActor, requirePermission } from '../../common/auth/access';
import { AppException, badRequest, conflict, notFound } from '../../common/errors/app-exception';
import { isDuplicateKey } from '../../database/duplicate-key';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { FieldCipher, sha256Hex } from '../../infra/crypto/field-cipher';
import { FederationsRepository } from '../federations/federations.repository';
import { UsersRepository } from '../users/users.repository';
import { RosterContactEntity, RosterEntryEntity } from './roster.entity';
import { RosterRepository } from './roster.repository';

const DAY_MS = 24 * 3600_000;
const INVITATION_DAYS = 14;
/** No look-alikes (0/O, 1/I/L): she may read it out over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';


/** 09:00 Shanghai, `weeks` after a local date: reminders reach members in the morning. */
export function careDueAfter(date: string, weeks: number): Date {
  return new Date(Date.parse(`${date}T09:00:00+08:00`) + weeks * 7 * DAY_MS);
}

/**
 * Contact rosters of executive members. A member sees her own entries; the chair and the county's
 * admins see all of the body's (care tags included); nobody else, township staff neither.
 */
@Injectable()
export class RosterService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rosters: RosterRepository,
    private readonly users: UsersRepository,
    private readonly federations: FederationsRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async list(actor: Actor | null, federationId: string): Promise<RosterEntryView[]> {
    const who = requireActor(actor);
    if (!(await this.federations.findById(federationId))) throw notFound(ErrorCode.FederationNotFound);
    if (can(who, Permission.OverseeRosters, federationId)) return this.views(who, await this.rosters.ofBody(federationId));
    requirePermission(who, Permission.KeepRoster, federationId);
    return this.views(who, await this.rosters.ofMember(federationId, who.userId));
  }

  async add(actor: Actor | null, federationId: string, input: RosterEntryInput): Promise<RosterEntryView> {
    const { userId } = requirePermission(actor, Permission.KeepRoster, federationId);
    if (input.consentRecorded !== true) {
      throw badRequest(ErrorCode.ConsentRequired, [{ field: 'consentRecorded', message: '请先征得她本人同意，再把她加入联系名单' }]);
    }
    const now = this.clock.now();
    const entry = this.newEntry({
      federationId,
      memberUserId: userId,
      womanUserId: null,
      personKey: `phone:${sha256Hex(input.phone.replace(/\D/g, '')).slice(0, 40)}`,
      name: input.name.trim(),
      phone: input.phone.trim(),
      tags: input.tags ?? [],
      careEveryWeeks: input.careEveryWeeks ?? ROSTER_LIMITS.defaultCareWeeks,
      joinedBy: 'recorded',
      now,
    });
    await this.insert(entry);
    return (await this.views(actor!, [entry]))[0]!;
  }

  async detail(actor: Actor | null, id: string): Promise<RosterEntryDetail> {
    const entry = await this.visible(actor, id);
    const [view] = await this.views(actor!, [entry]);
    const contacts = await this.rosters.contactsOf(entry.id);
    return {
      ...view!,
      contacts: contacts.map((c) => ({
        id: c.id,
        date: c.date,
        method: c.method,
        note: c.noteEnc ? this.cipher.decrypt(c.noteEnc) : null,
        requestFiled: c.requestFiled,
      })),
    };
  }

  async update(actor: Actor | null, id: string, input: RosterEntryUpdate): Promise<RosterEntryView> {
    const entry = await this.own(actor, id);
    const tags = input.tags ?? this.tagsOf(entry);
    const careEveryWeeks = input.careEveryWeeks ?? entry.careEveryWeeks;
    const changes = {
      tagsEnc: this.cipher.encrypt(JSON.stringify(tags)),
      needsCare: tags.length > 0,
      careEveryWeeks,
      careDueAt: tags.length > 0 ? careDueAfter(entry.lastContactDate ?? shanghaiDate(entry.consentAt), careEveryWeeks) : null,
    };
    await this.rosters.transaction((manager) => this.rosters.updateEntry(manager, entry.id, changes));
    return (await this.views(actor!, [Object.assign(entry, changes)]))[0]!;
  }

  async remove(actor: Actor | null, id: string): Promise<void> {
    const entry = await this.own(actor, id);
    await this.rosters.transaction((manager) => this.rosters.deleteEntry(manager, entry.id));
  }

  async logContact(actor: Actor | null, id: string, input: ContactLogInput): Promise<RosterEntryDetail> {
    const entry = await this.own(actor, id);
    const today = shanghaiDate(this.clock.now());
    if (input.date > today) throw badRequest(ErrorCode.ValidationFailed, [{ field: 'date', message: '联系日期不能晚于今天' }]);
    await this.rosters.transaction(async (manager) => {
      await this.rosters.insertContact(
        manager,
        Object.assign(new RosterContactEntity(), {
          id: randomUUID(),
          entryId: entry.id,
          date: input.date,
          method: input.method,
          noteEnc: input.note?.trim() ? this.cipher.encrypt(input.note.trim()) : null,
          requestFiled: input.requestFiled === true,
          createdAt: this.clock.now(),
        }),
      );
      const last = entry.lastContactDate && entry.lastContactDate > input.date ? entry.lastContactDate : input.date;
      await this.rosters.updateEntry(manager, entry.id, {
        lastContactDate: last,
        careDueAt: entry.needsCare ? careDueAfter(last, entry.careEveryWeeks) : null,
      });
    });
    return this.detail(actor, id);
  }

  // ---- invitations ----

  async invite(actor: Actor | null, federationId: string): Promise<RosterInvitationView> {
    const { userId } = requirePermission(actor, Permission.KeepRoster, federationId);
    const code = Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    const expiresAt = new Date(this.clock.now().getTime() + INVITATION_DAYS * DAY_MS);
    await this.rosters.transaction((manager) =>
      this.rosters.insertInvitation(manager, { codeHash: sha256Hex(code), federationId, memberUserId: userId, expiresAt, usedAt: null }),
    );
    return this.invitationView(code);
  }

  async invitation(code: string): Promise<RosterInvitationView> {
    return this.invitationView(code);
  }

  /** She accepts: that is her consent, recorded with the time; the member can then keep in touch. */
  async accept(actor: Actor | null, code: string): Promise<void> {
    const { userId } = requireActor(actor);
    const now = this.clock.now();
    const user = await this.users.findById(userId);
    await this.rosters.transaction(async (manager) => {
      const invitation = await this.rosters.lockInvitation(manager, sha256Hex(code.trim().toUpperCase()));
      if (!invitation || invitation.usedAt || invitation.expiresAt <= now) {
        throw new AppException(HttpStatus.NOT_FOUND, ErrorCode.RosterInvitationInvalid);
      }
      const entry = this.newEntry({
        federationId: invitation.federationId,
        memberUserId: invitation.memberUserId,
        womanUserId: userId,
        personKey: `user:${userId}`,
        // A snapshot only: the views show her account's name as it is now (she may set one later).
        name: user?.displayName ?? '',
        phone: null,
        tags: [],
        careEveryWeeks: ROSTER_LIMITS.defaultCareWeeks,
        joinedBy: 'invitation',
        now,
      });
      try {
        await this.rosters.insertEntry(manager, entry);
      } catch (error) {
        if (isDuplicateKey(error)) throw conflict(ErrorCode.AlreadyOnRoster);
        throw error;
      }
      await this.rosters.markInvitationUsed(manager, invitation.codeHash, now);
    });
  }

  // ---- steps ----

  private newEntry(spec: {
    federationId: string;
    memberUserId: string;
    womanUserId: string | null;
    personKey: string;
    name: string;
    phone: string | null;
    tags: CareTag[];
    careEveryWeeks: number;
    joinedBy: 'invitation' | 'recorded';
    now: Date;
  }): RosterEntryEntity {
    const needsCare = spec.tags.length > 0;
    return Object.assign(new RosterEntryEntity(), {
      id: randomUUID(),
      federationId: spec.federationId,
      memberUserId: spec.memberUserId,
      womanUserId: spec.womanUserId,
      personKey: spec.personKey,
      nameEnc: this.cipher.encrypt(spec.name),
      phoneEnc: spec.phone ? this.cipher.encrypt(spec.phone) : null,
      tagsEnc: this.cipher.encrypt(JSON.stringify(spec.tags)),
      needsCare,
      careEveryWeeks: spec.careEveryWeeks,
      joinedBy: spec.joinedBy,
      consentAt: spec.now,
      lastContactDate: null,
      careDueAt: needsCare ? careDueAfter(shanghaiDate(spec.now), spec.careEveryWeeks) : null,
      createdAt: spec.now,
    });
  }

  private async insert(entry: RosterEntryEntity): Promise<void> {
    try {
      await this.rosters.transaction((manager) => this.rosters.insertEntry(manager, entry));
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(ErrorCode.AlreadyOnRoster);
      throw error;
    }
  }

  private async visible(actor: Actor | null, id: string): Promise<RosterEntryEntity> {
    const who = requireActor(actor);
    const entry = await this.rosters.findEntry(id);
    if (!entry || (entry.memberUserId !== who.userId && !can(who, Permission.OverseeRosters, entry.federationId))) {
      throw notFound(ErrorCode.RosterEntryNotFound);
    }
    return entry;
  }

  /** Changes to an entry are its member's alone. */
  private async own(actor: Actor | null, id: string): Promise<RosterEntryEntity> {
    const who = requireActor(actor);
    const entry = await this.rosters.findEntry(id);
    if (!entry || entry.memberUserId !== who.userId) throw notFound(ErrorCode.RosterEntryNotFound);
    return entry;
  }

  private tagsOf(entry: RosterEntryEntity): CareTag[] {
    return JSON.parse(this.cipher.decrypt(entry.tagsEnc)) as CareTag[];
  }

  private async views(actor: Actor, entries: RosterEntryEntity[]): Promise<RosterEntryView[]> {
    // Members by their account's name; a woman who joined by invitation by hers as it is now.
    const names = await this.users.namesOf(entries.flatMap((e) => [e.memberUserId, ...(e.joinedBy === 'invitation' && e.womanUserId ? [e.womanUserId] : [])]));
    const now = this.clock.now();
    return entries.map((e) => {
      const phone = e.phoneEnc ? this.cipher.decrypt(e.phoneEnc) : '';
      return {
        id: e.id,
        federationId: e.federationId,
        memberUserId: e.memberUserId,
        memberName: names.get(e.memberUserId) ?? null,
        name: e.joinedBy === 'invitation' && e.womanUserId ? (names.get(e.womanUserId) ?? null) : this.cipher.decrypt(e.nameEnc),
        phone: e.memberUserId === actor.userId ? phone : phone && maskPhone(phone),
        tags: this.tagsOf(e),
        joinedBy: e.joinedBy,
        careEveryWeeks: e.careEveryWeeks,
        lastContactDate: e.lastContactDate,
        careDue: e.careDueAt !== null && e.careDueAt <= now,
      };
    });
  }

  private async invitationView(code: string): Promise<RosterInvitationView> {
    const invitation = await this.rosters.findInvitation(sha256Hex(code.trim().toUpperCase()));
    if (!invitation || invitation.usedAt || invitation.expiresAt <= this.clock.now()) {
      throw new AppException(HttpStatus.NOT_FOUND, ErrorCode.RosterInvitationInvalid);
    }
    const [member, body] = await Promise.all([this.users.findById(invitation.memberUserId), this.federations.findById(invitation.federationId)]);
    return { code: code.trim().toUpperCase(), expiresAt: invitation.expiresAt.toISOString(), memberName: member?.displayName ?? null, federationName: body?.name ?? '' };
  }
}
