import type { EmailMessage, Messaging, SmsMessage } from '../modules/messaging/messaging';

/** A messaging transport that keeps what was sent, so tests can read codes and notices. */
export class TestOutbox implements Messaging {
  readonly emails: EmailMessage[] = [];
  readonly texts: SmsMessage[] = [];
  readonly mail = { send: (m: EmailMessage) => Promise.resolve(void this.emails.push(m)) };
  readonly sms = { send: (m: SmsMessage) => Promise.resolve(void this.texts.push(m)) };

  /** The last 6-digit code sent to `to` by email or SMS. */
  codeFor(to: string): string | undefined {
    const all = [...this.emails, ...this.texts].filter((m) => m.to === to);
    return all.at(-1)?.text.match(/\b(\d{6})\b/)?.[1];
  }
}
