import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * The SMTP server the app under test sends its e-mail to: scripts/test.mjs starts the app with
 * `SMTP_URL=smtp://127.0.0.1:<E2E_SMTP_PORT>` and the journey listens on that port, so what it reads
 * really went through the app's SMTP transport.
 */
export class Mailbox {
  private readonly messages: { to: string[]; parsed: ParsedMail }[] = [];
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks))
            .then((parsed) => {
              this.messages.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed });
              callback();
            })
            .catch((error: unknown) => callback(error as Error));
        });
      },
    });
  }

  static async start(): Promise<Mailbox> {
    const port = Number(process.env.E2E_SMTP_PORT);
    if (!port) throw new Error('E2E_SMTP_PORT is not set: run the browser tests with `npm test -- e2e` (scripts/test.mjs)');
    const mailbox = new Mailbox();
    await new Promise<void>((resolve, reject) => {
      mailbox.server.once('error', reject);
      mailbox.server.listen(port, '127.0.0.1', () => resolve());
    });
    return mailbox;
  }

  /** The first e-mail to `address`, waiting up to 15 s for it to arrive. */
  async next(address: string): Promise<ParsedMail> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = this.messages.find((m) => m.to.includes(address));
      if (found) return found.parsed;
      if (Date.now() > deadline) throw new Error(`no e-mail to ${address} arrived`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
