/** Chinese messages of account recovery (/forgot-password) and the administrators' account list. */
const account = {
  forgotLink: '忘记密码？',
  forgotTitle: '找回密码',
  forgotSubtitle: '输入注册时的邮箱或手机号，我们会发送 6 位验证码。',
  sendCode: '发送验证码',
  resend: '重新发送',
  codeSent: '如果该账号存在，验证码已发送到对应的邮箱或手机（{minutes} 分钟内有效）。',
  setTitle: '设置密码',
  codeFromLink: '验证码已从邮件中的链接填入，请设置您的密码。',
  code: '验证码',
  codePlaceholder: '6 位数字',
  newPassword: '新密码',
  resetSubmit: '重置密码',
  resetDone: '密码已重置，账号已解锁，请用新密码登录',
  backToLogin: '返回登录',
};

const users = {
  tab: '用户账号',
  filter: '邮箱 / 手机号 / 姓名',
  colName: '姓名',
  colEmail: '邮箱',
  colPhone: '手机号',
  colRole: '身份',
  colOrg: '所在机构',
  colState: '状态',
  colLastLogin: '最近登录',
  stateActive: '正常',
  stateLocked: '登录已锁定',
  stateDisabled: '已停用',
  never: '从未登录',
  unlock: '解锁',
  disable: '停用',
  enable: '启用',
  unlockDone: '已解锁，用户可以立即登录',
  disableConfirm: '停用后，{name} 将立即退出所有设备并无法登录，直到重新启用。确定停用？',
  disableDone: '账号已停用',
  enableDone: '账号已启用',
};

export const accountZh = { account, adminUsers: users };
