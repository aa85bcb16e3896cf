/**
 * Chinese labels of the header's navigation: its groups and every entry in them. They live here, in the
 * catalogue every page loads, because the feature catalogues arrive with their pages.
 */
export const headerZh = {
  hdr: {
    resources: '资源服务',
    data: '数据',
    mine: '我的',
    admin: '管理',
    commissioners: '科技特派员',
    intermediaries: '中介服务',
    instruments: '仪器共享',
    financing: '科技金融',
    carriers: '创新载体',
    calls: '项目申报',
    events: '路演活动',
    market: '技术市场',
    plan: '规划目标',
    projects: '立项公示',
    transferIndex: '转化指数',
    shuangqian: '双千行动',
    myPairings: '我的配对',
    intermediaryHome: '中介工作台',
    deals: '我的洽谈',
    applications: '我的申报',
    bookings: '我的预约',
    myInstruments: '本单位仪器',
    myCarriers: '我的载体',
    financingApps: '我的融资申请',
    financingInbox: '融资申请受理',
    financingProducts: '我的金融产品',
    adminCommissioners: '特派员审核',
    adminPairing: '双千配对',
    adminCalls: '项目管理',
    adminCarriers: '载体认定',
    unread: '{n} 条未读',
  },
};

export type HeaderMessages = typeof headerZh;
