import type { DataSource } from 'typeorm';
import { RegionLevel, SERVICE_CATEGORY_NAMES, ServiceCategoryKey, type ServiceCategory } from '@wfh/shared';
import { ServiceCategoryEntity } from '../../modules/requests/service-category.entity';

/**
 * The services the federation names, in plain words, with who handles them and how fast (working
 * hours). Every install starts from this; county admins adjust it later.
 */
export const CATALOGUE: ServiceCategory[] = [
  {
    key: ServiceCategoryKey.LegalAid,
    name: SERVICE_CATEGORY_NAMES[ServiceCategoryKey.LegalAid],
    description: '遇到法律问题，或者自己的权益受到侵害，想找人问问、帮忙维权',
    sensitive: false,
    handlingLevel: RegionLevel.Township,
    firstResponseHours: 8,
    resolutionHours: 80,
    questions: [
      { key: 'topic', label: '大概是什么事', type: 'choice', required: true, options: ['婚姻财产', '抚养赡养', '劳动工资', '土地房产', '人身伤害', '其他'] },
    ],
  },
  {
    key: ServiceCategoryKey.DomesticViolence,
    name: SERVICE_CATEGORY_NAMES[ServiceCategoryKey.DomesticViolence],
    description: '在家里被打骂、威胁、限制自由，想得到保护和帮助。您说的内容只有负责的妇联工作人员能看到',
    sensitive: true,
    handlingLevel: RegionLevel.County,
    firstResponseHours: 2,
    resolutionHours: 40,
    questions: [
      { key: 'safe_now', label: '您现在安全吗', type: 'yes_no', required: true },
      { key: 'children', label: '家里有孩子也需要保护吗', type: 'yes_no', required: false },
    ],
  },
  {
    key: ServiceCategoryKey.MarriageMediation,
    name: SERVICE_CATEGORY_NAMES[ServiceCategoryKey.MarriageMediation],
    description: '和家里人闹矛盾，想请妇联帮忙说和、调解',
    sensitive: false,
    handlingLevel: RegionLevel.Village,
    firstResponseHours: 8,
    resolutionHours: 80,
    questions: [{ key: 'with_whom', label: '和谁有矛盾', type: 'choice', required: true, options: ['丈夫', '公婆', '子女', '兄弟姐妹', '其他'] }],
  },
  {
    key: ServiceCategoryKey.Counselling,
    name: SERVICE_CATEGORY_NAMES[ServiceCategoryKey.Counselling],
    description: '心里憋闷、焦虑、睡不好，想找人说说话',
    sensitive: false,
    handlingLevel: RegionLevel.Village,
    firstResponseHours: 8,
    resolutionHours: 40,
    questions: [{ key: 'how', label: '希望怎么谈', type: 'choice', required: false, options: ['打电话', '当面谈', '都可以'] }],
  },
  {
    key: ServiceCategoryKey.FamilyEducation,
    name: SERVICE_CATEGORY_NAMES[ServiceCategoryKey.FamilyEducation],
    description: '孩子教育上遇到难处，想听听建议',
    sensitive: false,
    handlingLevel: RegionLevel.Village,
    firstResponseHours: 16,
    resolutionHours: 80,
    questions: [{ key: 'child_age', label: '孩子几岁', type: 'number', required: false }],
  },
  {
    key: ServiceCategoryKey.Employment,
    name: SERVICE_CATEGORY_NAMES[ServiceCategoryKey.Employment],
    description: '想找工作、学手艺、创业，或者卖自家的产品',
    sensitive: false,
    handlingLevel: RegionLevel.Township,
    firstResponseHours: 16,
    resolutionHours: 160,
    questions: [{ key: 'need', label: '需要哪方面的帮助', type: 'choice', required: true, options: ['找工作', '技能培训', '创业贷款', '产品销售', '其他'] }],
  },
  {
    key: ServiceCategoryKey.Hardship,
    name: SERVICE_CATEGORY_NAMES[ServiceCategoryKey.Hardship],
    description: '生活、看病、孩子上学遇到困难，需要帮一把',
    sensitive: false,
    handlingLevel: RegionLevel.Village,
    firstResponseHours: 8,
    resolutionHours: 80,
    questions: [{ key: 'difficulty', label: '遇到什么困难', type: 'choice', required: true, options: ['生活困难', '看病困难', '孩子上学', '住房', '其他'] }],
  },
  {
    key: ServiceCategoryKey.CancerScreening,
    name: SERVICE_CATEGORY_NAMES[ServiceCategoryKey.CancerScreening],
    description: '预约免费的宫颈癌、乳腺癌检查，查询结果，或者申请救助',
    sensitive: false,
    handlingLevel: RegionLevel.Township,
    firstResponseHours: 16,
    resolutionHours: 80,
    questions: [{ key: 'need', label: '需要什么', type: 'choice', required: true, options: ['预约免费检查', '查询检查结果', '申请救助金'] }],
  },
  {
    key: ServiceCategoryKey.Other,
    name: SERVICE_CATEGORY_NAMES[ServiceCategoryKey.Other],
    description: '其他想请妇联帮忙的事',
    sensitive: false,
    handlingLevel: RegionLevel.Village,
    firstResponseHours: 16,
    resolutionHours: 80,
    questions: [],
  },
];

/** Adds the categories an install lacks; never overwrites what an admin has changed. */
export async function seedCatalogue(dataSource: DataSource): Promise<number> {
  const repository = dataSource.getRepository(ServiceCategoryEntity);
  const existing = new Set((await repository.find({ select: { key: true } })).map((c) => c.key));
  const missing = CATALOGUE.map((category, sortOrder) => ({ ...category, sortOrder })).filter((c) => !existing.has(c.key));
  // Instances starting together may race here: the loser's rows are simply ignored.
  if (missing.length > 0) await repository.createQueryBuilder().insert().values(missing).orIgnore().execute();
  return missing.length;
}
