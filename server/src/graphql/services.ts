import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { AuthService } from '../modules/auth/auth.service.js';
import type { LoginLimiter } from '../modules/auth/login-limiter.js';
import { DepartmentService } from '../modules/departments/department.service.js';
import { StaffService } from '../modules/users/staff.service.js';
import { UserGroupService } from '../modules/users/user-group.service.js';
import type { TresenPubSub } from '../realtime/pubsub.js';

export interface ServiceDeps {
  readonly config: Pick<Config, 'sessionTtlSeconds'>;
  readonly pubSub: TresenPubSub;
  readonly limiter: LoginLimiter;
}

/** All services of one unit of work, sharing one EntityManager. Cheap to create: one per operation. */
export function createServices(em: EntityManager, deps: ServiceDeps) {
  const auth = new AuthService(em, deps.limiter, deps.config.sessionTtlSeconds);
  const departments = new DepartmentService(em, deps.pubSub);
  const userGroups = new UserGroupService(em);
  const staff = new StaffService(em, departments, userGroups, auth);
  return { em, auth, departments, userGroups, staff };
}
export type Services = ReturnType<typeof createServices>;
