import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the local mailbox tells about each message it keeps. */
export interface ReceivedMail {
  file: string;
  to: string[];
  subject: string;
  links: string[];
}

export interface LocalMailbox {
  port: number;
  close(): Promise<void>;
}

/** The http(s) links of a plain-text body (a reset link, for the developer to follow). */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
}

/**
 * A real SMTP server inside the process, for development and tests without SMTP_URL: it listens on
 * a free port of 127.0.0.1 only (no authentication, no TLS: nothing leaves the machine), keeps
 * every message as an .eml file under `dir`, and reports it (recipients, subject, links) so that
 * the log shows the reset link. nodemailer talks SMTP to it exactly as to a production server.
 */
export async function startLocalMailbox(dir: string, onMail: (mail: ReceivedMail) => void): Promise<LocalMailbox> {
  // Only the mail directory is private: a recursive 0700 mkdir would also close its parents (the data directory) to others.
  await mkdir(dirname(dir), { recursive: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'Trama local mailbox (development)',
    size: 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
        writeFile(file, raw, { mode: 0o600 })
          .then(() => simpleParser(raw))
          .then((parsed) => {
            onMail({
              file,
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              links: linksIn(parsed.text ?? ''),
            });
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
