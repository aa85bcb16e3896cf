/** Chinese messages of proving the account's email with a code (profile page). */
export const emailVerifyZh = {
  emailVerify: {
    verified: '已验证',
    unverified: '未验证',
    button: '验证邮箱',
    title: '验证邮箱',
    intro: '我们会向 {email} 发送 6 位验证码。邮箱属于已认证机构声明的域名时，加入该机构的申请将自动通过。',
    send: '发送验证码',
    resend: '重新发送',
    sent: '验证码已发送（{minutes} 分钟内有效）',
    code: '验证码',
    codePlaceholder: '6 位数字',
    submit: '验证',
    done: '邮箱已验证',
    joined: '邮箱已验证，已自动加入{org}',
  },
};
