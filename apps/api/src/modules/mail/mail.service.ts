import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { type LocalMailbox, startLocalMailbox } from './local-mailbox';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** the message's language (Content-Language) */
  language: string;
}

/**
 * Sends the app's e-mails over SMTP with nodemailer: to `SMTP_URL` (required in production), or,
 * without it, to a local SMTP server started in this process on first use (local-mailbox.ts), which
 * keeps each message under `TRAMA_DATA_DIR/mail/` and logs its links.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transport?: Promise<Transporter>;
  private mailbox?: LocalMailbox;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(mail: OutgoingMail): Promise<void> {
    const transport = await (this.transport ??= this.createTransport());
    await transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const transport = await this.transport?.catch(() => undefined);
    transport?.close();
    await this.mailbox?.close();
  }

  private async createTransport(): Promise<Transporter> {
    if (this.config.smtpUrl) return createTransport(this.config.smtpUrl);
    if (this.config.isProduction) throw new Error('SMTP_URL is required in production'); // config refuses to boot without it
    const dir = join(this.config.dataDir, 'mail');
    this.mailbox = await startLocalMailbox(dir, (mail) =>
      this.logger.log(`local mailbox: "${mail.subject}" to ${mail.to.join(', ')} kept in ${mail.file}; links: ${mail.links.join(' ')}`),
    );
    this.logger.log(`no SMTP_URL: e-mails go to a local SMTP server on 127.0.0.1:${this.mailbox.port}, kept under ${dir}`);
    return createTransport({ host: '127.0.0.1', port: this.mailbox.port, secure: false, ignoreTLS: true });
  }
}
