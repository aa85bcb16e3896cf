import type { emailVerifyZh } from './email-verify.zh-CN';

/** English messages of proving the account's email with a code (profile page). */
export const emailVerifyEn: typeof emailVerifyZh = {
  emailVerify: {
    verified: 'Verified',
    unverified: 'Not verified',
    button: 'Verify email',
    title: 'Verify your email',
    intro: "We will send a 6-digit code to {email}. If the address is in a domain declared by a verified organisation, your request to join it is approved automatically.",
    send: 'Send code',
    resend: 'Send again',
    sent: 'Code sent (valid {minutes} minutes)',
    code: 'Code',
    codePlaceholder: '6 digits',
    submit: 'Verify',
    done: 'Your email is verified',
    joined: 'Your email is verified and you joined {org}',
  },
};
