/** Chinese messages of the home page's search, counts and latest listings, and of labels for codes. */
export const firstZh = {
  homeFeed: {
    searchTitle: '找成果、找需求',
    searchHint: '输入关键词，如 人参、碳纤维、玉米深加工、汽车电子、光电子',
    stats: { results: '科技成果', needs: '技术需求', orgs: '认证机构' },
    latestResults: '最新成果',
    latestNeeds: '最新需求',
    more: '查看全部',
    empty: '暂无',
    cityCount: '{n} 项',
    citiesTitle: '按地区浏览',
  },
  navExtra: { more: '更多', langShort: 'EN' },
  auditTargets: { org: '机构', user: '用户', result: '科技成果', need: '技术需求', gone: '已删除' },
  auditDetail: { title: '标题', name: '名称', note: '备注', verified: '认证', uscc: '统一社会信用代码', reason: '原因', email: '邮箱', decision: '决定' },
  auditValues: { yes: '是', no: '否' },
  titles: {
    search: '“{q}”的搜索结果',
  },
};
