import { randomUUID } from 'node:crypto';
import { In, MoreThan, type DataSource } from 'typeorm';
import { ActivityCategory } from '@wfh/shared';
import { ActivityEntity } from '../../modules/activities/activity.entity';
import { SiteEntity } from '../../modules/sites/site.entity';
import { UserEntity } from '../../modules/users/user.entity';

const SHANGHAI_OFFSET_HOURS = 8;

/** `days` from today (Shanghai) at hh:mm Shanghai time. */
function dayAt(now: Date, days: number, hour: number, minute = 0): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_HOURS * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour - SHANGHAI_OFFSET_HOURS, minute));
}

interface DemoActivity {
  federationId: string;
  chairKey: string;
  title: string;
  description: string;
  category: ActivityCategory;
  inDays: number;
  from: [number, number];
  to: [number, number];
  capacity: number;
  reservedSeats: number;
  relativesAllowed: boolean;
}

const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    federationId: '211221101200', chairKey: 'chair-yilu', title: '免费两癌筛查',
    description: '县妇幼保健院的医生到村里来，为35至64岁的妇女免费做宫颈癌、乳腺癌检查。请带好身份证，空腹即可。',
    category: ActivityCategory.Screening, inDays: 3, from: [9, 0], to: [11, 30], capacity: 30, reservedSeats: 5, relativesAllowed: true,
  },
  {
    federationId: '211221101', chairKey: 'staff-xintaizi', title: '反家暴法律知识讲座',
    description: '镇司法所的律师讲《反家庭暴力法》：遇到家暴怎么办、怎样申请人身安全保护令。讲完可以单独咨询。',
    category: ActivityCategory.LegalTalk, inDays: 5, from: [14, 0], to: [16, 0], capacity: 80, reservedSeats: 0, relativesAllowed: true,
  },
  {
    federationId: '211221101200', chairKey: 'chair-yilu', title: '家庭教育公益课：怎样陪孩子写作业',
    description: '县家庭教育指导中心的老师来讲，欢迎家长和爷爷奶奶一起来听。',
    category: ActivityCategory.Parenting, inDays: 8, from: [19, 0], to: [20, 30], capacity: 20, reservedSeats: 0, relativesAllowed: false,
  },
  {
    federationId: '211221101201', chairKey: 'chair-donggujiazi', title: '手工编织技能培训',
    description: '学编织坐垫和围巾，材料由妇联提供，学会了可以在家接订单增加收入。',
    category: ActivityCategory.Skills, inDays: 6, from: [9, 0], to: [11, 0], capacity: 15, reservedSeats: 3, relativesAllowed: false,
  },
];

/**
 * The embedded demo always has activities coming up: when those of a previous run have all ended, a
 * fresh set is added around today. Demo mode only.
 */
export async function seedDemoActivities(dataSource: DataSource, now: Date): Promise<number> {
  const activities = dataSource.getRepository(ActivityEntity);
  const bodies = [...new Set(DEMO_ACTIVITIES.map((a) => a.federationId))];
  if (await activities.existsBy({ federationId: In(bodies), status: 'published', endsAt: MoreThan(now) })) return 0;
  const chairs = await dataSource.getRepository(UserEntity).findBy({ demoKey: In(DEMO_ACTIVITIES.map((a) => a.chairKey)) });
  const sites = await dataSource.getRepository(SiteEntity).findBy({ federationId: In(bodies), active: true });
  const rows = DEMO_ACTIVITIES.flatMap((spec) => {
    const chair = chairs.find((u) => u.demoKey === spec.chairKey);
    const site = sites.find((s) => s.federationId === spec.federationId);
    if (!chair || !site) return [];
    const startsAt = dayAt(now, spec.inDays, ...spec.from);
    return [
      Object.assign(new ActivityEntity(), {
        id: randomUUID(),
        federationId: spec.federationId,
        title: spec.title,
        description: spec.description,
        category: spec.category,
        siteId: site.id,
        address: site.address,
        latitude: site.latitude,
        longitude: site.longitude,
        startsAt,
        endsAt: dayAt(now, spec.inDays, ...spec.to),
        signupOpensAt: now,
        signupClosesAt: dayAt(now, spec.inDays - 1, 18),
        capacity: spec.capacity,
        reservedSeats: spec.reservedSeats,
        publicTaken: 0,
        reservedTaken: 0,
        signupSeq: 0,
        relativesAllowed: spec.relativesAllowed,
        status: 'published' as const,
        cancelReason: null,
        createdBy: chair.id,
        publishedAt: now,
      }),
    ];
  });
  if (rows.length > 0) await dataSource.createQueryBuilder().insert().into(ActivityEntity).values(rows).updateEntity(false).execute();
  return rows.length;
}
