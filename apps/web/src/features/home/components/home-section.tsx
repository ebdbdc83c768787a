import { useId, type ReactNode } from 'react';

interface HomeSectionProps {
  title: string;
  /** the figure beside the title (already formatted), e.g. "3" */
  count?: string;
  /** a sentence for screen readers in place of title + count, e.g. "Rimandate, 3 attività" */
  countLabel?: string;
  children: ReactNode;
  tone?: 'attention' | 'plain';
}

/** A panel of a home: a heading (h2) with its count, then its content. */
export function HomeSection({ title, count, countLabel, children, tone = 'plain' }: HomeSectionProps) {
  const headingId = useId();
  return (
    <section className={`panel home-section home-section--${tone}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="home-section__title">
        {countLabel ? <span className="sr-only">{countLabel}</span> : null}
        <span aria-hidden={countLabel ? true : undefined}>{title}</span>
        {count !== undefined ? (
          <span className="home-section__count" aria-hidden={countLabel ? true : undefined}>
            {count}
          </span>
        ) : null}
      </h2>
      {children}
    </section>
  );
}
