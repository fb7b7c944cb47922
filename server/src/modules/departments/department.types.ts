import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import type { IDepartment } from './department.entity.js';

@AccessRule('Only departments the viewer may see are ever returned (DepartmentService.visibleFilter).')
@ObjectType('Department', { description: 'A department (Support-Abteilung) tickets belong to.' })
export class DepartmentGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Display name, unique among the shared departments of a tenant.' })
  name!: string;

  @Field(() => Boolean, { description: 'Offered to customers in the portal and widget.' })
  isPublic!: boolean;

  @Field(() => Boolean, { description: "True for the viewer's own private department, which nobody else can see." })
  isPrivate!: boolean;

  @Field(() => Boolean, { description: 'Customers may choose the priority of tickets they open here in the portal.' })
  portalPriority!: boolean;

  @Field(() => Boolean, { description: 'Closing a ticket here sends the customer one mail asking for a rating.' })
  ratingMailEnabled!: boolean;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;
}

export function toDepartmentGql(department: IDepartment): DepartmentGql {
  return {
    id: department.id,
    name: department.name,
    isPublic: department.isPublic,
    isPrivate: department.ownerId !== null,
    portalPriority: department.portalPriority,
    ratingMailEnabled: department.ratingMailEnabled,
    createdAt: department.createdAt,
    updatedAt: department.updatedAt,
  };
}

export enum ChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}
registerEnumType(ChangeKind, { name: 'ChangeKind', description: 'What happened to an object.' });

@AccessRule('Delivered only to receivers who may see the department, re-checked for every event.')
@ObjectType('DepartmentChange', { description: 'A department was created, changed or deleted.' })
export class DepartmentChangeGql {
  @Field(() => ChangeKind, { description: 'What happened.' })
  kind!: ChangeKind;

  @Field(() => ID, { description: 'The department concerned.' })
  departmentId!: string;

  @Field(() => DepartmentGql, { nullable: true, description: 'The department as the receiver may see it now; null when deleted.' })
  department!: DepartmentGql | null;
}
