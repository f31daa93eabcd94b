import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RegionLevel, SITE_KIND_LABELS, placeNameOf, type RoleKind } from '@wfh/shared';
import { FederationEntity } from '../../modules/federations/federation.entity';
import { RoleAssignmentEntity } from '../../modules/roles/role-assignment.entity';
import { SiteEntity } from '../../modules/sites/site.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { importRegions } from '../regions/region-importer';
import {
  DEMO_CITY_CODE,
  DEMO_PEOPLE,
  MICRO_HOME_EVERY,
  MICRO_HOME_SERVICES,
  OFFICE_HOURS,
  SITE_KINDS,
  WOMENS_HOME_HOURS,
  WOMENS_HOME_SERVICES,
  demoLayout,
  demoPhone,
} from './demo-places';

export interface SeedResult {
  importedRegions: boolean;
  seededDemo: boolean;
}

/**
 * Gives an empty embedded install something real to show: 铁岭市's divisions and bodies, demo sites
 * and demo people. Each part runs only when it is missing, so restarts change nothing.
 */
export async function seedDemo(dataSource: DataSource): Promise<SeedResult> {
  const federations = dataSource.getRepository(FederationEntity);
  const importedRegions = !(await federations.existsBy({ id: DEMO_CITY_CODE }));
  if (importedRegions) await importRegions(dataSource, { kind: 'city', code: DEMO_CITY_CODE });

  const seededDemo = !(await dataSource.getRepository(UserEntity).existsBy({ demoKey: DEMO_PEOPLE[0].key }));
  if (seededDemo) await seedPeopleAndSites(dataSource);
  return { importedRegions, seededDemo };
}

async function seedPeopleAndSites(dataSource: DataSource): Promise<void> {
  const bodies = await dataSource
    .getRepository(FederationEntity)
    .createQueryBuilder('f')
    .where('f.id LIKE :prefix', { prefix: `${DEMO_CITY_CODE}%` })
    .andWhere('f.level IN (:...levels)', { levels: [RegionLevel.County, RegionLevel.Township, RegionLevel.Village] })
    .orderBy('f.id')
    .getMany();
  const byId = new Map(bodies.map((body) => [body.id, body]));
  // Laid out together: where a body sits depends on its siblings, so each region keeps its own cluster.
  const layout = demoLayout(bodies.map((body) => body.id)).location;
  const chairOf = new Map(DEMO_PEOPLE.filter((p) => p.role?.role === 'chair').map((p) => [p.role!.federationId, p.displayName]));

  const sites: SiteEntity[] = [];
  let villageIndex = 0;
  for (const body of bodies) {
    if (body.level === RegionLevel.County) continue;
    const isVillage = body.level === RegionLevel.Village;
    if (isVillage && villageIndex++ % MICRO_HOME_EVERY !== 0 && !chairOf.has(body.id)) continue;
    const county = byId.get(body.id.slice(0, 6));
    const township = byId.get(body.id.slice(0, 9));
    const place = placeNameOf(body.regionName);
    const kind = isVillage ? SITE_KINDS.village : SITE_KINDS.township;
    sites.push(
      Object.assign(new SiteEntity(), {
        id: randomUUID(),
        federationId: body.id,
        kind,
        name: `${place}${SITE_KIND_LABELS[kind]}`,
        address: isVillage
          ? `${county?.regionName ?? ''}${township?.regionName ?? ''}${place}村民服务中心一楼`
          : `${county?.regionName ?? ''}${place}党群服务中心二楼`,
        ...layout.get(body.id)!,
        phone: demoPhone(sites.length),
        openingHours: isVillage ? OFFICE_HOURS : WOMENS_HOME_HOURS,
        services: isVillage ? MICRO_HOME_SERVICES : WOMENS_HOME_SERVICES,
        chairPublicName: chairOf.get(body.id) ?? null,
        photoUrl: null,
        active: true,
        isDemo: true,
      }),
    );
  }

  await dataSource.transaction(async (manager) => {
    await manager.getRepository(SiteEntity).save(sites, { chunk: 200 });
    // Bodies get synthetic office locations too, so "nearest" finds them in the demo; marked as such.
    for (const body of bodies) {
      await manager.getRepository(FederationEntity).update({ id: body.id }, { ...layout.get(body.id)!, locationIsDemo: true });
    }
    for (const person of DEMO_PEOPLE) {
      const user = await manager.getRepository(UserEntity).save(
        Object.assign(new UserEntity(), {
          id: randomUUID(),
          openid: null,
          wechatSessionKeyEnc: null,
          displayName: person.displayName,
          homeFederationId: person.home,
          demoKey: person.key,
          demoDescription: person.description,
        }),
      );
      if (person.role) {
        await manager.getRepository(RoleAssignmentEntity).insert({
          id: randomUUID(),
          userId: user.id,
          federationId: person.role.federationId,
          role: person.role.role as RoleKind,
          grantedBy: null,
          revokedAt: null,
        });
      }
    }
  });
}
