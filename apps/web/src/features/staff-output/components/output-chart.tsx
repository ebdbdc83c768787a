import type { ActivityStatus } from '@trama/contracts';
import type { StaffOutputDto, StaffOutputInnovator } from '../api/types';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';

/** Order of the segments in a bar, from the left. */
export const CHART_STATUSES: readonly ActivityStatus[] = ['approved', 'submitted', 'returned', 'draft'];

/**
 * Fill of each status: a colour with at least 3:1 against white (WCAG 1.4.11) and a texture, so that
 * statuses are told apart without colour (1.4.1). Patterns are defined once per chart.
 */
const SWATCH: Record<ActivityStatus, { color: string; pattern: 'solid' | 'diagonal' | 'dots' | 'horizontal' }> = {
  approved: { color: '#1d6b32', pattern: 'solid' }, // 6.4:1
  submitted: { color: '#0b4a82', pattern: 'diagonal' }, // 9.1:1
  returned: { color: '#9a3412', pattern: 'dots' }, // 7.3:1
  draft: { color: '#4b5563', pattern: 'horizontal' }, // 7.6:1
};

function PatternDefs({ prefix }: { prefix: string }) {
  return (
    <defs>
      {CHART_STATUSES.map((status) => {
        const { color, pattern } = SWATCH[status];
        return (
          <pattern key={status} id={`${prefix}-${status}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={color} />
            {pattern === 'diagonal' ? <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth="1.5" /> : null}
            {pattern === 'dots' ? <circle cx="4" cy="4" r="1.6" fill="#fff" /> : null}
            {pattern === 'horizontal' ? <path d="M0,4 h8" stroke="#fff" strokeWidth="1.5" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** A legend swatch: the same pattern as the bars. */
function Swatch({ status, prefix }: { status: ActivityStatus; prefix: string }) {
  return (
    <svg className="staff-chart__swatch" width="16" height="16" aria-hidden="true" focusable="false">
      <rect width="16" height="16" fill={`url(#${prefix}-${status})`} stroke="#1b1f24" strokeWidth="1" />
    </svg>
  );
}

interface OutputChartProps {
  report: StaffOutputDto;
  /** the innovators in the order the table shows them */
  rows: StaffOutputInnovator[];
}

/**
 * Activities per innovator, stacked by status, as horizontal bars (names stay HTML text, so they
 * do not shrink on a phone). The figure is one image for assistive technologies, with a summary as
 * its name; the table below carries every figure.
 */
export function OutputChart({ report, rows }: OutputChartProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const prefix = `staff-chart-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const captionId = `${prefix}-caption`;
  const max = Math.max(1, ...rows.map((r) => r.activities));
  const { totals } = report;
  const busiest = rows.reduce<StaffOutputInnovator | null>((best, r) => (r.activities > (best?.activities ?? 0) ? r : best), null);

  // each count through its plural key ("1 bozza", "2 bozze")
  const counted = (what: 'innovators' | 'activities' | 'approved' | 'submitted' | 'returned' | 'draft', n: number) =>
    t(`staffOutput.chart.counts.${what}`, { count: n, formatted: format.integer(n) });
  const summary = t('staffOutput.chart.summary', {
    from: format.date(report.period.from),
    to: format.date(report.period.to),
    innovators: counted('innovators', totals.innovators),
    activities: counted('activities', totals.activities),
    approved: counted('approved', totals.byStatus.approved),
    submitted: counted('submitted', totals.byStatus.submitted),
    returned: counted('returned', totals.byStatus.returned),
    draft: counted('draft', totals.byStatus.draft),
  });
  const busiestText = busiest
    ? t('staffOutput.chart.busiest', { name: busiest.fullName, count: busiest.activities, formatted: format.integer(busiest.activities) })
    : '';

  return (
    <figure className="staff-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="staff-chart__caption">
        {t('staffOutput.chart.title')}
      </figcaption>
      <svg width="0" height="0" className="staff-chart__defs" aria-hidden="true" focusable="false">
        <PatternDefs prefix={prefix} />
      </svg>
      <ul className="staff-chart__legend" aria-hidden="true">
        {CHART_STATUSES.map((status) => (
          <li key={status}>
            <Swatch status={status} prefix={prefix} />
            {t(`vocab.activityStatus.${status}`)}
          </li>
        ))}
      </ul>
      <div
        className="staff-chart__plot"
        role="img"
        aria-label={`${summary} ${busiestText} ${t('staffOutput.chart.seeTable')}`.replace(/\s+/g, ' ').trim()}
      >
        {rows.map((row) => {
          let offset = 0;
          return (
            <div key={row.id} className="staff-chart__row" data-innovator={row.id}>
              <span className="staff-chart__name">{row.fullName}</span>
              <svg className="staff-chart__bar" width="100%" height="22" aria-hidden="true" focusable="false">
                <rect className="staff-chart__track" x="0" y="0" width="100%" height="22" />
                {CHART_STATUSES.map((status) => {
                  const count = row.byStatus[status];
                  if (count === 0) return null;
                  const x = (offset / max) * 100;
                  const width = (count / max) * 100;
                  offset += count;
                  return (
                    <rect
                      key={status}
                      data-status={status}
                      data-count={count}
                      x={`${x}%`}
                      y="0"
                      width={`${width}%`}
                      height="22"
                      fill={`url(#${prefix}-${status})`}
                      stroke="#fff"
                      strokeWidth="1"
                    />
                  );
                })}
              </svg>
              <span className="staff-chart__total" data-total={row.activities}>
                {format.integer(row.activities)}
              </span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
