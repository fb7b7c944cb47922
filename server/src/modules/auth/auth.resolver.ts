import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { asUser, type Context } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { ApiTokenCreateInput, PasswordChangeInput } from './auth.inputs.js';
import { ApiTokenCreatedGql, ApiTokenGql, MeGql, toApiTokenGql, toMeGql } from './auth.types.js';
import { Role } from './viewer.js';

const SIGNED_IN = [Role.Admin, Role.Agent, Role.Customer];

@Resolver()
export class AuthResolver {
  @Authorized(Role.Public)
  @Query(() => MeGql, { nullable: true, description: 'The signed-in user; null when signed out or when called with an API token.' })
  async me(@Ctx() { viewer, services }: Context): Promise<MeGql | null> {
    const me = await services.auth.me(viewer);
    return me ? toMeGql(me.user, me.tenant) : null;
  }

  @Authorized(Role.Public)
  @Mutation(() => MeGql, {
    description: 'Sign in a staff member with e-mail and password; sets an HttpOnly session cookie. Failures are generic and rate limited.',
  })
  async login(
    @Arg('email', () => String, { description: 'E-mail address.' }) email: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
    @Ctx() { services, session, ip }: Context,
  ): Promise<MeGql> {
    if (!session) throw new DomainError(ErrorCode.BadUserInput, 'Sign in over HTTP (POST /graphql), not over the WebSocket.');
    const { user, token, expiresAt } = await services.auth.login(email, password, ip);
    session.set(token, expiresAt);
    const me = await services.auth.me({ type: 'user', tenantId: user.tenantId, userId: user.id, kind: user.kind, sessionHash: '' });
    if (!me) throw new DomainError(ErrorCode.Unauthenticated, 'Sign-in failed.');
    return toMeGql(me.user, me.tenant);
  }

  @Authorized(...SIGNED_IN)
  @Mutation(() => Boolean, { description: 'End the current session and clear its cookie.' })
  async logout(@Ctx() { viewer, services, session }: Context): Promise<boolean> {
    await services.auth.logout(asUser(viewer));
    session?.clear();
    return true;
  }

  @Authorized(...SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Change your own password. Ends all your other sessions; this one stays.' })
  async passwordChange(
    @Arg('input', () => PasswordChangeInput, { description: 'Current and new password.' }) input: PasswordChangeInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<boolean> {
    await services.auth.passwordChange(asUser(viewer), input.currentPassword, input.newPassword);
    return true;
  }

  @Authorized(Role.Admin)
  @Query(() => [ApiTokenGql], { description: 'API tokens of the tenant, newest first (admins only).' })
  async apiTokens(@Ctx() { viewer, services }: Context): Promise<ApiTokenGql[]> {
    return (await services.auth.apiTokens(asUser(viewer).tenantId)).map(toApiTokenGql);
  }

  @Authorized(Role.Admin)
  @Mutation(() => ApiTokenCreatedGql, { description: 'Create an API token; its secret is in the answer and never shown again (admins only).' })
  async apiTokenCreate(
    @Arg('input', () => ApiTokenCreateInput, { description: 'Name and scope.' }) input: ApiTokenCreateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<ApiTokenCreatedGql> {
    const { apiToken, token } = await services.auth.apiTokenCreate(asUser(viewer), input.name, input.scope);
    return { token, apiToken: toApiTokenGql(apiToken) };
  }

  @Authorized(Role.Admin)
  @Mutation(() => ApiTokenGql, { description: 'Revoke an API token; it stops working at once (admins only).' })
  async apiTokenRevoke(@Arg('id', () => ID, { description: 'Token id.' }) id: string, @Ctx() { viewer, services }: Context): Promise<ApiTokenGql> {
    return toApiTokenGql(await services.auth.apiTokenRevoke(asUser(viewer).tenantId, id));
  }
}
