import DataLoader from 'dataloader';
import type { Viewer } from '../modules/auth/viewer.js';
import type { IDepartment } from '../modules/departments/department.entity.js';
import type { IUserGroup } from '../modules/users/user.entity.js';
import type { Services } from './services.js';

/** Per-operation batch loaders for list fields, so a list of N staff costs a fixed number of queries, not N. */
export function createLoaders(viewer: Viewer, services: Services) {
  const tenantId = viewer.type === 'anonymous' ? null : viewer.tenantId;
  const none = async (keys: readonly string[]) => keys.map(() => []);
  return {
    groupsOfUser: new DataLoader<string, IUserGroup[]>(async (userIds) => {
      if (!tenantId) return none(userIds);
      const byUser = await services.userGroups.groupsOfUsers(tenantId, userIds);
      return userIds.map((id) => byUser.get(id) ?? []);
    }),
    departmentsOfStaff: new DataLoader<string, IDepartment[]>(async (userIds) => {
      if (!tenantId) return none(userIds);
      const byUser = await services.departments.sharedDepartmentsOfStaff(tenantId, userIds);
      return userIds.map((id) => byUser.get(id) ?? []);
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
