/** The services the federation names; the request catalogue (with deadlines and levels) builds on these keys. */
export enum ServiceCategoryKey {
  LegalAid = 'legal_aid',
  DomesticViolence = 'domestic_violence',
  MarriageMediation = 'marriage_mediation',
  Counselling = 'counselling',
  FamilyEducation = 'family_education',
  Employment = 'employment',
  Hardship = 'hardship',
  CancerScreening = 'cancer_screening',
  Other = 'other',
}

export const SERVICE_CATEGORY_NAMES: Record<ServiceCategoryKey, string> = {
  [ServiceCategoryKey.LegalAid]: '法律帮助与维权',
  [ServiceCategoryKey.DomesticViolence]: '家庭暴力求助',
  [ServiceCategoryKey.MarriageMediation]: '婚姻家庭纠纷调解',
  [ServiceCategoryKey.Counselling]: '心理疏导',
  [ServiceCategoryKey.FamilyEducation]: '家庭教育指导',
  [ServiceCategoryKey.Employment]: '就业创业帮扶',
  [ServiceCategoryKey.Hardship]: '困难帮扶与救助',
  [ServiceCategoryKey.CancerScreening]: '两癌检查与救助',
  [ServiceCategoryKey.Other]: '其他',
};
