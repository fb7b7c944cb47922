import { readFile } from 'node:fs/promises';
import { createPubSub } from '@graphql-yoga/subscription';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { printTresenSchema, SCHEMA_FILE } from '../../server/src/cli/emit-schema.js';
import { accessRuleOf } from '../../server/src/graphql/access.js';
import { buildTresenSchema } from '../../server/src/graphql/schema.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildTresenSchema(createPubSub());
});

describe('schema', () => {
  it('matches the committed schema.graphql (run `npm run schema:emit` when this fails)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await printTresenSchema());
  });

  it('marks every query, mutation and subscription with an access rule', () => {
    const storage = getMetadataStorage();
    const authorized = new Set(storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
    const operations = [...storage.queries, ...storage.mutations, ...storage.subscriptions];
    const unmarked: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const resolver = operations.find((op) => op.schemaName === field.name);
        if (!resolver || !authorized.has(`${resolver.target.name}.${resolver.methodName}`)) unmarked.push(`${root?.name}.${field.name}`);
      }
    }
    expect(unmarked).toEqual([]);
    expect(operations.length).toBeGreaterThan(15);
  });

  it('states who may see every object type', () => {
    const storage = getMetadataStorage();
    const unmarked: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || ['Query', 'Mutation', 'Subscription'].includes(type.name)) continue;
      const meta = storage.objectTypes.find((o) => o.name === type.name);
      if (!meta || !accessRuleOf(meta.target)) unmarked.push(type.name);
    }
    expect(unmarked).toEqual([]);
  });

  it('documents every operation, field and argument for partner tools', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
