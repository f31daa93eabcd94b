import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { ErrorCode, RoleKind, type Actor, type CoverView, type SetCoverRequest } from '@wfh/shared';
import { requireActor } from '../../common/auth/access';
import { badRequest, forbidden } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { UserEntity } from '../users/user.entity';
import { ChairAbsenceEntity } from './chair-absence.entity';
import { RoleAssignmentEntity } from './role-assignment.entity';

const MAX_AWAY_DAYS = 366;

/** A chair going away names a deputy; meanwhile requests route to the deputy and her inbox shows it. */
@Injectable()
export class CoverService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async holds(userId: string, federationId: string, role: RoleKind): Promise<boolean> {
    return this.dataSource.getRepository(RoleAssignmentEntity).existsBy({ userId, federationId, role, revokedAt: IsNull() });
  }

  /** Her own absence at a body where she is chair: replaces any she set before. */
  async set(actor: Actor | null, federationId: string, input: SetCoverRequest): Promise<CoverView[]> {
    const { userId } = requireActor(actor);
    if (!(await this.holds(userId, federationId, RoleKind.Chair))) throw forbidden();
    const from = new Date(input.awayFrom);
    const until = new Date(input.awayUntil);
    if (!(until.getTime() > from.getTime()) || until.getTime() - from.getTime() > MAX_AWAY_DAYS * 86_400_000) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'awayUntil', message: '回来的日期要在离开之后，且不超过一年' }]);
    }
    if (input.deputyUserId && !(await this.holds(input.deputyUserId, federationId, RoleKind.Deputy))) {
      throw badRequest(ErrorCode.DeputyNotFound, [{ field: 'deputyUserId', message: '请选择本村（社区）的副主席' }]);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ChairAbsenceEntity).delete({ federationId, chairUserId: userId });
      await manager.getRepository(ChairAbsenceEntity).insert({
        id: randomUUID(),
        federationId,
        chairUserId: userId,
        deputyUserId: input.deputyUserId,
        awayFrom: from,
        awayUntil: until,
      });
    });
    return this.list(actor, federationId);
  }

  async end(actor: Actor | null, federationId: string): Promise<CoverView[]> {
    const { userId } = requireActor(actor);
    if (!(await this.holds(userId, federationId, RoleKind.Chair))) throw forbidden();
    await this.dataSource.getRepository(ChairAbsenceEntity).delete({ federationId, chairUserId: userId });
    return this.list(actor, federationId);
  }

  /** Current and coming absences at a body, for anyone holding a role there. */
  async list(actor: Actor | null, federationId: string): Promise<CoverView[]> {
    const { grants } = requireActor(actor);
    if (!grants.some((g) => g.federationId === federationId)) throw forbidden();
    const now = this.clock.now();
    const absences = await this.dataSource
      .getRepository(ChairAbsenceEntity)
      .find({ where: { federationId, awayUntil: MoreThan(now) }, order: { awayFrom: 'ASC' } });
    const ids = [...new Set(absences.flatMap((a) => [a.chairUserId, ...(a.deputyUserId ? [a.deputyUserId] : [])]))];
    const people = ids.length ? await this.dataSource.getRepository(UserEntity).findBy(ids.map((id) => ({ id }))) : [];
    const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.displayName ?? null) : null);
    return absences.map((a) => ({
      chairUserId: a.chairUserId,
      chairName: name(a.chairUserId),
      deputyUserId: a.deputyUserId,
      deputyName: name(a.deputyUserId),
      awayFrom: a.awayFrom.toISOString(),
      awayUntil: a.awayUntil.toISOString(),
      current: a.awayFrom.getTime() <= now.getTime(),
    }));
  }
}
