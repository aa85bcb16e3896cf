/** Chinese messages of roadshows and expos (issue 16): the list, the event page, the organiser console, my schedule. */
export const eventsZh = {
  ev: {
    kind: { roadshow: '路演', expo: '展会', online: '线上发布' },
    state: { draft: '草稿', published: '报名中', registration_closed: '报名截止', held: '已举办', closed: '已结束', cancelled: '已取消' },
    next: { published: '发布活动（开放报名）', registration_closed: '截止报名', held: '标记为已举办', closed: '结束活动' },
    reason: {
      enterprise_busy: '企业在所有空余时段均已有洽谈', presenter_busy: '成果方在企业空闲的时段均已有洽谈', tables_full: '双方都空闲的时段已无空桌',
      same_org: '企业与成果方为同一机构', taken: '并发排程占用了该时段，请重新排程',
    },
    list: {
      title: '路演与展会', intro: '科技成果路演、展会对接和线上发布：报名参会，选择想对接的成果，平台安排一对一洽谈。',
      upcoming: '即将举办', past: '往期活动', mine: '我组织的', empty: '暂无活动', create: '创建活动', registrations: '{n} 家企业报名', results: '{n} 项成果',
    },
    detail: {
      cancelled: '活动已取消',
      when: '时间', place: '地点', stream: '直播链接', organiser: '主办', programme: '路演成果', slots: '洽谈安排：每场 {m} 分钟，{t} 张洽谈桌，共 {n} 个时段',
      register: '报名对接', picks: '选择想对接的成果', note: '备注（可选）', submit: '提交报名', registered: '本企业已报名，意向成果：', registeredOk: '报名成功',
      mySchedule: '我的洽谈日程', console: '活动管理', edit: '编辑活动', presenterTitle: '报名对接本机构成果的企业', presenterEmpty: '暂无企业选择本机构的成果',
      signIn: '企业成员登录后可报名', onlyEnterprises: '仅企业成员可报名对接', closed: '报名已截止',
    },
    console: {
      cancelEvent: '取消活动', cancelEventPrompt: '取消后将删除全部洽谈安排，并通知已报名的 {n} 家企业和路演成果方。请说明取消原因（会发送给他们）：',
      cancelEventPromptNone: '请说明取消原因（已发布的活动会把原因通知路演成果方）：',
      cancelEventReason: '例如：场地临时调整，活动延期另行通知', cancelEventReasonRequired: '请填写取消原因（至少 2 个字）', cancelledEvent: '活动已取消，已通知报名企业和成果方',
      title: '活动管理', registrations: '报名企业', noRegistrations: '暂无企业报名', run: '运行排程', running: '正在排程…', publish: '发布日程', export: '导出 Excel',
      runDone: '新排 {n} 场洽谈，保留 {k} 场', unscheduled: '未能安排的对接意向', schedule: '洽谈日程（时段 × 洽谈桌）', empty: '日程中还没有洽谈',
      published: '日程已发布', unpublished: '日程未发布', moveHint: '已选中一场洽谈：点击空位移动到该处', cancel: '取消', move: '移动', cancelled: '已取消该场洽谈',
      moved: '已移动', publishedOk: '日程已发布，已通知双方', slot: '时段', table: '{n} 号桌', confirmNext: '确定要“{s}”吗？',
    },
    mine: {
      title: '我的洽谈日程', empty: '暂无安排', notPublished: '组织方尚未发布洽谈日程', counterpart: '对接方', result: '成果', time: '时间', table: '洽谈桌',
      interested: '有意向', notInterested: '无意向', interestHint: '活动结束后，请标记是否有进一步合作意向；企业表达意向后将开启洽谈室。', deal: '进入洽谈室',
      you: '您的意向：', yes: '有意向', no: '无意向', none: '未标记',
    },
    form: {
      title: '创建活动', kind: '类型', name: '活动名称', description: '活动介绍', place: '地点', stream: '直播链接', day: '日期', from: '开始', to: '结束',
      slotMinutes: '每场洽谈（分钟）', tables: '洽谈桌数', programme: '路演成果', search: '搜索已发布的成果', add: '加入', remove: '移除', save: '保存草稿', saved: '活动已创建（草稿）',
      editTitle: '编辑活动', update: '保存修改', updated: '活动已更新', sessions: '活动时间（可多场）', addSession: '添加一场', picked: '已有企业选择，不能移出',
      notEditable: '报名截止后不能再修改活动', registrants: '已有 {n} 家企业报名：它们选择的成果不能移出路演；修改时间或地点后，平台会通知这些企业。',
      slotsLocked: '已排洽谈日程：活动时间和每场洽谈时长已锁定，洽谈桌只能增加（至少 {n} 张）。如需调整时间，请先在活动管理中取消相关洽谈。',
    },
  },
};
export type EventsMessages = typeof eventsZh;
