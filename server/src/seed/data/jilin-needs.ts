/**
 * Demo technology needs (技术需求) in Jilin's industries as the provincial plan names them: automobiles,
 * petrochemicals, corn processing, pharmaceuticals and 人参, opto-electronics, carbon fibre, rail
 * vehicles, metallurgy, building materials, agriculture. Enterprises are fictional; the problems are
 * typical of each industry. Budgets are in yuan; `null` budgets are 面议.
 */
export interface DemoNeed {
  enterprise: string;
  city: string;
  title: string;
  problem: string;
  desiredOutcome: string;
  keywords: string[];
  industry: string;
  discipline: string;
  budget: [number, number] | null;
  cooperationModes: string[];
  deadlineMonths: number;
}

export const DEMO_ENTERPRISES: { name: string; city: string; body: string }[] = [
  { name: '长春宏远汽车零部件有限公司', city: '220100', body: 'MA0KJ0001' },
  { name: '吉林市江城碳纤维复合材料有限公司', city: '220200', body: 'MA0KJ0002' },
  { name: '长春华光光电科技有限公司', city: '220100', body: 'MA0KJ0003' },
  { name: '通化长白山参业药业有限公司', city: '220500', body: 'MA0KJ0004' },
  { name: '松原金穗玉米生物科技有限公司', city: '220700', body: 'MA0KJ0005' },
  { name: '四平东北换热装备有限公司', city: '220300', body: 'MA0KJ0006' },
  { name: '吉林市北方石化新材料有限公司', city: '220200', body: 'MA0KJ0007' },
  { name: '延边长白山绿色食品有限公司', city: '222400', body: 'MA0KJ0008' },
  { name: '白城绿能风电装备有限公司', city: '220800', body: 'MA0KJ0009' },
  { name: '长春轨道交通装备配套有限公司', city: '220100', body: 'MA0KJ0010' },
  { name: '辽源袜业智能制造有限公司', city: '220400', body: 'MA0KJ0011' },
  { name: '白山硅藻土新材料有限公司', city: '220600', body: 'MA0KJ0012' },
];

const E = (i: number) => DEMO_ENTERPRISES[i]!;

export const DEMO_NEEDS: DemoNeed[] = [
  {
    enterprise: E(0).name, city: E(0).city,
    title: '新能源汽车电池包轻量化铝合金壳体一体化压铸工艺',
    problem: '公司为主机厂配套生产电池包下壳体，目前采用多件冲压焊接结构，零件数量多、焊缝长，单件重量约38公斤，气密性一次合格率仅92%，焊接变形导致后续机加工余量大。主机厂要求下一代平台壳体减重15%以上并提高气密性，我们缺少大型一体化压铸的模具设计、工艺仿真和热处理经验。',
    desiredOutcome: '形成一体化压铸壳体方案：减重不低于15%，气密性一次合格率达到99%，压铸件内部缺陷满足X射线二级标准，完成小批量试制500件。',
    keywords: ['一体化压铸', '铝合金', '电池包壳体', '轻量化', '新能源汽车'],
    industry: 'C36', discipline: '460', budget: [2_000_000, 5_000_000], cooperationModes: ['co_development', 'commissioned'], deadlineMonths: 12,
  },
  {
    enterprise: E(0).name, city: E(0).city,
    title: '汽车线束连接器端子镀层微动磨损失效分析与改进',
    problem: '车载线束连接器在振动工况下出现接触电阻升高，售后返修集中在发动机舱高温区域。初步判断为镀锡端子微动腐蚀，但缺少失效分析手段和加速试验方法，无法定量评估改进镀层的寿命。',
    desiredOutcome: '建立微动磨损加速试验方法，明确失效机理；提出镀层或润滑改进方案，使接触电阻在10万次微动循环后增幅小于5毫欧。',
    keywords: ['连接器', '微动磨损', '镀层', '接触电阻', '汽车电子'],
    industry: 'C36', discipline: '430', budget: [300_000, 800_000], cooperationModes: ['service', 'joint_research'], deadlineMonths: 8,
  },
  {
    enterprise: E(1).name, city: E(1).city,
    title: '大丝束碳纤维低成本预氧化工艺与能耗优化',
    problem: '公司以吉林化纤体系原丝生产48K大丝束碳纤维，预氧化工序时间长、能耗占全线40%以上，且纤维径向结构不均导致强度离散大。希望在不更换主设备的前提下优化温度梯度和牵伸制度。',
    desiredOutcome: '预氧化时间缩短20%，单位能耗下降15%，碳纤维拉伸强度CV值低于5%，拉伸强度稳定在4.5GPa以上。',
    keywords: ['碳纤维', '大丝束', '预氧化', '节能', '原丝'],
    industry: 'C28', discipline: '430', budget: [1_000_000, 3_000_000], cooperationModes: ['co_development', 'joint_research'], deadlineMonths: 18,
  },
  {
    enterprise: E(1).name, city: E(1).city,
    title: '碳纤维复合材料风电叶片主梁拉挤板在线缺陷检测',
    problem: '拉挤板生产中存在干纱、气泡、纤维褶皱等缺陷，目前依靠离线超声抽检，漏检率高，缺陷板流入叶片厂造成质量索赔。',
    desiredOutcome: '开发在线检测系统，对宽度100mm以上拉挤板实现实时检测，缺陷检出率不低于95%，误报率低于3%，线速度不低于0.8米/分钟。',
    keywords: ['碳纤维复合材料', '拉挤', '缺陷检测', '机器视觉', '风电叶片'],
    industry: 'C28', discipline: '413', budget: [500_000, 1_500_000], cooperationModes: ['commissioned', 'transfer'], deadlineMonths: 10,
  },
  {
    enterprise: E(2).name, city: E(2).city,
    title: '车载激光雷达用905nm半导体激光器芯片散热封装',
    problem: '我公司生产车载激光雷达发射模组，905nm脉冲激光器在高温85℃工况下输出功率衰减超过25%，现有TO封装热阻偏高，影响测距性能和寿命。',
    desiredOutcome: '提出低热阻封装方案，85℃下峰值功率衰减小于10%，通过AEC-Q102可靠性验证，具备年产10万只的工艺条件。',
    keywords: ['激光雷达', '半导体激光器', '封装', '散热', '光电子'],
    industry: 'C39', discipline: '510', budget: null, cooperationModes: ['license', 'co_development'], deadlineMonths: 12,
  },
  {
    enterprise: E(2).name, city: E(2).city,
    title: '小型化高光谱成像仪用于黑土地土壤养分快速检测',
    problem: '面向黑土地保护与精准施肥，需要田间快速检测土壤有机质、全氮含量。现有实验室化学分析周期长、成本高，公司希望开发便携式高光谱检测设备及反演模型。',
    desiredOutcome: '样机重量小于3公斤，有机质反演精度R²不低于0.85，单点检测时间小于1分钟，在吉林中部黑土区完成500个样点验证。',
    keywords: ['高光谱', '黑土地', '土壤养分', '反演模型', '精准农业'],
    industry: 'C40', discipline: '170', budget: [800_000, 2_000_000], cooperationModes: ['co_development', 'transfer'], deadlineMonths: 15,
  },
  {
    enterprise: E(3).name, city: E(3).city,
    title: '人参皂苷稀有单体Rg3、CK的酶法定向转化与纯化',
    problem: '公司以长白山人参为原料生产保健食品，稀有人参皂苷Rg3、CK天然含量极低，现有酸水解工艺副产物多、收率低于5%，纯度达不到原料药要求。',
    desiredOutcome: '建立酶法或微生物转化工艺，CK转化收率达到30%以上，纯度≥98%，完成百公斤级中试，形成可申报的工艺文件。',
    keywords: ['人参', '人参皂苷', '稀有皂苷', '酶转化', '纯化'],
    industry: 'C27', discipline: '350', budget: [1_500_000, 4_000_000], cooperationModes: ['transfer', 'co_development'], deadlineMonths: 24,
  },
  {
    enterprise: E(3).name, city: E(3).city,
    title: '中药配方颗粒指纹图谱与质量一致性评价',
    problem: '配方颗粒国家标准实施后，需对30个品种建立特征图谱并保证批间一致性，公司质量部门缺少方法学开发和数据分析能力。',
    desiredOutcome: '完成30个品种特征图谱方法建立与验证，建立批间相似度评价模型，相似度不低于0.90，协助完成备案资料。',
    keywords: ['中药配方颗粒', '指纹图谱', '质量控制', '中医药', '一致性评价'],
    industry: 'C27', discipline: '360', budget: [500_000, 1_200_000], cooperationModes: ['service', 'commissioned'], deadlineMonths: 9,
  },
  {
    enterprise: E(4).name, city: E(4).city,
    title: '玉米秸秆纤维素乙醇预处理与酶解降本',
    problem: '公司拥有玉米深加工生产线，计划利用周边秸秆资源生产纤维素乙醇。现有稀酸预处理产生抑制物多，纤维素酶用量高，吨乙醇酶成本超过1500元，无法盈利。',
    desiredOutcome: '预处理后酶解糖化率达到85%以上，吨乙醇酶成本降至600元以下，完成千吨级中试验证。',
    keywords: ['玉米秸秆', '纤维素乙醇', '预处理', '酶解', '生物质'],
    industry: 'C26', discipline: '530', budget: [3_000_000, 8_000_000], cooperationModes: ['joint_research', 'co_development'], deadlineMonths: 24,
  },
  {
    enterprise: E(4).name, city: E(4).city,
    title: '玉米淀粉基聚乳酸（PLA）改性及耐热餐具应用',
    problem: '公司具备乳酸产能，拟延伸到聚乳酸制品。PLA耐热性差（热变形温度约55℃），做成餐具盛装热食易变形，结晶速度慢影响注塑效率。',
    desiredOutcome: '改性PLA热变形温度提高到100℃以上，注塑周期小于40秒，制品通过食品接触材料检测，形成配方与工艺包。',
    keywords: ['聚乳酸', 'PLA', '玉米淀粉', '可降解材料', '改性'],
    industry: 'C29', discipline: '430', budget: [800_000, 2_000_000], cooperationModes: ['transfer', 'license'], deadlineMonths: 12,
  },
  {
    enterprise: E(5).name, city: E(5).city,
    title: '板式换热器钎焊板片耐腐蚀涂层及寿命评估',
    problem: '出口化工用板式换热器在含氯介质中出现点蚀穿孔，现有不锈钢板片成本高，希望通过表面涂层或新材料提高耐蚀性并建立寿命预测方法。',
    desiredOutcome: '涂层板片在3.5%NaCl、80℃条件下耐蚀寿命提高2倍以上，传热系数下降不超过5%，提供寿命评估模型。',
    keywords: ['板式换热器', '耐腐蚀', '涂层', '寿命评估', '钎焊'],
    industry: 'C34', discipline: '430', budget: [400_000, 1_000_000], cooperationModes: ['co_development'], deadlineMonths: 12,
  },
  {
    enterprise: E(6).name, city: E(6).city,
    title: '乙烯裂解炉管结焦在线监测与清焦周期预测',
    problem: '裂解炉炉管结焦导致传热效率下降、能耗升高，清焦周期凭经验确定，过早清焦影响产量，过晚存在炉管超温风险。',
    desiredOutcome: '利用炉管表面温度、压降等数据建立结焦预测模型，清焦周期预测误差小于3天，运行周期平均延长10%。',
    keywords: ['乙烯裂解', '结焦', '预测模型', '石油化工', '工业大数据'],
    industry: 'C25', discipline: '530', budget: [1_000_000, 2_500_000], cooperationModes: ['commissioned', 'service'], deadlineMonths: 12,
  },
  {
    enterprise: E(6).name, city: E(6).city,
    title: '高性能丙烯腈基碳纤维原丝用共聚单体国产化',
    problem: '原丝聚合所需衣康酸等共聚单体依赖进口，价格波动大、供货周期长，希望开发国产替代产品并验证对原丝质量的影响。',
    desiredOutcome: '国产单体纯度≥99.5%，在原丝中试线验证原丝强度、纤度CV值与进口单体相当，成本降低20%。',
    keywords: ['丙烯腈', '共聚单体', '碳纤维原丝', '国产化', '聚合'],
    industry: 'C26', discipline: '150', budget: null, cooperationModes: ['transfer', 'co_development'], deadlineMonths: 18,
  },
  {
    enterprise: E(7).name, city: E(7).city,
    title: '长白山蓝莓、黑木耳冷链保鲜与深加工',
    problem: '延边地区蓝莓、黑木耳产量大但采后损耗率高达20%，产品以初级原料销售为主，附加值低，缺少保鲜和功能性食品加工技术。',
    desiredOutcome: '蓝莓冷藏期延长到45天且损耗率低于5%；开发2—3个黑木耳多糖功能食品，完成产品标准备案。',
    keywords: ['蓝莓', '黑木耳', '冷链保鲜', '食品深加工', '多糖'],
    industry: 'C14', discipline: '550', budget: [300_000, 800_000], cooperationModes: ['transfer', 'service'], deadlineMonths: 10,
  },
  {
    enterprise: E(7).name, city: E(7).city,
    title: '人参林下种植病害绿色防控技术',
    problem: '林下参种植中锈腐病、立枯病发生普遍，化学农药使用受限，影响产品有机认证。',
    desiredOutcome: '形成以生物防治为主的综合防控方案，发病率降低50%以上，在500亩林下参基地示范。',
    keywords: ['人参', '林下种植', '病害防控', '生物防治', '有机农业'],
    industry: 'A', discipline: '210', budget: [200_000, 500_000], cooperationModes: ['service', 'joint_research'], deadlineMonths: 12,
  },
  {
    enterprise: E(8).name, city: E(8).city,
    title: '低温高寒地区风电机组叶片覆冰监测与除冰',
    problem: '白城地区冬季风电机组叶片覆冰导致停机和出力损失，年损失电量约3%，现有电加热除冰能耗高。',
    desiredOutcome: '实现覆冰早期识别（准确率≥90%），除冰能耗降低30%，在5台机组完成一个冬季示范运行。',
    keywords: ['风电', '叶片覆冰', '除冰', '状态监测', '新能源'],
    industry: 'D', discipline: '470', budget: [1_000_000, 3_000_000], cooperationModes: ['co_development', 'commissioned'], deadlineMonths: 14,
  },
  {
    enterprise: E(8).name, city: E(8).city,
    title: '风光制氢电解槽宽功率波动适应性控制',
    problem: '公司规划风光耦合制氢项目，碱性电解槽在新能源功率大幅波动时效率下降、启停频繁，影响寿命和氢气纯度。',
    desiredOutcome: '电解槽在20%—110%负荷范围稳定运行，负荷响应时间小于5秒，氢气纯度≥99.9%，系统效率提高5%。',
    keywords: ['制氢', '电解槽', '风光耦合', '功率波动', '氢能'],
    industry: 'D', discipline: '480', budget: null, cooperationModes: ['joint_research', 'equity'], deadlineMonths: 24,
  },
  {
    enterprise: E(9).name, city: E(9).city,
    title: '轨道客车转向架焊接构架残余应力控制与疲劳评估',
    problem: '为主机厂配套的转向架构架焊缝多，焊后残余应力大，疲劳试验中个别焊趾出现裂纹，需要优化焊接顺序和消应力工艺。',
    desiredOutcome: '关键焊缝残余应力降低30%，构架通过1000万次疲劳试验无裂纹，形成焊接工艺规范。',
    keywords: ['转向架', '焊接', '残余应力', '疲劳', '轨道客车'],
    industry: 'C37', discipline: '460', budget: [600_000, 1_500_000], cooperationModes: ['service', 'co_development'], deadlineMonths: 12,
  },
  {
    enterprise: E(9).name, city: E(9).city,
    title: '动车组车内噪声源识别与降噪材料',
    problem: '时速350公里动车组车厢内中高频噪声超标，主要来源难以区分，现有吸隔声材料增重明显。',
    desiredOutcome: '完成噪声源识别与传递路径分析，开发面密度降低20%的复合隔声材料，车内噪声降低3dB(A)。',
    keywords: ['车内噪声', '声源识别', '隔声材料', '动车组', '减振降噪'],
    industry: 'C37', discipline: '140', budget: [800_000, 2_000_000], cooperationModes: ['joint_research', 'commissioned'], deadlineMonths: 15,
  },
  {
    enterprise: E(10).name, city: E(10).city,
    title: '袜机生产数据采集与智能排产系统',
    problem: '公司有800台电脑袜机，设备品牌多、协议不统一，生产数据靠人工记录，订单排产靠经验，交期达成率不足80%。',
    desiredOutcome: '实现全部设备联网数据采集，开发智能排产系统，交期达成率提升到95%，设备综合效率提升10%。',
    keywords: ['智能制造', '数据采集', '排产', '工业互联网', '纺织'],
    industry: 'C17', discipline: '520', budget: [500_000, 1_200_000], cooperationModes: ['commissioned', 'service'], deadlineMonths: 8,
  },
  {
    enterprise: E(11).name, city: E(11).city,
    title: '硅藻土功能化改性用于新型墙体调湿材料',
    problem: '白山硅藻土储量丰富但多作低端助滤剂销售。公司希望开发调湿、净化甲醛的功能墙材，目前改性工艺不稳定，产品强度不足。',
    desiredOutcome: '调湿材料吸放湿量达到JC/T 2082标准一级，甲醛净化效率≥80%，抗折强度满足墙材要求，建成中试线。',
    keywords: ['硅藻土', '调湿材料', '甲醛净化', '功能墙材', '非金属矿'],
    industry: 'C30', discipline: '430', budget: [300_000, 900_000], cooperationModes: ['transfer', 'co_development'], deadlineMonths: 12,
  },
  {
    enterprise: E(0).name, city: E(0).city,
    title: '基于机器视觉的汽车零部件表面缺陷自动检测',
    problem: '冲压件和压铸件表面划伤、凹坑、气孔依靠人工目检，每班需12名检验员，漏检率约2%，主机厂要求实现自动检测并可追溯。',
    desiredOutcome: '检测节拍不大于6秒/件，缺陷检出率≥98%，误检率≤2%，系统与MES对接实现质量追溯。',
    keywords: ['机器视觉', '缺陷检测', '深度学习', '汽车零部件', '质量追溯'],
    industry: 'C36', discipline: '520', budget: [400_000, 1_000_000], cooperationModes: ['commissioned', 'transfer'], deadlineMonths: 6,
  },
  {
    enterprise: E(4).name, city: E(4).city,
    title: '玉米加工副产物玉米浆、玉米蛋白粉高值化利用',
    problem: '玉米淀粉生产副产大量玉米蛋白粉和玉米浆，目前多低价作饲料，希望开发玉米肽等高附加值产品。',
    desiredOutcome: '开发玉米低聚肽生产工艺，肽得率≥60%，分子量1000Da以下占比≥85%，完成食品原料备案所需资料。',
    keywords: ['玉米深加工', '玉米蛋白', '玉米肽', '副产物利用', '酶解'],
    industry: 'C13', discipline: '550', budget: [1_000_000, 2_500_000], cooperationModes: ['transfer', 'license'], deadlineMonths: 12,
  },
  {
    enterprise: E(2).name, city: E(2).city,
    title: '遥感卫星影像农作物长势监测与估产服务',
    problem: '面向保险和农业企业客户，需要对吉林省玉米、水稻种植区进行长势监测和产量预估，现有模型精度不足，难以满足理赔需求。',
    desiredOutcome: '县级玉米估产误差小于5%，长势监测每10天更新一次，建立可对外服务的数据平台。',
    keywords: ['遥感', '卫星影像', '估产', '农作物', '人工智能'],
    industry: 'I', discipline: '420', budget: [500_000, 1_500_000], cooperationModes: ['co_development', 'service'], deadlineMonths: 9,
  },
  {
    enterprise: E(5).name, city: E(5).city,
    title: '工业余热回收用高效换热器设计与仿真',
    problem: '钢铁、化工客户希望回收200℃以下低温烟气余热，现有换热器易积灰、压降大，设计主要依靠经验公式。',
    desiredOutcome: '建立CFD仿真设计方法，新结构换热效率提高15%，压降降低20%，完成2个工程示范。',
    keywords: ['余热回收', '换热器', 'CFD仿真', '节能', '低温烟气'],
    industry: 'C34', discipline: '470', budget: [300_000, 700_000], cooperationModes: ['service', 'commissioned'], deadlineMonths: 8,
  },
  {
    enterprise: E(3).name, city: E(3).city,
    title: '胰岛素类似物生物药连续化纯化工艺',
    problem: '生物药纯化环节批次式层析收率低、填料成本高，产能扩大后纯化成为瓶颈。',
    desiredOutcome: '建立连续层析纯化工艺，总收率提高10个百分点，填料成本降低30%，产品质量符合药典要求。',
    keywords: ['生物药', '连续层析', '纯化工艺', '胰岛素', '生物制药'],
    industry: 'C27', discipline: '350', budget: null, cooperationModes: ['co_development', 'talent'], deadlineMonths: 18,
  },
  {
    enterprise: E(6).name, city: E(6).city,
    title: '化工园区VOCs泄漏检测与溯源',
    problem: '园区内企业多、装置密集，VOCs无组织排放难以定位，环保督查压力大。',
    desiredOutcome: '构建园区VOCs监测网络与溯源算法，泄漏点定位误差小于50米，报警响应时间小于10分钟。',
    keywords: ['VOCs', '泄漏检测', '溯源', '环境监测', '化工园区'],
    industry: 'N', discipline: '610', budget: [800_000, 2_000_000], cooperationModes: ['commissioned', 'service'], deadlineMonths: 10,
  },
  {
    enterprise: E(10).name, city: E(10).city,
    title: '抗菌除臭功能纤维在袜品中的应用',
    problem: '高端袜品需要持久抗菌除臭功能，后整理方式耐洗性差，洗涤20次后抗菌率下降明显。',
    desiredOutcome: '开发功能纤维或纺丝改性方案，洗涤50次后抑菌率仍≥90%，成本增加不超过10%。',
    keywords: ['抗菌纤维', '功能纺织品', '除臭', '耐洗性', '袜品'],
    industry: 'C17', discipline: '540', budget: [200_000, 600_000], cooperationModes: ['transfer', 'license'], deadlineMonths: 9,
  },
  {
    enterprise: E(11).name, city: E(11).city,
    title: '矿山尾矿综合利用制备建筑骨料',
    problem: '矿区堆存尾矿约百万吨，占地并有环境风险，希望制备建筑骨料或免烧砖实现消纳。',
    desiredOutcome: '尾矿掺量≥70%的免烧砖强度达到MU15，放射性与浸出毒性合格，形成年产10万吨的工艺方案。',
    keywords: ['尾矿', '综合利用', '建筑骨料', '免烧砖', '固废'],
    industry: 'C30', discipline: '440', budget: [500_000, 1_500_000], cooperationModes: ['transfer', 'co_development'], deadlineMonths: 12,
  },
  {
    enterprise: E(9).name, city: E(9).city,
    title: '轨道车辆关键部件数字孪生与预测性维护',
    problem: '运维客户要求对车辆走行部关键部件实现状态评估和剩余寿命预测，公司缺少建模和算法团队。',
    desiredOutcome: '建立轴承、齿轮箱数字孪生模型，故障预警提前量≥7天，误报率低于5%。',
    keywords: ['数字孪生', '预测性维护', '故障诊断', '轨道交通', '剩余寿命'],
    industry: 'C37', discipline: '413', budget: [1_000_000, 3_000_000], cooperationModes: ['co_development', 'talent'], deadlineMonths: 18,
  },
  {
    enterprise: E(7).name, city: E(7).city,
    title: '延边黄牛肉品质分级与冷鲜肉保质期延长',
    problem: '延边黄牛肉品牌溢价高但分级靠人工经验，冷鲜肉货架期仅7天，限制了向南方市场销售。',
    desiredOutcome: '建立基于图像的大理石花纹自动分级方法（准确率≥90%），冷鲜肉货架期延长到21天。',
    keywords: ['延边黄牛', '肉品分级', '冷鲜肉', '保鲜', '图像识别'],
    industry: 'C13', discipline: '550', budget: [300_000, 900_000], cooperationModes: ['service', 'transfer'], deadlineMonths: 10,
  },
];
