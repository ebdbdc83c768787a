import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import type { Predicate, ScopedSource } from '../../common/access/scope-rules';
import { AuditEntry } from '../../common/audit/audit-entry.entity';

/**
 * Who reads the audit log: coordinators their tenant's entries, admins every entry (platform events
 * included: tenant null); nobody else. The door binds the tenant; the rule shuts everyone else out.
 * (A record's own history is read by whoever may read the record: `AuditService.history`.)
 */
const readableLog: Predicate = (c) => (c.scope.hasRole('coordinator') ? null : c.never);

@Injectable()
export class AuditPolicy {
  /** The entries the caller may read in the log: `door.select(scope, policy.readable, 'a')`. */
  readonly readable: ScopedSource<AuditEntry> = { target: AuditEntry, rule: readableLog };

  /** Whether the caller may open the log at all (a 403 otherwise, since the page itself is for coordinators). */
  readsLog(scope: AccessScope): boolean {
    return scope.hasRole('coordinator');
  }
}
