import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeadingProps {
  title: string;
  /** text under the title */
  lead?: ReactNode;
  /** actions beside the title (links, buttons) */
  actions?: ReactNode;
}

/**
 * The page's h1. It sets the document title, and after an in-app navigation it takes focus
 * (tabIndex -1) so that screen-reader users hear where they arrived.
 */
export function PageHeading({ title, lead, actions }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    const active = document.activeElement;
    // Do not steal focus from a field the user is typing in; do move it off the link that navigated.
    if (!active || active === document.body || active.closest('nav, header, .page-heading')) {
      ref.current?.focus({ preventScroll: true });
    }
  }, []);
  return (
    <div className="page-heading">
      <div className="page-heading__text">
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {lead ? <div className="page-heading__lead">{lead}</div> : null}
      </div>
      {actions ? <div className="page-heading__actions">{actions}</div> : null}
    </div>
  );
}
