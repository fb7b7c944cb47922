import { Field, InputType } from 'type-graphql';
import { ApiTokenScopeGql } from './auth.types.js';

@InputType({ description: 'Change your own password.' })
export class PasswordChangeInput {
  @Field(() => String, { description: 'The password you use now.' })
  currentPassword!: string;

  @Field(() => String, { description: 'The new password, at least 10 characters.' })
  newPassword!: string;
}

@InputType({ description: 'A new API token for a partner tool.' })
export class ApiTokenCreateInput {
  @Field(() => String, { description: 'What the token is for, 1 to 100 characters.' })
  name!: string;

  @Field(() => ApiTokenScopeGql, { description: 'Read only, or read and write.' })
  scope!: ApiTokenScopeGql;
}
