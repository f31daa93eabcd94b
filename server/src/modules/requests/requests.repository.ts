import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { OPEN_STATES, RequestAction, type ServiceCategoryKey } from '@wfh/shared';
import { forUpdate } from '../../database/locking';
import { insertRows } from '../../database/raw-insert';
import { fromSqlTime } from '../../database/sql-time';
import { CategorySettingEntity } from './category-setting.entity';
import { RequestEventEntity } from './request-event.entity';
import { ServiceCategoryEntity } from './service-category.entity';
import { ServiceRequestEntity } from './service-request.entity';

export type NewEvent = Omit<RequestEventEntity, 'id' | 'seq'>;

@Injectable()
export class RequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The national catalogue is seeded at start-up and no endpoint changes it (counties change their own
   * settings, read fresh below), so each process reads it once.
   */
  private catalogue: Promise<ServiceCategoryEntity[]> | null = null;

  categories(): Promise<ServiceCategoryEntity[]> {
    this.catalogue ??= this.dataSource
      .getRepository(ServiceCategoryEntity)
      .find({ order: { sortOrder: 'ASC', key: 'ASC' } })
      .catch((error) => {
        this.catalogue = null;
        throw error;
      });
    return this.catalogue;
  }

  async category(key: ServiceCategoryKey): Promise<ServiceCategoryEntity | null> {
    return (await this.categories()).find((category) => category.key === key) ?? null;
  }

  /** The category as her county runs it: the county's handling level and deadlines over the catalogue's. */
  async effectiveCategory(key: ServiceCategoryKey, homeFederationId: string): Promise<ServiceCategoryEntity | null> {
    const [category, setting] = await Promise.all([
      this.category(key),
      this.dataSource.getRepository(CategorySettingEntity).findOneBy({ countyId: homeFederationId.slice(0, 6), categoryKey: key }),
    ]);
    if (!category || !setting) return category;
    const { handlingLevel, firstResponseHours, resolutionHours } = setting;
    return Object.assign(new ServiceCategoryEntity(), category, { handlingLevel, firstResponseHours, resolutionHours });
  }

  findById(id: string): Promise<ServiceRequestEntity | null> {
    return this.dataSource.getRepository(ServiceRequestEntity).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<ServiceRequestEntity | null> {
    return manager.getRepository(ServiceRequestEntity).findOne({ where: { id }, ...forUpdate(manager) });
  }

  findByRatingCode(ratingCodeHash: string): Promise<ServiceRequestEntity | null> {
    return this.dataSource.getRepository(ServiceRequestEntity).findOneBy({ ratingCodeHash });
  }

  lockByRatingCode(manager: EntityManager, ratingCodeHash: string): Promise<ServiceRequestEntity | null> {
    return manager.getRepository(ServiceRequestEntity).findOne({ where: { ratingCodeHash }, ...forUpdate(manager) });
  }

  /** Her own request filed under this key. */
  findByIdempotencyKey(womanUserId: string, idempotencyKey: string): Promise<ServiceRequestEntity | null> {
    return this.dataSource.getRepository(ServiceRequestEntity).findOneBy({ womanUserId, idempotencyKey, recordedByUserId: IsNull() });
  }

  /** The request a chair recorded on someone's behalf under this key. */
  findRecordedByIdempotencyKey(recordedByUserId: string, idempotencyKey: string): Promise<ServiceRequestEntity | null> {
    return this.dataSource.getRepository(ServiceRequestEntity).findOneBy({ recordedByUserId, idempotencyKey });
  }

  /**
   * Plain INSERTs of the request and its first event (save() would first read the row to see whether
   * it exists), with no read-back: the entity keeps its typed values. Returns the event as stored,
   * from which the answer is built without reading either row again.
   */
  async insert(manager: EntityManager, request: ServiceRequestEntity, event: NewEvent): Promise<RequestEventEntity> {
    request.version = 1;
    request.lastEventSeq = 1;
    await insertRows(manager, ServiceRequestEntity, [request]);
    return this.insertEvent(manager, request, event);
  }

  /**
   * What a woman's submission needs before its transaction, in one round trip (issue #18): her
   * confirmed home, the request she already filed under this Idempotency-Key, and how her county
   * runs the category (category_setting), each null when there is none. Null when she is no user.
   */
  async submitContext(
    womanUserId: string,
    idempotencyKey: string | null,
    federationId: string,
    categoryKey: ServiceCategoryKey,
  ): Promise<{
    homeFederationId: string | null;
    earlier: { id: string; idempotencyDigest: string | null } | null;
    setting: Pick<CategorySettingEntity, 'handlingLevel' | 'firstResponseHours' | 'resolutionHours'> | null;
  } | null> {
    const rows: Array<{
      home: string | null;
      earlierId: string | null;
      earlierDigest: string | null;
      handlingLevel: CategorySettingEntity['handlingLevel'] | null;
      firstResponseHours: number | string | null;
      resolutionHours: number | string | null;
    }> = await this.dataSource.query(
      `SELECT u.home_federation_id AS home, r.id AS earlierId, r.idempotency_digest AS earlierDigest,
              s.handling_level AS handlingLevel, s.first_response_hours AS firstResponseHours, s.resolution_hours AS resolutionHours
         FROM app_user u
         LEFT JOIN service_request r ON r.woman_user_id = u.id AND r.idempotency_key = ? AND r.recorded_by_user_id IS NULL
         LEFT JOIN category_setting s ON s.county_id = ? AND s.category_key = ?
        WHERE u.id = ?`,
      [idempotencyKey, federationId.slice(0, 6), categoryKey, womanUserId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      homeFederationId: row.home,
      earlier: row.earlierId ? { id: row.earlierId, idempotencyDigest: row.earlierDigest } : null,
      setting:
        row.handlingLevel === null
          ? null
          : { handlingLevel: row.handlingLevel, firstResponseHours: Number(row.firstResponseHours), resolutionHours: Number(row.resolutionHours) },
    };
  }

  /** The category as her county runs it, from a setting already read (submitContext). */
  async categoryWith(
    key: ServiceCategoryKey,
    setting: Pick<CategorySettingEntity, 'handlingLevel' | 'firstResponseHours' | 'resolutionHours'> | null,
  ): Promise<ServiceCategoryEntity | null> {
    const category = await this.category(key);
    if (!category || !setting) return category;
    return Object.assign(new ServiceCategoryEntity(), category, setting);
  }

  /**
   * Saves the request with its next event. The caller holds the request's row lock (lockById), so
   * the counter goes up by exactly one per step, whether or not the step changed anything else.
   */
  async save(manager: EntityManager, request: ServiceRequestEntity, event: NewEvent): Promise<void> {
    request.lastEventSeq += 1;
    await manager.getRepository(ServiceRequestEntity).save(request);
    await this.insertEvent(manager, request, event);
  }

  private async insertEvent(manager: EntityManager, request: ServiceRequestEntity, event: NewEvent): Promise<RequestEventEntity> {
    const stored = Object.assign(new RequestEventEntity(), { id: randomUUID(), seq: request.lastEventSeq, ...event });
    await insertRows(manager, RequestEventEntity, [stored]);
    return stored;
  }

  events(requestId: string): Promise<RequestEventEntity[]> {
    return this.dataSource.getRepository(RequestEventEntity).find({ where: { requestId }, order: { seq: 'ASC' } });
  }

  /** The body that made the latest referral: where a returned referral goes back to. */
  async lastReferrer(manager: EntityManager, requestId: string): Promise<string | null> {
    const event = await manager
      .getRepository(RequestEventEntity)
      .findOne({ where: { requestId, action: RequestAction.Refer }, order: { seq: 'DESC' } });
    return event?.actorFederationId ?? null;
  }

  ofWoman(womanUserId: string): Promise<ServiceRequestEntity[]> {
    return this.dataSource.getRepository(ServiceRequestEntity).find({ where: { womanUserId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Open requests held by a body; the service orders them overdue first. */
  heldBy(federationId: string): Promise<ServiceRequestEntity[]> {
    return this.dataSource
      .getRepository(ServiceRequestEntity)
      .find({ where: { federationId, state: In([...OPEN_STATES]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Open requests held by any of these bodies, with only what counting them needs. */
  openHeldByAny(federationIds: string[]): Promise<Array<Pick<ServiceRequestEntity, 'federationId' | 'state' | 'firstResponseDueAt' | 'resolutionDueAt'>>> {
    if (federationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ServiceRequestEntity).find({
      select: { id: true, federationId: true, state: true, firstResponseDueAt: true, resolutionDueAt: true },
      where: { federationId: In(federationIds), state: In([...OPEN_STATES]) },
    });
  }

  /**
   * Requests a body referred to others and that another body holds now (a returned one is back in
   * its inbox), latest referral first, with when it last referred each.
   */
  async referredOutBy(federationId: string, limit: number): Promise<Array<{ request: ServiceRequestEntity; referredAt: Date }>> {
    const rows: Array<{ id: string; referredAt: Date | string }> = await this.dataSource.query(
      `SELECT e.request_id AS id, MAX(e.at) AS referredAt FROM request_event e JOIN service_request r ON r.id = e.request_id
       WHERE e.actor_federation_id = ? AND e.action = ? AND r.federation_id <> ?
       GROUP BY e.request_id ORDER BY referredAt DESC, e.request_id DESC LIMIT ${Number(limit)}`,
      [federationId, RequestAction.Refer, federationId],
    );
    if (rows.length === 0) return [];
    const requests = new Map(
      (await this.dataSource.getRepository(ServiceRequestEntity).findBy({ id: In(rows.map((row) => row.id)) })).map((r) => [r.id, r]),
    );
    return rows.flatMap((row) => {
      const request = requests.get(row.id);
      return request ? [{ request, referredAt: fromSqlTime(row.referredAt) }] : [];
    });
  }

  /**
   * The names of the women who asked, for staff who may read their requests: the name a chair
   * recorded (encrypted), else her own; null for none. The cipher's text comes back as it is.
   */
  async requesterNames(userIds: string[]): Promise<Map<string, { nameEnc: string | null; displayName: string | null }>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ id: string; nameEnc: string | null; displayName: string | null }> = await this.dataSource.query(
      `SELECT id, name_enc AS nameEnc, display_name AS displayName FROM app_user WHERE id IN (${userIds.map(() => '?').join(', ')})`,
      userIds,
    );
    return new Map(rows.map((row) => [row.id, { nameEnc: row.nameEnc, displayName: row.displayName }]));
  }

  /** Ids of requests whose next deadline has passed, oldest deadline first. */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(ServiceRequestEntity)
      .find({ select: { id: true }, where: { nextDueAt: LessThanOrEqual(now) }, order: { nextDueAt: 'ASC' }, take: limit });
    return rows.map((row) => row.id);
  }

  async federationNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(
      `SELECT id, name FROM federation WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
