/** Financing (科技金融, issue 16): catalogue, product page and application, fit panel, applications, inbox, my products. */
export const financingZh = {
  fin: {
    nav: '科技金融',
    catalogue: {
      title: '科技金融',
      intro: '银行、担保、保险、融资租赁与创投机构为科技成果转化提供的融资产品：知识产权质押贷款、信用担保、科技保险、融资租赁、创业投资。',
      q: '产品名称', qPlaceholder: '输入产品名称中的字词', kind: '产品类别', city: '适用地区', industry: '适用行业', maturity: '适用成熟度',
      count: '共 {n} 个产品', empty: '没有符合条件的融资产品', mine: '我的融资产品', myApplications: '我的融资申请', inbox: '融资申请收件箱',
    },
    product: {
      notFound: '产品不存在或已下架', withdrawn: '已下架', conditions: '申请条件', amount: '额度', term: '期限', rate: '利率/费率',
      maturities: '成熟度', industries: '行业', cities: '地区', documents: '所需材料', any: '不限', provider: '提供机构',
      applyTitle: '申请该产品', applyHint: '企业成员可以在线提交融资申请，金融机构会在平台上答复。', loginToApply: '登录企业账号后申请',
      onlyEnterprise: '只有企业成员可以申请融资产品', yours: '这是本机构的产品',
    },
    apply: {
      amount: '申请金额（元）', termMonths: '期限（月）', purpose: '资金用途', link: '关联', linkNone: '不关联', linkNeed: '我的需求', linkResult: '成果', linkDeal: '我的洽谈',
      submit: '提交申请', done: '申请已提交，可在“我的融资申请”中查看进展', view: '查看申请',
    },
    fit: {
      title: '融资方案', intro: '根据成熟度、行业、所在地、金额和知识产权状况匹配的融资产品。', fits: '符合条件', nearly: '差一项条件', reasons: '匹配理由', unmet: '未满足',
      empty: '暂时没有合适的融资产品', all: '查看全部融资产品', apply: '去申请',
    },
    apps: {
      mineTitle: '我的融资申请', inboxTitle: '融资申请收件箱', empty: '还没有融资申请', status: '状态', allStatuses: '全部状态',
      amount: '申请金额', applicant: '申请企业', provider: '金融机构', updated: '更新时间', product: '产品', open: '查看',
    },
    app: {
      title: '融资申请', notFound: '申请不存在', purpose: '资金用途', link: '关联', terms: '批准条件', termsText: '{amount}，{months} 个月，{rate}',
      thread: '往来记录', review: '受理审核', requestInfo: '请求补充材料', approve: '批准', decline: '谢绝', reply: '回复', withdraw: '撤回申请',
      note: '说明', notePlaceholder: '写给对方的说明', reasonRequired: '请写明原因', termsAmount: '批准金额（元）', termsMonths: '期限（月）', termsRate: '利率/费率',
      send: '发送', sent: '已发送', withdrawConfirm: '确定撤回这份融资申请吗？', closed: '申请已结束',
      steps: { apply: '提交申请', review: '受理审核', request_info: '请求补充材料', approve: '批准', decline: '谢绝', reply: '回复', withdraw: '撤回' },
      files: '附件', filesHint: '商业计划书、财务报表等（PDF、DOCX、XLSX、PNG、JPG），仅申请企业与金融机构可下载', filesEmpty: '暂无附件', fileRemove: '删除', fileAdd: '上传附件',
      documents: { business_plan: '商业计划书', financial_statements: '财务报表', other: '其他材料' },
      sides: { applicant: '申请方', provider: '金融机构' },
    },
    mine: {
      title: '我的融资产品', kind: '机构类别', kindHint: '选择本机构的类别，显示在产品旁', kindSaved: '已保存机构类别', add: '发布产品', edit: '修改', withdraw: '下架',
      withdrawConfirm: '确定下架该产品吗？已有的申请不受影响。', saved: '已保存', empty: '本机构还没有发布融资产品', notFinancial: '只有金融机构的成员可以发布融资产品',
      form: {
        kind: '产品类别', title: '产品名称', description: '产品介绍', maturities: '适用成熟度（不选为不限）', industries: '适用行业（不选为不限）', cities: '适用地区（不选为不限）',
        amountMin: '最低额度（元）', amountMax: '最高额度（元）', termMonthsMin: '最短期限（月）', termMonthsMax: '最长期限（月）', rateText: '利率/费率说明',
        documents: '所需材料（每行一项）', save: '保存', cancel: '取消',
      },
    },
  },
};
