import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules: what Trama commits to. */
export const WCAG21AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Best-practice rules checked beside them: headings that skip a level (an inline form's <h3> under
 * the page's <h1>) or say nothing break a screen reader's outline of the page (WCAG 1.3.1 / 2.4.6
 * in spirit, though axe-core files them under best practice).
 */
export const EXTRA_RULES = ['heading-order', 'empty-heading'];

interface AxeNode {
  target: unknown[];
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

export interface AxeOptions {
  /** CSS selectors left out of the audit (only markup we do not own and cannot fix: say why where it is used) */
  exclude?: string[];
}

let source: string | undefined;
function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** The violations of the WCAG 2.1 AA rules on the page as it is now (axe-core injected into the page). */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Not page.addScriptTag: the app's Content-Security-Policy (script-src 'self') blocks inline scripts,
  // and the audit runs against the app as shipped. Evaluated through the DevTools protocol, the
  // script is not subject to the page's CSP.
  if (!injected) await page.evaluate(`${axeSource()}\n;undefined`);
  return page.evaluate(
    async ({ tags, extra, exclude }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } })
        .axe;
      const context = exclude.length > 0 ? { include: [document], exclude: exclude.map((selector) => [selector]) } : document;
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(extra.map((id) => [id, { enabled: true }])),
        resultTypes: ['violations'],
      });
      return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
        id,
        impact,
        help,
        helpUrl,
        nodes: nodes.map(({ target }) => ({ target })),
      }));
    },
    { tags: WCAG21AA_TAGS, extra: EXTRA_RULES, exclude: options.exclude ?? [] },
  );
}

/** One line per violation: rule id, impact, help, and the first few elements it was found on. */
export function formatViolations(violations: AxeViolation[], maxTargets = 3): string {
  return violations
    .map((v) => {
      const targets = v.nodes.slice(0, maxTargets).map((node) => node.target.map(String).join(' '));
      const more = v.nodes.length > maxTargets ? ` (+${v.nodes.length - maxTargets} more)` : '';
      return `- ${v.id} [${v.impact ?? 'n/a'}] ${v.help}\n    ${targets.join('\n    ')}${more}`;
    })
    .join('\n');
}

/**
 * Fails when the page, as it is now, breaks a WCAG 2.1 A/AA rule that axe-core checks; the message
 * lists every violation. `context` names the page (and screen) in that message.
 */
export async function expectNoAxeViolations(page: Page, context: string, options: AxeOptions = {}): Promise<void> {
  const violations = await axeViolations(page, options);
  if (violations.length > 0) {
    throw new Error(`${context}: ${violations.length} WCAG 2.1 AA violation(s) (axe-core)\n${formatViolations(violations)}`);
  }
}
