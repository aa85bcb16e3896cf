import { logger } from '../../lib/logger';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SmsMessage {
  to: string;
  text: string;
}

/** Sends email. Production plugs in an SMTP or provider implementation; development logs. */
export interface Mailer {
  send(msg: EmailMessage): Promise<void>;
}

/** Sends SMS to mainland mobile numbers. Production plugs in a provider; development logs. */
export interface SmsSender {
  send(msg: SmsMessage): Promise<void>;
}

export interface Messaging {
  mail: Mailer;
  sms: SmsSender;
}

/**
 * The console/log transport: messages (codes included) go to the server log, so a developer can
 * complete a password reset without a mail server. Never use it where users are real.
 */
export function logMessaging(): Messaging {
  return {
    mail: {
      send: (msg) => {
        logger().info({ transport: 'log-mail', to: msg.to, subject: msg.subject }, msg.text);
        return Promise.resolve();
      },
    },
    sms: {
      send: (msg) => {
        logger().info({ transport: 'log-sms', to: msg.to }, msg.text);
        return Promise.resolve();
      },
    },
  };
}
