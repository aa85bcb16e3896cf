/**
 * Domain vocabulary shared by both indexes: synonym groups for Jilin's industries (automotive,
 * agriculture and food processing, pharmaceuticals and TCM, optoelectronics and satellites, new
 * materials, energy, information technology) and stop words.
 *
 * Synonym groups are bidirectional: searching any term of a group also finds the others. Keep
 * every term lower case (queries and documents are lower-cased before matching). A term may be
 * several words ("big data"); it is matched as a phrase.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Automotive (一汽, 长春汽车产业)
  ['新能源汽车', '电动汽车', '电动车'],
  ['汽车电子', '车载电子'],
  ['自动驾驶', '无人驾驶', '智能驾驶'],
  ['变速器', '变速箱'],
  ['发动机', '内燃机'],
  ['动力电池', '车用动力电池'],
  ['锂电池', '锂离子电池', '锂电', 'lithium battery'],
  ['燃料电池', 'fuel cell'],
  ['氢能', '氢能源'],
  ['轻量化', '车身轻量化'],
  // Rail transit (中车长客)
  ['轨道交通', '轨道客车'],
  ['高铁', '高速铁路', '高速列车'],
  // Agriculture and food processing (玉米带, 黑土地)
  ['玉米深加工', '玉米加工'],
  ['秸秆', '秸杆'],
  ['秸秆还田', '秸秆粉碎还田'],
  ['黑土地', '黑土'],
  ['农业机械', '农机'],
  ['保护性耕作', '免耕'],
  ['化肥', '肥料'],
  ['生物降解', '可降解'],
  ['聚乳酸', 'pla'],
  ['食用菌', '菌菇'],
  ['梅花鹿', 'sika deer'],
  ['人参', 'ginseng'],
  // Pharmaceuticals and medicine (通化, 长春生物)
  ['中药', '中医药', '中草药'],
  ['生物医药', '生物制药'],
  ['医疗器械', '医疗设备'],
  ['单克隆抗体', '单抗'],
  ['疫苗', 'vaccine'],
  ['新冠病毒', '新型冠状病毒'],
  // Optoelectronics, satellites and precision instruments (长光所, 长光卫星)
  ['光电子', '光电'],
  ['激光', 'laser'],
  ['激光雷达', 'lidar'],
  ['遥感', 'remote sensing'],
  ['发光二极管', 'led'],
  ['有机发光二极管', 'oled'],
  ['卫星遥感', '航天遥感'],
  ['光刻', 'lithography'],
  ['传感器', 'sensor'],
  // Materials and chemicals (吉林化纤, 吉化)
  ['碳纤维', 'cf', '碳素纤维'],
  ['石墨烯', 'graphene'],
  ['复合材料', 'composite'],
  ['纳米材料', 'nanomaterial'],
  ['增材制造', '3d打印', '三维打印'],
  ['高分子', '聚合物'],
  ['环氧树脂', 'epoxy'],
  ['稀土', 'rare earth'],
  ['燃料乙醇', '生物乙醇'],
  // Information technology
  ['人工智能', 'ai'],
  ['机器学习', 'machine learning'],
  ['深度学习', 'deep learning'],
  ['神经网络', 'neural network'],
  ['计算机视觉', 'computer vision', '机器视觉'],
  ['图像识别', 'image recognition'],
  ['自然语言处理', 'nlp'],
  ['大数据', 'big data'],
  ['物联网', 'iot'],
  ['云计算', 'cloud computing'],
  ['区块链', 'blockchain'],
  ['集成电路', '芯片', 'ic'],
  ['半导体', 'semiconductor'],
  ['虚拟现实', 'vr'],
  ['无人机', '无人驾驶飞机', 'uav', 'drone'],
  ['机器人', 'robot'],
  ['数控机床', 'cnc'],
  // Energy and environment
  ['光伏', '太阳能电池', '光伏电池'],
  ['风电', '风力发电'],
  ['储能', 'energy storage'],
  ['污水处理', '废水处理'],
  ['节能减排', '节能降耗'],
];

/**
 * Words that carry no meaning in a search of this domain. Deliberately short: 方法, 技术, 系统 and
 * 研究 stay searchable (a user may look for 检测方法), and single characters that start real words
 * (中, 上, 新) are not listed.
 */
export const STOP_WORDS: readonly string[] = [
  // Chinese function words
  '的', '了', '和', '与', '及', '以及', '或', '或者', '等', '之', '其', '及其', '在', '对', '对于',
  '为', '是', '将', '把', '被', '由', '从', '向', '于', '并', '而', '且', '也', '就', '都', '又',
  '这', '那', '这种', '该', '本', '所述', '所', '一个', '一种', '一类', '一套', '基于',
  '用于', '关于', '通过', '采用', '利用', '具有', '包括', '以', '及相关', '之一', '我们', '我',
  // English function words
  'a', 'an', 'the', 'of', 'and', 'or', 'for', 'to', 'in', 'on', 'with', 'by', 'based',
];

/**
 * A Latin abbreviation of a synonym group (cf, pla, led, ai, iot): one word of at most four letters
 * or digits. Ambiguous out of context (cf is carbon fibre and compound fertiliser), so a query is
 * expanded to it only when it is typed: 碳纤维 does not search for "cf", "cf" does find 碳纤维.
 */
/**
 * Instrument names as people shorten them (大型科学仪器共享, `instruments` index only): 电镜 for
 * 电子显微镜, 核磁 for 核磁共振, the English abbreviations of the common techniques.
 */
export const INSTRUMENT_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['电镜', '电子显微镜'],
  ['扫描电镜', '扫描电子显微镜', 'sem'],
  ['透射电镜', '透射电子显微镜', 'tem'],
  ['核磁', '核磁共振', 'nmr'],
  ['x射线衍射仪', 'xrd'],
  ['激光共聚焦显微镜', '共聚焦显微镜'],
  ['质谱仪', '质谱'],
  ['色谱仪', '色谱'],
  ['原子力显微镜', 'afm'],
];

export function isAbbreviation(term: string): boolean {
  return /^[a-z][a-z0-9]{0,3}$/.test(term);
}
