/**
 * Industries of GB/T 4754-2017 国民经济行业分类: the 20 sections (门类) A–T, and under C 制造业 its
 * 31 divisions (大类) 13–43, written `C13` … `C43`. A listing names a section, or a manufacturing
 * division when it is manufacturing (most technology listings are).
 */
export const INDUSTRY_SECTIONS = [
  { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: 'B', zh: '采矿业', en: 'Mining' },
  { code: 'C', zh: '制造业', en: 'Manufacturing' },
  { code: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water production and supply' },
  { code: 'E', zh: '建筑业', en: 'Construction' },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade' },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' },
  { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  { code: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  { code: 'J', zh: '金融业', en: 'Finance' },
  { code: 'K', zh: '房地产业', en: 'Real estate' },
  { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services' },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  { code: 'N', zh: '水利、环境和公共设施管理业', en: 'Water conservancy, environment and public facilities management' },
  { code: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident, repair and other services' },
  { code: 'P', zh: '教育', en: 'Education' },
  { code: 'Q', zh: '卫生和社会工作', en: 'Health and social work' },
  { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  { code: 'S', zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
  { code: 'T', zh: '国际组织', en: 'International organisations' },
] as const;

export const MANUFACTURING_DIVISIONS = [
  { code: 'C13', zh: '农副食品加工业', en: 'Processing of agricultural and sideline food products' },
  { code: 'C14', zh: '食品制造业', en: 'Food manufacturing' },
  { code: 'C15', zh: '酒、饮料和精制茶制造业', en: 'Wine, beverages and refined tea' },
  { code: 'C16', zh: '烟草制品业', en: 'Tobacco products' },
  { code: 'C17', zh: '纺织业', en: 'Textiles' },
  { code: 'C18', zh: '纺织服装、服饰业', en: 'Textile garments and apparel' },
  { code: 'C19', zh: '皮革、毛皮、羽毛及其制品和制鞋业', en: 'Leather, fur, feathers and footwear' },
  { code: 'C20', zh: '木材加工和木、竹、藤、棕、草制品业', en: 'Wood processing; wood, bamboo, rattan, palm and straw products' },
  { code: 'C21', zh: '家具制造业', en: 'Furniture' },
  { code: 'C22', zh: '造纸和纸制品业', en: 'Paper and paper products' },
  { code: 'C23', zh: '印刷和记录媒介复制业', en: 'Printing and reproduction of recorded media' },
  { code: 'C24', zh: '文教、工美、体育和娱乐用品制造业', en: 'Articles for culture, education, arts and crafts, sport and entertainment' },
  { code: 'C25', zh: '石油、煤炭及其他燃料加工业', en: 'Processing of petroleum, coal and other fuels' },
  { code: 'C26', zh: '化学原料和化学制品制造业', en: 'Chemical raw materials and chemical products' },
  { code: 'C27', zh: '医药制造业', en: 'Pharmaceuticals' },
  { code: 'C28', zh: '化学纤维制造业', en: 'Chemical fibres' },
  { code: 'C29', zh: '橡胶和塑料制品业', en: 'Rubber and plastic products' },
  { code: 'C30', zh: '非金属矿物制品业', en: 'Non-metallic mineral products' },
  { code: 'C31', zh: '黑色金属冶炼和压延加工业', en: 'Smelting and pressing of ferrous metals' },
  { code: 'C32', zh: '有色金属冶炼和压延加工业', en: 'Smelting and pressing of non-ferrous metals' },
  { code: 'C33', zh: '金属制品业', en: 'Metal products' },
  { code: 'C34', zh: '通用设备制造业', en: 'General-purpose machinery' },
  { code: 'C35', zh: '专用设备制造业', en: 'Special-purpose machinery' },
  { code: 'C36', zh: '汽车制造业', en: 'Automobiles' },
  { code: 'C37', zh: '铁路、船舶、航空航天和其他运输设备制造业', en: 'Railway, ships, aerospace and other transport equipment' },
  { code: 'C38', zh: '电气机械和器材制造业', en: 'Electrical machinery and equipment' },
  { code: 'C39', zh: '计算机、通信和其他电子设备制造业', en: 'Computers, communication and other electronic equipment' },
  { code: 'C40', zh: '仪器仪表制造业', en: 'Instruments and meters' },
  { code: 'C41', zh: '其他制造业', en: 'Other manufacturing' },
  { code: 'C42', zh: '废弃资源综合利用业', en: 'Comprehensive use of waste resources' },
  { code: 'C43', zh: '金属制品、机械和设备修理业', en: 'Repair of metal products, machinery and equipment' },
] as const;

export type IndustrySectionCode = (typeof INDUSTRY_SECTIONS)[number]['code'];
export type IndustryCode = IndustrySectionCode | (typeof MANUFACTURING_DIVISIONS)[number]['code'];

/** Every industry a listing may name: the 20 sections, then the manufacturing divisions. */
export const INDUSTRIES: readonly { code: IndustryCode; section: IndustrySectionCode; zh: string; en: string }[] = [
  ...INDUSTRY_SECTIONS.map((s) => ({ ...s, section: s.code })),
  ...MANUFACTURING_DIVISIONS.map((d) => ({ ...d, section: 'C' as const })),
];
export const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as unknown as readonly [IndustryCode, ...IndustryCode[]];

/** The section (门类) an industry code belongs to: `C36` → `C`, `M` → `M`. */
export function industrySection(code: IndustryCode): IndustrySectionCode {
  return code.charAt(0) as IndustrySectionCode;
}
