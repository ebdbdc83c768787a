import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page } from '@trama/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiInt, INT32_MAX } from './api-schema';

/**
 * Base of every list query: `page` from 1 (at most 2^31 − 1: a larger one made an OFFSET PostgreSQL
 * cannot parse, a 500), `pageSize` up to 200.
 */
export class PageQuery {
  @ApiInt(1, INT32_MAX, { required: false, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  page = 1;

  @ApiInt(1, MAX_PAGE_SIZE, { required: false, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize = DEFAULT_PAGE_SIZE;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export function pageOf<T>(items: T[], total: number, query: { page: number; pageSize: number }): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
