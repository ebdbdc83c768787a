import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  /** the envelope's recipients */
  to: string[];
  parsed: ParsedMail;
  raw: string;
}

/**
 * An SMTP server of the test's own, on a free port of 127.0.0.1: the app under test gets
 * `SMTP_URL: mailbox.url` and the test reads what really arrived over SMTP.
 */
export class TestMailbox {
  readonly messages: ReceivedMessage[] = [];
  private waiters: (() => void)[] = [];

  private readonly server: SMTPServer;
  private port = 0;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              this.receive({ to: session.envelope.rcptTo.map((r) => r.address), parsed, raw: raw.toString('utf8') });
              callback();
            })
            .catch((error: unknown) => callback(error as Error));
        });
      },
    });
  }

  /** For the app under test: `SMTP_URL: mailbox.url`. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<TestMailbox> {
    const mailbox = new TestMailbox();
    await new Promise<void>((resolve, reject) => {
      mailbox.server.once('error', reject);
      mailbox.server.listen(0, '127.0.0.1', () => resolve());
    });
    mailbox.port = (mailbox.server.server.address() as AddressInfo).port;
    return mailbox;
  }

  /** The first message to `address` after the first `skip` of them, waiting for it to arrive (up to `timeoutMs`). */
  async next(address: string, skip = 0, timeoutMs = 15_000): Promise<ReceivedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(address)[skip];
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no e-mail to ${address} arrived within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  to(address: string): ReceivedMessage[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(message: ReceivedMessage): void {
    this.messages.push(message);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The reset link of a message's plain text. */
export function resetLinkOf(message: ReceivedMessage): URL {
  const match = /https?:\/\/\S+\/reimposta-password\?token=[A-Za-z0-9_-]+/.exec(message.parsed.text ?? '');
  if (!match) throw new Error(`no reset link in: ${message.parsed.text}`);
  return new URL(match[0]);
}
