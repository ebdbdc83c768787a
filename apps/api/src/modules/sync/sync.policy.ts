import { Injectable } from '@nestjs/common';
import type { ScopedSource } from '../../common/access/scope-rules';
import { SyncDevice } from './sync-device.entity';

/**
 * Who reads which devices' last syncs: the tenant's (the staff-output dashboard is for its
 * coordinators and admins, who already see every innovator of the tenant). Exported by SyncModule:
 * `qb.subquery(syncPolicy.devices, 'sd')`.
 */
@Injectable()
export class SyncPolicy {
  readonly devices: ScopedSource<SyncDevice> = { target: SyncDevice, rule: {} };
}
