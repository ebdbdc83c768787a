import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ScrollRegionProps {
  /** the region's name for screen readers (or `labelledBy`: the id of a visible caption or heading) */
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}

interface Overflow {
  before: boolean;
  after: boolean;
}

/**
 * A wide table's frame: it scrolls sideways inside its region instead of being cut off or widening
 * the page. The region is focusable (keyboard users scroll it with the arrow keys; axe
 * scrollable-region-focusable, WCAG 2.1.1) and named; while there is more to see, a shadow marks the
 * hidden side and a "Scorri →" hint says so (the hint is for sighted users: the table itself is read
 * whole by screen readers).
 */
export function ScrollRegion({ label, labelledBy, children }: ScrollRegionProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>({ before: false, after: false });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    // 1 px of tolerance: zoomed layouts round widths
    const before = el.scrollLeft > 1;
    const after = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setOverflow((o) => (o.before === before && o.after === after ? o : { before, after }));
  }, []);

  useEffect(() => {
    measure();
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [measure]);

  const classes = ['scroll-region', overflow.before ? 'has-more-before' : '', overflow.after ? 'has-more-after' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      {overflow.after || overflow.before ? (
        <p className="scroll-region__hint" aria-hidden="true">
          {t('common.scrollHint')}
        </p>
      ) : null}
      <div className="scroll-region__frame">
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div ref={ref} className="table-wrap" role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} onScroll={measure}>
          {children}
        </div>
      </div>
    </div>
  );
}
