import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'success' | 'info' | 'warning';

interface AlertProps {
  tone: AlertTone;
  title?: string;
  children: ReactNode;
  id?: string;
}

/**
 * A message about an async outcome. Errors use role="alert" (announced at once), the others
 * role="status" (announced politely): render it when the outcome is known, screen readers read it.
 */
export function Alert({ tone, title, children, id }: AlertProps) {
  return (
    <div id={id} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert__title">{title}</p> : null}
      <div className="alert__body">{children}</div>
    </div>
  );
}

interface LiveRegionProps {
  message: string;
}

/** A polite live region that is always in the page, for short announcements ("Copied", "Saved"). */
export function LiveRegion({ message }: LiveRegionProps) {
  return (
    <p className="sr-only" role="status" aria-live="polite">
      {message}
    </p>
  );
}
