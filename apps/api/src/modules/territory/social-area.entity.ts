import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** Ambito Territoriale Sociale (or distretto): a group of municipalities sharing social services. */
@Entity({ name: 'social_areas' })
export class SocialArea extends BaseRecord {
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;
}
