import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import type { IUser } from '../users/user.entity.js';
import type { IApiToken } from './auth.entity.js';

export enum UserKindGql {
  ADMIN = 'admin',
  AGENT = 'agent',
  CUSTOMER = 'customer',
}
registerEnumType(UserKindGql, { name: 'UserKind', description: 'Admin, agent (both staff) or customer.' });

export enum ApiTokenScopeGql {
  READ = 'read',
  READ_WRITE = 'read_write',
}
registerEnumType(ApiTokenScopeGql, { name: 'ApiTokenScope', description: 'What a partner token may do: read only, or read and write.' });

@AccessRule("The viewer's own tenant only.")
@ObjectType('Tenant', { description: 'A tenant (Mandant).' })
export class TenantGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;
}

@AccessRule('The signed-in viewer themself.')
@ObjectType('Me', { description: 'The signed-in viewer.' })
export class MeGql {
  @Field(() => ID, { description: 'User id.' })
  id!: string;

  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => UserKindGql, { description: 'Admin, agent or customer.' })
  kind!: UserKindGql;

  @Field(() => TenantGql, { description: 'The tenant the viewer belongs to.' })
  tenant!: TenantGql;
}

export function toMeGql(user: IUser, tenant: { id: string; name: string }): MeGql {
  return { id: user.id, email: user.email, name: user.name, kind: user.kind as UserKindGql, tenant: { id: tenant.id, name: tenant.name } };
}

@AccessRule('Admins of the tenant only (signed in, not via a token).')
@ObjectType('ApiToken', { description: 'A token partner tools use as `Authorization: Bearer <token>`.' })
export class ApiTokenGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'What the token is for.' })
  name!: string;

  @Field(() => ApiTokenScopeGql, { description: 'Read only, or read and write.' })
  scope!: ApiTokenScopeGql;

  @Field(() => String, { description: 'The first characters of the secret, to recognise it.' })
  prefix!: string;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last used (to the minute).' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; revoked tokens no longer work.' })
  revokedAt!: Date | null;
}

export function toApiTokenGql(token: IApiToken): ApiTokenGql {
  return {
    id: token.id,
    name: token.name,
    scope: token.scope as ApiTokenScopeGql,
    prefix: token.prefix,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt ?? null,
    revokedAt: token.revokedAt ?? null,
  };
}

@AccessRule('Returned once to the admin who created the token.')
@ObjectType('ApiTokenCreated', { description: 'A new token with its secret, which is shown only this once.' })
export class ApiTokenCreatedGql {
  @Field(() => String, { description: 'The secret. Store it now: it cannot be shown again.' })
  token!: string;

  @Field(() => ApiTokenGql, { description: 'The token record.' })
  apiToken!: ApiTokenGql;
}
