import type { MailLanguage } from './dto/password-reset.dto';

/** Escapes text for HTML (the link and the name come from the database and the configuration). */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const TEXTS = {
  it: {
    subject: 'Trama: reimposta la password',
    greeting: (name: string) => `Gentile ${name},`,
    body: 'abbiamo ricevuto una richiesta di reimpostare la password del tuo account Trama. Per sceglierne una nuova apri questo link:',
    button: 'Reimposta la password',
    validity: (minutes: number) =>
      `Il link funziona una sola volta e scade tra ${minutes} minuti. Dopo la reimpostazione dovrai accedere di nuovo su ogni dispositivo.`,
    ignore: 'Se non hai chiesto tu la reimpostazione, ignora questa e-mail: la tua password resta quella di prima.',
    signature: 'Trama — Città Metropolitana',
  },
  en: {
    subject: 'Trama: reset your password',
    greeting: (name: string) => `Dear ${name},`,
    body: 'we received a request to reset the password of your Trama account. To choose a new one, open this link:',
    button: 'Reset your password',
    validity: (minutes: number) =>
      `The link works once and expires in ${minutes} minutes. After the reset you will sign in again on every device.`,
    ignore: 'If you did not ask for a reset, ignore this e-mail: your password stays as it was.',
    signature: 'Trama — Metropolitan City',
  },
} as const;

/** The e-mail with a reset link, in plain text and HTML, in the user's language. */
export function passwordResetMail(language: MailLanguage, fullName: string, link: string, minutes: number) {
  const t = TEXTS[language];
  const text = [t.greeting(fullName), '', t.body, '', link, '', t.validity(minutes), '', t.ignore, '', t.signature, ''].join('\n');
  const body = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${html(t.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a">
<p>${html(t.greeting(fullName))}</p>
<p>${html(t.body)}</p>
<p><a href="${html(link)}" style="display: inline-block; padding: 12px 20px; background: #0b4f8a; color: #ffffff; text-decoration: none; border-radius: 4px">${html(t.button)}</a></p>
<p style="word-break: break-all"><a href="${html(link)}">${html(link)}</a></p>
<p>${html(t.validity(minutes))}</p>
<p>${html(t.ignore)}</p>
<p>${html(t.signature)}</p>
</body>
</html>
`;
  return { subject: t.subject, text, html: body };
}

/** The language of the e-mail: the one the page asked for, else the first of Accept-Language we write, else Italian. */
export function mailLanguage(asked: MailLanguage | undefined, acceptLanguage: string | undefined): MailLanguage {
  if (asked) return asked;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of preferred) {
    if (tag.startsWith('it')) return 'it';
    if (tag.startsWith('en')) return 'en';
  }
  return 'it';
}
