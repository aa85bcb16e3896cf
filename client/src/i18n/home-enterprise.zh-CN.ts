/**
 * Chinese messages of the signed-in home page's blocks (an enterprise's 特派员服务, a member's 科技特派员
 * application) and the commissioner application statuses they show: kept with the home page, which
 * loads no feature catalogue.
 */
export const homeEnterpriseZh = {
  homeEnterprise: {
    title: '特派员服务',
    openRequests: '待配对的服务需求',
    awaitingAnswer: '待我答复的配对',
    awaitingConfirm: '待我确认的服务记录',
    none: '暂无',
    newRequest: '提交服务需求',
    allRequests: '全部需求',
    allPairings: '我的配对',
    entries: '{n} 条待确认',
  },
  cmHome: {
    title: '科技特派员',
    none: '您尚未申请担任科技特派员。“双千行动”面向高校、院所与企业研发人员选派科技特派员，服务全省企业。',
    apply: '立即申请',
    view: '查看申请',
    term: '{term} 年度',
    pairings: '我的结对',
    pairingsCount: '当前结对 {n} 个',
    directory: '特派员名录',
  },
  cmStatus: {
    draft: '草稿',
    awaiting_endorsement: '待所在单位推荐',
    endorsement_declined: '单位未推荐',
    awaiting_review: '待管理部门审核',
    returned: '已退回修改',
    approved: '已获批',
  },
};

export type HomeEnterpriseMessages = typeof homeEnterpriseZh;
