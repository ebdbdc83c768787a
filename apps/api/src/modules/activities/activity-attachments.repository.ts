import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { ActivitiesPolicy } from './activities.policy';

/** What the attachments need of an activity the caller may read. */
export interface ActivityKey {
  id: string;
  tenantId: string;
}

/** The attachments' one read of activities: the key of a readable activity, through the activities' rule. */
@Injectable()
export class ActivityAttachmentsRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: ActivitiesPolicy,
  ) {}

  async readableKey(scope: AccessScope, id: string): Promise<ActivityKey | null> {
    const row = await this.door
      .select(scope, this.policy.readable, 'a')
      .select('a.id', 'id')
      .addSelect('a.tenant_id', 'tenantId')
      .andWhere('a.id = :id', { id })
      .getRawOne<ActivityKey>();
    return row ?? null;
  }
}
