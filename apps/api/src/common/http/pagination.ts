import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from '@trama/contracts';
import { Optional, QueryInt } from './fields';

/**
 * Base of every list query: `page` from 1 to MAX_PAGE (10,000), `pageSize` up to 200, so that the
 * OFFSET stays below 2 million rows (an unbounded page made an OFFSET PostgreSQL cannot parse: a 500).
 */
export class PageQuery {
  @QueryInt(1, MAX_PAGE, {
    required: false,
    default: 1,
    description: `at most ${MAX_PAGE}: narrow the filters to reach older records`,
    tooLarge: `page must not be greater than ${MAX_PAGE}: narrow the filters instead of paging this far`,
  })
  @Optional()
  page = 1;

  @QueryInt(1, MAX_PAGE_SIZE, { required: false, default: DEFAULT_PAGE_SIZE })
  @Optional()
  pageSize = DEFAULT_PAGE_SIZE;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

/** One page of a list, as the page DTOs (`UsersPageDto`, `ActivityPageDto`, …) declare it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, query: { page: number; pageSize: number }): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
