import { createHash, randomUUID } from 'node:crypto';
import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ERROR_MESSAGES,
  ErrorCode,
  IMPORT_KIND_LABELS,
  ImportKind,
  Permission,
  RegionLevel,
  regionLevelOf,
  type Actor,
  type ImportProgress,
  type ImportReport,
  type SpreadsheetFormat,
} from '@wfh/shared';
import { requirePermission } from '../../common/auth/access';
import { badRequest, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { PhoneDigest } from '../../infra/crypto/phone-digest';
import { audit } from '../audit/audit';
import type { FederationEntity } from '../federations/federation.entity';
import { FederationsRepository } from '../federations/federations.repository';
import { PlacesIndex } from '../places/places-index';
import { SiteEntity } from '../sites/site.entity';
import { SitesRepository } from '../sites/sites.repository';
import { exportBodies, planBodies, type BodiesState, type BodyRecord, type BodyWrites } from './bodies-plan';
import { BodyDirectory } from './body-directory';
import { COLUMNS, findHeaderRow, matchColumns, type ColumnKey, type MatchedTable } from './columns';
import { ImportProgressStore, type ProgressTracker } from './import-progress';
import { ImportRunEntity } from './import-run.entity';
import { ImportRunsRepository } from './import-runs.repository';
import { ListedPeopleRepository } from './listed-people.repository';
import { exportPeople, phonesIn, planPeople, type PeopleWrites } from './people-plan';
import { PROGRESS_EVERY, type Plan, type RowProgress } from './plan';
import { exportSites, planSites, type SiteRecord, type SiteWrites, type SitesState } from './sites-plan';
import { readSpreadsheet, UnreadableFile, writeSpreadsheet, type ReadWorkbook } from './spreadsheet';
import { templateRows } from './template';

type AnyWrites = SiteWrites | BodyWrites | PeopleWrites;

export interface SpreadsheetFile {
  filename: string;
  format: SpreadsheetFormat;
  content: Buffer;
}

const SHEET_NAMES: Record<ImportKind, string> = {
  [ImportKind.Sites]: '阵地',
  [ImportKind.Bodies]: '妇联组织',
  [ImportKind.People]: '人员名单',
};

/** A commit with problems is refused with the very report the dry run gives, so the console shows one thing. */
export class ImportRefused extends HttpException {
  constructor(report: ImportReport) {
    super({ code: ErrorCode.ImportHasProblems, message: ERROR_MESSAGES[ErrorCode.ImportHasProblems], ...report }, HttpStatus.BAD_REQUEST);
  }
}

function toSiteRecord(site: SiteEntity): SiteRecord {
  return {
    id: site.id,
    federationId: site.federationId,
    kind: site.kind,
    name: site.name,
    address: site.address,
    latitude: Number(site.latitude),
    longitude: Number(site.longitude),
    phone: site.phone,
    openingHours: site.openingHours,
    openingHoursText: site.openingHoursText,
    services: site.services,
    chairPublicName: site.chairPublicName,
  };
}

function toBodyRecord(body: FederationEntity): BodyRecord {
  return {
    id: body.id,
    regionName: body.regionName,
    name: body.name,
    level: body.level,
    address: body.address,
    phone: body.phone,
    officeHours: body.officeHours,
    latitude: body.latitude === null ? null : Number(body.latitude),
    longitude: body.longitude === null ? null : Number(body.longitude),
    locationIsDemo: Boolean(body.locationIsDemo),
    registeredWomen: body.registeredWomen,
  };
}

/**
 * Imports from a county's spreadsheets (sites, bodies, people): a dry run that says what each row
 * would do and what is wrong with each bad one, then an all-or-nothing commit that plans again
 * inside its transaction (under the county's row lock, so two admins' commits never interleave),
 * writes, records the run and audits it. Exports write the same columns back out.
 *
 * Only a county's admins import, for the whole county. Township staff do not: the people import
 * hands out roles (granting roles is the admins' alone), and sites are managed by village chairs and
 * the county, never by township staff (shared/roles.ts); a township sends its sheet to the county.
 */
@Injectable()
export class OnboardingService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly federations: FederationsRepository,
    private readonly sites: SitesRepository,
    private readonly listings: ListedPeopleRepository,
    private readonly runs: ImportRunsRepository,
    private readonly cipher: FieldCipher,
    private readonly phoneDigest: PhoneDigest,
    private readonly places: PlacesIndex,
    private readonly progress: ImportProgressStore,
  ) {}

  async template(actor: Actor | null, countyId: string, kind: ImportKind, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    await this.county(actor, countyId);
    const directory = await this.directory(countyId, this.runs.manager);
    return this.file(kind, format, `${SHEET_NAMES[kind]}导入模板`, templateRows(kind, directory), true);
  }

  async export(actor: Actor | null, countyId: string, kind: ImportKind, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    const { userId } = await this.county(actor, countyId);
    const manager = this.runs.manager;
    let rows: Record<string, string>[];
    if (kind === ImportKind.Sites) rows = exportSites(await this.sitesState(countyId, manager));
    else if (kind === ImportKind.Bodies) rows = exportBodies(await this.bodiesState(countyId, manager));
    else {
      const listed = await this.listings.inCountyWithPhones(countyId);
      rows = exportPeople(await this.directory(countyId, manager), listed.map((l) => ({ ...l, phone: this.cipher.decrypt(l.phoneEnc) })));
    }
    // People's phones leave the system here: who took them, and when, is on the record.
    await this.runs.transaction((tx) =>
      audit(tx, this.clock.now(), { actorUserId: userId, action: 'onboarding.export', subjectType: 'federation', subjectId: countyId, federationId: countyId }),
    );
    const county = (await this.federations.findById(countyId))!;
    return this.file(kind, format, `${county.regionName}${SHEET_NAMES[kind]}`, rows, false);
  }

  /**
   * With a `progressId`, where it stands is recorded as it goes (ImportProgressStore) for the
   * console to poll; `done` at the end whatever the outcome, since the answer itself says which.
   */
  async import(actor: Actor | null, countyId: string, kind: ImportKind, dryRun: boolean, body: unknown, progressId?: string): Promise<ImportReport> {
    const { userId } = await this.county(actor, countyId);
    const progress = this.progress.tracker(userId, countyId, progressId);
    await progress.report('reading', 0, 0);
    try {
      return await this.importFile(userId, countyId, kind, dryRun, body, progress);
    } finally {
      await progress.finish();
    }
  }

  /** What her import's progress says now; nobody else's (404, as if there were none). */
  async importProgress(actor: Actor | null, countyId: string, progressId: string): Promise<ImportProgress> {
    const { userId } = await this.county(actor, countyId);
    const found = await this.progress.read(userId, countyId, progressId);
    if (!found) throw notFound(ErrorCode.ImportProgressNotFound);
    return found;
  }

  private async importFile(userId: string, countyId: string, kind: ImportKind, dryRun: boolean, body: unknown, progress: ProgressTracker): Promise<ImportReport> {
    if (!Buffer.isBuffer(body)) {
      throw badRequest(ErrorCode.ImportFileUnreadable, [{ field: 'file', message: '请把表格文件本身作为请求内容上传（Content-Type: text/csv 或 .xlsx 的类型）' }]);
    }
    let workbook: ReadWorkbook;
    try {
      workbook = await readSpreadsheet(body);
    } catch (error) {
      if (error instanceof UnreadableFile) throw badRequest(ErrorCode.ImportFileUnreadable, [{ field: 'file', message: error.message }], error.message);
      throw error;
    }
    const { table, sheet } = pickSheet(kind, workbook);
    const base = { kind, format: workbook.format, encoding: workbook.encoding, sheet, dataRows: table.rows.length };
    const checked: RowProgress = (done) => progress.report('checking', done, table.rows.length);
    await checked(0);

    if (dryRun) return report(base, true, false, await this.plan(kind, countyId, table, this.runs.manager, checked));

    const done = await this.runs.transaction(async (manager) => {
      await this.federations.lockById(manager, countyId);
      const plan = await this.plan(kind, countyId, table, manager, checked);
      if (plan.problems.length > 0) throw new ImportRefused(report(base, false, false, plan));
      const written = await this.apply(kind, plan.writes, manager, userId, progress);
      const result = report(base, false, true, plan);
      const run = Object.assign(new ImportRunEntity(), {
        id: randomUUID(),
        countyId,
        kind,
        format: workbook.format,
        encoding: workbook.encoding,
        fileSha256: createHash('sha256').update(body).digest('hex'),
        rowCount: result.counts.rows,
        createdCount: result.counts.create,
        changedCount: result.counts.change,
        leftCount: result.counts.leave,
        importedBy: userId,
        importedAt: this.clock.now(),
      });
      await this.runs.insert(manager, run);
      await audit(manager, run.importedAt, { actorUserId: userId, action: 'onboarding.import', subjectType: 'import_run', subjectId: run.id, federationId: countyId });
      return { result, written };
    });
    // After the commit, as the sites module does: every instance reloads its nearest-places index
    // (one rebuild for the whole import rather than a message per site).
    if (done.written && kind !== ImportKind.People) await this.places.announce({ type: 'bodies' });
    return done.result;
  }

  // ---- steps ----

  private async county(actor: Actor | null, countyId: string): Promise<Actor> {
    if (regionLevelOf(countyId) !== RegionLevel.County) {
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'countyId', message: '导入和导出按县（区）进行：请用6位的县级区划代码' }]);
    }
    if (!(await this.federations.findById(countyId))) throw notFound(ErrorCode.FederationNotFound);
    return requirePermission(actor, Permission.AdministerCounty, countyId);
  }

  private async directory(countyId: string, manager: EntityManager): Promise<BodyDirectory> {
    return new BodyDirectory(countyId, await this.federations.bodiesUnder(countyId, manager));
  }

  private async bodiesState(countyId: string, manager: EntityManager): Promise<BodiesState> {
    const bodies = (await this.federations.bodiesUnder(countyId, manager)).map(toBodyRecord);
    return { directory: new BodyDirectory(countyId, bodies), bodies };
  }

  private async sitesState(countyId: string, manager: EntityManager): Promise<SitesState> {
    const { directory, bodies } = await this.bodiesState(countyId, manager);
    const bodyLocations = new Map(
      bodies
        .filter((b) => b.latitude !== null && b.longitude !== null && !b.locationIsDemo)
        .map((b) => [b.id, { latitude: b.latitude!, longitude: b.longitude! }]),
    );
    const sites = (await this.sites.sitesUnder(countyId, manager)).map(toSiteRecord);
    return { directory, sites, bodyLocations };
  }

  private async plan(kind: ImportKind, countyId: string, table: MatchedTable, manager: EntityManager, progress: RowProgress): Promise<Plan<AnyWrites>> {
    if (kind === ImportKind.Sites) return planSites(table, await this.sitesState(countyId, manager), progress);
    if (kind === ImportKind.Bodies) return planBodies(table, await this.bodiesState(countyId, manager), progress);
    const digest = (phone: string) => this.phoneDigest.ofNormalised(phone);
    const listings = await this.listings.inCounty(countyId, manager);
    const elsewhere = (await this.listings.withDigests(phonesIn(table).map(digest), manager)).filter((l) => !l.federationId.startsWith(countyId));
    return planPeople(table, { directory: await this.directory(countyId, manager), listings, elsewhere, digest }, progress);
  }

  /** Writes the plan in the caller's transaction, saying how far it got; says whether anything changed. */
  private async apply(kind: ImportKind, writes: AnyWrites, manager: EntityManager, userId: string, progress: ProgressTracker): Promise<boolean> {
    if (kind === ImportKind.Sites) {
      const { inserts, updates } = writes as SiteWrites;
      const wrote = await progress.begin('writing', inserts.length + updates.length);
      for (const chunk of chunks(inserts)) {
        await this.sites.insertMany(manager, chunk.map((s) => Object.assign(new SiteEntity(), { ...s, openingExceptions: [], photoUrl: null, active: true, isDemo: false })));
        await wrote(chunk.length);
      }
      for (const { id, changes } of updates) {
        await this.sites.updateIn(manager, id, changes);
        await wrote(1);
      }
      return inserts.length + updates.length > 0;
    }
    if (kind === ImportKind.Bodies) {
      const { updates } = writes as BodyWrites;
      const wrote = await progress.begin('writing', updates.length);
      for (const { id, changes } of updates) {
        await this.federations.updateImportedProfile(manager, id, changes);
        await wrote(1);
      }
      return updates.length > 0;
    }
    const { inserts, updates } = writes as PeopleWrites;
    const wrote = await progress.begin('writing', inserts.length + updates.length);
    for (const chunk of chunks(inserts)) {
      await this.listings.insertMany(
        manager,
        chunk.map(({ phone, ...listing }) => ({ ...listing, phoneEnc: this.cipher.encrypt(phone), importedBy: userId })),
      );
      await wrote(chunk.length);
    }
    for (const { id, name } of updates) {
      await this.listings.rename(manager, id, name, userId);
      await wrote(1);
    }
    return inserts.length + updates.length > 0;
  }

  private async file(kind: ImportKind, format: SpreadsheetFormat, title: string, rows: Record<string, string>[], withNotes: boolean): Promise<SpreadsheetFile> {
    const columns = COLUMNS[kind].filter((c) => !c.importOnly);
    const content = await writeSpreadsheet(format, {
      name: SHEET_NAMES[kind],
      headers: columns.map((c) => c.header),
      rows: rows.map((row) => columns.map((c) => row[c.key as ColumnKey] ?? '')),
      notes: withNotes
        ? [
            ...COLUMNS[kind].map((c): [string, string] => [c.header, `${c.required ? '必填。' : ''}${c.note}`]),
            ['', `每次导入先“检查”（不会改动任何数据），全部没有问题后再“导入”。同一个文件导入两次，第二次什么也不会改。带“（示例）”的行是示例，请删除。导出的${IMPORT_KIND_LABELS[kind]}表格可以改好后直接再导入。`],
          ]
        : undefined,
    });
    return { filename: `${title}.${format}`, format, content };
  }
}

/** Inserts in runs of PROGRESS_EVERY, so the bar moves between them. */
function chunks<T>(items: T[]): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += PROGRESS_EVERY) runs.push(items.slice(i, i + PROGRESS_EVERY));
  return runs;
}

/** The sheet that holds the table: the first whose top rows head this kind's columns. */
function pickSheet(kind: ImportKind, workbook: ReadWorkbook): { table: MatchedTable; sheet: string | null } {
  const sheet = workbook.sheets.find((s) => findHeaderRow(kind, s.rows) !== null) ?? workbook.sheets[0] ?? { name: null, rows: [] };
  return { table: matchColumns(kind, sheet.rows), sheet: sheet.name };
}

type ReportBase = Pick<ImportReport, 'kind' | 'format' | 'encoding' | 'sheet'> & { dataRows: number };

function report({ dataRows, ...base }: ReportBase, dryRun: boolean, committed: boolean, plan: Plan<AnyWrites>): ImportReport {
  const count = (action: string) => plan.rows.filter((r) => r.action === action).length;
  const badRows = new Set(plan.problems.map((p) => p.row)).size;
  return {
    ...base,
    dryRun,
    committed,
    rows: plan.rows,
    problems: plan.problems,
    warnings: plan.warnings,
    counts: {
      rows: dataRows,
      create: count('create'),
      change: count('change'),
      leave: count('leave'),
      badRows,
      problems: plan.problems.length,
      warnings: plan.warnings.length,
    },
  };
}
