import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, subscribe, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DirectEvents } from '../direct-events.js';

/** A schema built by hand: one direct subscription over the given events, and a plain query. */
function schemaWith(
  events: unknown[],
  answerFields: Record<string, { type: GraphQLNonNull<typeof GraphQLInt> | typeof GraphQLString; resolve?: () => unknown }>,
) {
  const Answer = new GraphQLObjectType({ name: 'Answer', fields: answerFields });
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        feed: {
          type: new GraphQLNonNull(Answer),
          extensions: { directEvent: true },
          subscribe: async function* () {
            yield* events;
          },
          resolve: (event: unknown) => event,
        },
      },
    }),
  });
}

async function all(result: unknown): Promise<ExecutionResult[]> {
  const out: ExecutionResult[] = [];
  for await (const value of result as AsyncIterable<ExecutionResult>) out.push(value);
  return out;
}

describe('DirectEvents', () => {
  const events = [
    { n: 1, label: 'eins' },
    { n: 2, label: null },
    { n: null, label: 'kaputt' },
    { n: 'viele', label: 'x' },
  ];
  const schema = schemaWith(events, { n: { type: new GraphQLNonNull(GraphQLInt) }, label: { type: GraphQLString } });

  it('gives, event for event, what graphql-js gives, errors included', async () => {
    const document = parse('subscription { f: feed { __typename n label l2: label } }');
    const direct = new DirectEvents(schema).subscribe({ schema, document });
    expect(direct).not.toBeNull();
    const viaDirect = await all(await direct);
    const viaExecute = await all(await subscribe({ schema, document }));
    expect(JSON.parse(JSON.stringify(viaDirect))).toEqual(JSON.parse(JSON.stringify(viaExecute)));
    expect(viaDirect[0]).toEqual({ data: { f: { __typename: 'Answer', n: 1, label: 'eins', l2: 'eins' } } });
    expect(viaDirect[2]!.data).toBeNull();
  });

  it('leaves fragments, directives and unmarked fields to graphql-js', () => {
    const direct = new DirectEvents(schema);
    for (const query of [
      'subscription { feed { ...A } } fragment A on Answer { n }',
      'subscription { feed { n @include(if: true) } }',
      'subscription { feed @skip(if: false) { n } }',
      '{ ok }',
    ])
      expect(direct.subscribe({ schema, document: parse(query) }), query).toBeNull();
  });

  it('refuses, at start-up, an answer type with a field resolver', () => {
    const withResolver = schemaWith([], { n: { type: new GraphQLNonNull(GraphQLInt), resolve: () => 1 } });
    expect(() => new DirectEvents(withResolver)).toThrow(/Answer\.n must be a plain leaf field/);
  });
});
