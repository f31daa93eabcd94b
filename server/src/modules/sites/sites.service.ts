import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Permission,
  can,
  isInsideChina,
  isOpenAt,
  type Actor,
  type FieldError,
  type OpeningException,
  type SiteDetail,
  type SiteSummary,
  type WeeklyOpening,
} from '@wfh/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { requirePermission } from '../../common/auth/access';
import { badRequest, notFound } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { localMomentOf } from '../../infra/clock/china-calendar';
import { FederationsRepository } from '../federations/federations.repository';
import { PlacesIndex } from '../places/places-index';
import type { SiteInputDto, UpdateSiteDto } from './dto';
import { SiteEntity } from './site.entity';
import { SitesRepository, toSiteSummary } from './sites.repository';

/** Hours a form can express but no place keeps: opening and closing at the same minute, half-given exceptions. */
function hourProblems(hours: WeeklyOpening[] | undefined, exceptions: OpeningException[] | undefined): FieldError[] {
  const problems: FieldError[] = [];
  hours?.forEach((o, i) => {
    if (o.opens === o.closes) problems.push({ field: `openingHours.${i}.closes`, message: '开门和关门时间不能相同' });
  });
  exceptions?.forEach((e, i) => {
    if (!e.closed && (!e.opens || !e.closes)) {
      problems.push({ field: `openingExceptions.${i}`, message: '这一天开放的话，请填写开门和关门时间' });
    }
  });
  return problems;
}

/** A site women walk to is in China: a point elsewhere is a slip of the map or of the typing. */
function locationProblems(latitude: number, longitude: number): FieldError[] {
  return isInsideChina(latitude, longitude)
    ? []
    : [{ field: 'latitude', message: '这个位置不在中国境内，请点「我就在这里」或在地图上重新选' }];
}

@Injectable()
export class SitesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sites: SitesRepository,
    private readonly federations: FederationsRepository,
    private readonly index: PlacesIndex,
  ) {}

  /** Demo sites are for the embedded demo only: production never shows them to anyone. */
  private get includeDemo(): boolean {
    return this.config.mode === 'embedded';
  }

  async visibleSitesOf(federationId: string): Promise<SiteSummary[]> {
    if (!(await this.federations.findById(federationId))) throw notFound(ErrorCode.FederationNotFound);
    return this.sites.visibleSitesOf(federationId, this.includeDemo);
  }

  /** Women see active sites; the body's own managers also see the ones they switched off. */
  /** Every site of the body, switched-off ones too: what its chair keeps in 「我的阵地」. */
  async managedSitesOf(actor: Actor | null, federationId: string): Promise<SiteSummary[]> {
    if (!(await this.federations.findById(federationId))) throw notFound(ErrorCode.FederationNotFound);
    requirePermission(actor, Permission.ManageSites, federationId);
    return this.sites.sitesOf(federationId, this.includeDemo);
  }

  async detail(actor: Actor | null, id: string): Promise<SiteDetail> {
    const site = await this.sites.findById(id);
    const visible = site !== null && site.active && (this.includeDemo || !site.isDemo);
    if (!site || (!visible && !can(actor, Permission.ManageSites, site.federationId))) throw notFound(ErrorCode.SiteNotFound);
    const body = await this.federations.findById(site.federationId);
    return {
      ...toSiteSummary(site),
      federationName: body?.name ?? '',
      openNow: isOpenAt(site.openingHours, site.openingExceptions ?? [], localMomentOf(this.clock.now())),
    };
  }

  async create(actor: Actor | null, federationId: string, input: SiteInputDto): Promise<SiteDetail> {
    if (!(await this.federations.findById(federationId))) throw notFound(ErrorCode.FederationNotFound);
    requirePermission(actor, Permission.ManageSites, federationId);
    const problems = [...locationProblems(input.latitude, input.longitude), ...hourProblems(input.openingHours, input.openingExceptions)];
    if (problems.length > 0) throw badRequest(ErrorCode.ValidationFailed, problems);
    const site = Object.assign(new SiteEntity(), {
      id: randomUUID(),
      federationId,
      kind: input.kind,
      name: input.name.trim(),
      address: input.address.trim(),
      latitude: input.latitude,
      longitude: input.longitude,
      phone: input.phone ?? null,
      openingHours: input.openingHours,
      openingExceptions: input.openingExceptions ?? [],
      services: input.services,
      chairPublicName: input.chairPublicName ?? null,
      photoUrl: input.photoUrl ?? null,
      active: true,
      isDemo: false,
    });
    await this.sites.insert(site);
    await this.index.announce({ type: 'site', id: site.id });
    return this.detail(actor, site.id);
  }

  async update(actor: Actor | null, id: string, changes: UpdateSiteDto): Promise<SiteDetail> {
    const site = await this.sites.findById(id);
    if (!site) throw notFound(ErrorCode.SiteNotFound);
    requirePermission(actor, Permission.ManageSites, site.federationId);
    const moves = changes.latitude !== undefined || changes.longitude !== undefined;
    const problems = [
      ...(moves ? locationProblems(changes.latitude ?? site.latitude, changes.longitude ?? site.longitude) : []),
      ...hourProblems(changes.openingHours, changes.openingExceptions),
    ];
    if (problems.length > 0) throw badRequest(ErrorCode.ValidationFailed, problems);
    await this.sites.update(id, changes);
    await this.index.announce({ type: 'site', id });
    return this.detail(actor, id);
  }
}
