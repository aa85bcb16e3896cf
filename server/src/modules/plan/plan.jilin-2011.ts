import type { PlanInput } from '@kezhuan/shared';

/**
 * 吉林省科技成果转化“十二五”规划 (../shared/seed/jilin-plan-2011-2015.txt): the nine targets of
 * section 二(二) for 2015, and the two yearly programme counts of section 三(二)2 (“每年筛选50个左右
 * …科技成果转化重点项目”, 科技型中小企业创新基金 “每年支持70个左右项目”). Counters are named for the
 * registries that will count them (carriers #16, funded projects #15); until registered, manual entries.
 */
export const JILIN_PLAN_2011_2015: PlanInput = {
  code: 'jilin-2011-2015',
  titleZh: '吉林省科技成果转化“十二五”规划（2011—2015年）',
  titleEn: 'Jilin Province 12th Five-Year Plan for the Transformation of S&T Achievements (2011–2015)',
  startYear: 2011,
  endYear: 2015,
  source: '规划第二部分（二）具体目标；第三部分（二）2 重点科技成果转化计划及科技型中小企业创新基金计划',
  targets: [
    t('major_projects', '重大科技成果转化项目', 'Major transformation projects', 50, '个', 'projects', 'programme.major_transformation'),
    t('innovative_enterprises', '科技型创新企业', 'Innovative S&T enterprises', 100, '家', 'enterprises', 'carriers.innovative_enterprise'),
    t('alliances', '产业技术创新战略联盟', 'Industrial technology innovation alliances', 10, '个', 'alliances', 'carriers.alliance'),
    t('industry_bases', '高新技术特色产业基地', 'High-tech characteristic industry bases', 10, '个', 'bases', 'carriers.industry_base'),
    t('innovation_centres', '省级企业科技创新中心（含工程技术研究中心）', 'Provincial enterprise innovation centres (incl. engineering research centres)', 100, '个', 'centres', 'carriers.innovation_centre'),
    t('incubators', '省级科技企业孵化器', 'Provincial S&T business incubators', 20, '个', 'incubators', 'carriers.incubator'),
    t('key_labs', '省级重点实验室', 'Provincial key laboratories', 50, '个', 'laboratories', 'carriers.key_lab'),
    t('academician_workstations', '企业院士工作站', 'Enterprise academician workstations', 10, '个', 'workstations', 'carriers.academician_workstation'),
    t('talents', '科技创新创业人才', 'Innovation and entrepreneurship talents', 100, '名', 'people', 'carriers.talent'),
    { ...t('key_transformation_projects', '重点科技成果转化项目（每年）', 'Key transformation projects (per year)', 50, '个', 'projects', 'programme.key_transformation'), perYear: true },
    { ...t('sme_fund_projects', '科技型中小企业创新基金项目（每年）', 'SME innovation fund projects (per year)', 70, '个', 'projects', 'programme.sme_innovation_fund'), perYear: true },
  ],
};

function t(key: string, zh: string, en: string, target: number, unitZh: string, unitEn: string, counter: string): PlanInput['targets'][number] {
  return { key, zh, en, target, unitZh, unitEn, counting: 'records', counter, perYear: false };
}
