import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import type { IUser, IUserGroup } from './user.entity.js';

export enum StaffRoleGql {
  ADMIN = 'admin',
  AGENT = 'agent',
}
registerEnumType(StaffRoleGql, { name: 'StaffRole', description: 'What a staff member may do: admins configure the tenant, agents work tickets.' });

@AccessRule('Staff of the viewer tenant; admins and API tokens only (staff queries are marked so).')
@ObjectType('UserGroup', { description: 'A user group; its hourly rate prices the time of its members.' })
export class UserGroupGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Name, unique in the tenant.' })
  name!: string;

  @Field(() => Int, { description: 'Hourly rate in euro cents.' })
  hourlyRateCents!: number;
}

export function toUserGroupGql(group: IUserGroup): UserGroupGql {
  return { id: group.id, name: group.name, hourlyRateCents: group.hourlyRateCents };
}

@AccessRule('Staff of the viewer tenant; admins and API tokens only (staff queries are marked so).')
@ObjectType('Staff', { description: 'A staff member (admin or agent).' })
export class StaffGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Sign-in e-mail address, lower case.' })
  email!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => StaffRoleGql, { description: 'Admin or agent.' })
  role!: StaffRoleGql;

  @Field(() => Boolean, { description: 'Inactive staff cannot sign in.' })
  active!: boolean;

  /** Kept for the field resolvers (groups, departments); not exposed. */
  tenantId!: string;
}

export function toStaffGql(user: IUser): StaffGql {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.kind === 'admin' ? StaffRoleGql.ADMIN : StaffRoleGql.AGENT,
    active: user.active,
    tenantId: user.tenantId,
  };
}
