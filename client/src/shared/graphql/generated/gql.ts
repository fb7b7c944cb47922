/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scope\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.ApiTokenCreateDocument,
    "\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokenRevokeDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    name\n    isPublic\n    isPrivate\n    createdAt\n    updatedAt\n  }\n": typeof types.DepartmentFieldsFragmentDoc,
    "\n  mutation DepartmentCreate($input: DepartmentCreateInput!) {\n    departmentCreate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": typeof types.DepartmentCreateDocument,
    "\n  mutation DepartmentUpdate($input: DepartmentUpdateInput!) {\n    departmentUpdate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": typeof types.DepartmentUpdateDocument,
    "\n  mutation DepartmentDelete($id: ID!) {\n    departmentDelete(id: $id)\n  }\n": typeof types.DepartmentDeleteDocument,
    "\n  query Departments {\n    departments {\n      ...DepartmentFields\n    }\n  }\n": typeof types.DepartmentsDocument,
    "\n  subscription DepartmentChanged {\n    departmentChanged {\n      kind\n      departmentId\n      department {\n        ...DepartmentFields\n      }\n    }\n  }\n": typeof types.DepartmentChangedDocument,
    "\n  fragment ViewerFields on Me {\n    id\n    email\n    name\n    kind\n    tenant {\n      id\n      name\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...ViewerFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input)\n  }\n": typeof types.PasswordChangeDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment StaffFields on Staff {\n    id\n    email\n    name\n    role\n    active\n    groups {\n      id\n      name\n    }\n    departments {\n      id\n      name\n    }\n  }\n": typeof types.StaffFieldsFragmentDoc,
    "\n  mutation StaffCreate($input: StaffCreateInput!) {\n    staffCreate(input: $input) {\n      ...StaffFields\n    }\n  }\n": typeof types.StaffCreateDocument,
    "\n  mutation StaffUpdate($input: StaffUpdateInput!) {\n    staffUpdate(input: $input) {\n      ...StaffFields\n    }\n  }\n": typeof types.StaffUpdateDocument,
    "\n  query StaffList {\n    staff {\n      ...StaffFields\n    }\n  }\n": typeof types.StaffListDocument,
    "\n  fragment UserGroupFields on UserGroup {\n    id\n    name\n    hourlyRateCents\n  }\n": typeof types.UserGroupFieldsFragmentDoc,
    "\n  mutation UserGroupCreate($input: UserGroupCreateInput!) {\n    userGroupCreate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n": typeof types.UserGroupCreateDocument,
    "\n  mutation UserGroupUpdate($input: UserGroupUpdateInput!) {\n    userGroupUpdate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n": typeof types.UserGroupUpdateDocument,
    "\n  query UserGroups {\n    userGroups {\n      ...UserGroupFields\n    }\n  }\n": typeof types.UserGroupsDocument,
};
const documents: Documents = {
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scope\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.ApiTokenCreateDocument,
    "\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokenRevokeDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    name\n    isPublic\n    isPrivate\n    createdAt\n    updatedAt\n  }\n": types.DepartmentFieldsFragmentDoc,
    "\n  mutation DepartmentCreate($input: DepartmentCreateInput!) {\n    departmentCreate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": types.DepartmentCreateDocument,
    "\n  mutation DepartmentUpdate($input: DepartmentUpdateInput!) {\n    departmentUpdate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": types.DepartmentUpdateDocument,
    "\n  mutation DepartmentDelete($id: ID!) {\n    departmentDelete(id: $id)\n  }\n": types.DepartmentDeleteDocument,
    "\n  query Departments {\n    departments {\n      ...DepartmentFields\n    }\n  }\n": types.DepartmentsDocument,
    "\n  subscription DepartmentChanged {\n    departmentChanged {\n      kind\n      departmentId\n      department {\n        ...DepartmentFields\n      }\n    }\n  }\n": types.DepartmentChangedDocument,
    "\n  fragment ViewerFields on Me {\n    id\n    email\n    name\n    kind\n    tenant {\n      id\n      name\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...ViewerFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input)\n  }\n": types.PasswordChangeDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  fragment StaffFields on Staff {\n    id\n    email\n    name\n    role\n    active\n    groups {\n      id\n      name\n    }\n    departments {\n      id\n      name\n    }\n  }\n": types.StaffFieldsFragmentDoc,
    "\n  mutation StaffCreate($input: StaffCreateInput!) {\n    staffCreate(input: $input) {\n      ...StaffFields\n    }\n  }\n": types.StaffCreateDocument,
    "\n  mutation StaffUpdate($input: StaffUpdateInput!) {\n    staffUpdate(input: $input) {\n      ...StaffFields\n    }\n  }\n": types.StaffUpdateDocument,
    "\n  query StaffList {\n    staff {\n      ...StaffFields\n    }\n  }\n": types.StaffListDocument,
    "\n  fragment UserGroupFields on UserGroup {\n    id\n    name\n    hourlyRateCents\n  }\n": types.UserGroupFieldsFragmentDoc,
    "\n  mutation UserGroupCreate($input: UserGroupCreateInput!) {\n    userGroupCreate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n": types.UserGroupCreateDocument,
    "\n  mutation UserGroupUpdate($input: UserGroupUpdateInput!) {\n    userGroupUpdate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n": types.UserGroupUpdateDocument,
    "\n  query UserGroups {\n    userGroups {\n      ...UserGroupFields\n    }\n  }\n": types.UserGroupsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scope\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scope\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApiTokenRevoke($id: ID!) {\n    apiTokenRevoke(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DepartmentFields on Department {\n    id\n    name\n    isPublic\n    isPrivate\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment DepartmentFields on Department {\n    id\n    name\n    isPublic\n    isPrivate\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DepartmentCreate($input: DepartmentCreateInput!) {\n    departmentCreate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation DepartmentCreate($input: DepartmentCreateInput!) {\n    departmentCreate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DepartmentUpdate($input: DepartmentUpdateInput!) {\n    departmentUpdate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation DepartmentUpdate($input: DepartmentUpdateInput!) {\n    departmentUpdate(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DepartmentDelete($id: ID!) {\n    departmentDelete(id: $id)\n  }\n"): (typeof documents)["\n  mutation DepartmentDelete($id: ID!) {\n    departmentDelete(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departments {\n    departments {\n      ...DepartmentFields\n    }\n  }\n"): (typeof documents)["\n  query Departments {\n    departments {\n      ...DepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DepartmentChanged {\n    departmentChanged {\n      kind\n      departmentId\n      department {\n        ...DepartmentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription DepartmentChanged {\n    departmentChanged {\n      kind\n      departmentId\n      department {\n        ...DepartmentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Me {\n    id\n    email\n    name\n    kind\n    tenant {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Me {\n    id\n    email\n    name\n    kind\n    tenant {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input)\n  }\n"): (typeof documents)["\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffFields on Staff {\n    id\n    email\n    name\n    role\n    active\n    groups {\n      id\n      name\n    }\n    departments {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment StaffFields on Staff {\n    id\n    email\n    name\n    role\n    active\n    groups {\n      id\n      name\n    }\n    departments {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffCreate($input: StaffCreateInput!) {\n    staffCreate(input: $input) {\n      ...StaffFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffCreate($input: StaffCreateInput!) {\n    staffCreate(input: $input) {\n      ...StaffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffUpdate($input: StaffUpdateInput!) {\n    staffUpdate(input: $input) {\n      ...StaffFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffUpdate($input: StaffUpdateInput!) {\n    staffUpdate(input: $input) {\n      ...StaffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffList {\n    staff {\n      ...StaffFields\n    }\n  }\n"): (typeof documents)["\n  query StaffList {\n    staff {\n      ...StaffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserGroupFields on UserGroup {\n    id\n    name\n    hourlyRateCents\n  }\n"): (typeof documents)["\n  fragment UserGroupFields on UserGroup {\n    id\n    name\n    hourlyRateCents\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserGroupCreate($input: UserGroupCreateInput!) {\n    userGroupCreate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n"): (typeof documents)["\n  mutation UserGroupCreate($input: UserGroupCreateInput!) {\n    userGroupCreate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserGroupUpdate($input: UserGroupUpdateInput!) {\n    userGroupUpdate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n"): (typeof documents)["\n  mutation UserGroupUpdate($input: UserGroupUpdateInput!) {\n    userGroupUpdate(input: $input) {\n      ...UserGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserGroups {\n    userGroups {\n      ...UserGroupFields\n    }\n  }\n"): (typeof documents)["\n  query UserGroups {\n    userGroups {\n      ...UserGroupFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;