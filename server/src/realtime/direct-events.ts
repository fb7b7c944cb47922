import {
  createSourceEventStream,
  getNamedType,
  getNullableType,
  getOperationAST,
  type GraphQLError,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  locatedError,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** Put on a subscription with `@Extensions(DIRECT_EVENT)`; see DirectEvents. */
export const DIRECT_EVENT = { directEvent: true } as const;

interface Leaf {
  key: string;
  /** Property of the event, or null for `__typename`. */
  name: string | null;
  type: GraphQLLeafType | null;
  nonNull: boolean;
  node: FieldNode;
}

/**
 * A cheaper path for subscriptions that send many small events (timer ticks: one per second and
 * console). graphql-js runs every event through `execute`: the operation is planned again, the
 * root resolver runs with type-graphql's middlewares (roles, already checked when subscribing),
 * then every field. For a subscription marked DIRECT_EVENT, whose root resolver returns the event
 * unchanged and whose answer type has only plain leaf fields, the plan is made once and each event
 * is serialized straight from its properties.
 *
 * Subscribing itself is unchanged (`createSourceEventStream`: argument coercion, the roles check,
 * the subscribe function and its access checks), and an operation that uses fragments or
 * directives takes graphql-js's path, so the answer is the same either way (tested).
 */
export class DirectEvents {
  /** Subscription field name → its answer type, for the fields that qualify. */
  private readonly fields = new Map<string, GraphQLObjectType>();

  /** Call on the schema as built, before anything (Apollo) wraps its resolvers. */
  constructor(schema: GraphQLSchema) {
    const root = schema.getSubscriptionType();
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.extensions.directEvent !== true) continue;
      const type = getNullableType(field.type);
      if (!isObjectType(type)) throw new Error(`Direct event ${field.name}: the answer must be an object type.`);
      for (const sub of Object.values(type.getFields())) {
        if (!isLeafType(getNamedType(sub.type)) || getNamedType(sub.type) !== getNullableType(sub.type) || sub.args.length > 0 || sub.resolve)
          throw new Error(
            `Direct event ${field.name}: ${type.name}.${sub.name} must be a plain leaf field (no list, arguments or resolver: simpleResolvers on its @ObjectType).`,
          );
      }
      this.fields.set(field.name, type);
    }
  }

  /** The event stream for a qualifying operation, or null to take graphql-js's `subscribe`. */
  subscribe(args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> | null {
    const plan = this.plan(args);
    if (!plan) return null;
    return (async () => {
      const source = await createSourceEventStream(args);
      if (!(Symbol.asyncIterator in source)) return source;
      return mapEvents(source, (event) => answer(plan, event));
    })();
  }

  private plan(args: ExecutionArgs): { key: string; node: FieldNode; nonNull: boolean; typeName: string; leaves: Leaf[] } | null {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation !== 'subscription' || operation.selectionSet.selections.length !== 1) return null;
    const [node] = operation.selectionSet.selections;
    if (node?.kind !== Kind.FIELD || node.directives?.length || !node.selectionSet) return null;
    const type = this.fields.get(node.name.value);
    if (!type) return null;
    const rootField = args.schema.getSubscriptionType()!.getFields()[node.name.value]!;
    const fields = type.getFields();
    const leaves: Leaf[] = [];
    for (const selection of node.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length) return null;
      const key = selection.alias?.value ?? selection.name.value;
      if (selection.name.value === '__typename') {
        leaves.push({ key, name: null, type: null, nonNull: true, node: selection });
        continue;
      }
      const field = fields[selection.name.value];
      if (!field) return null;
      leaves.push({ key, name: field.name, type: getNamedType(field.type) as GraphQLLeafType, nonNull: isNonNullType(field.type), node: selection });
    }
    return { key: node.alias?.value ?? node.name.value, node, nonNull: isNonNullType(rootField.type), typeName: type.name, leaves };
  }
}

function answer(plan: NonNullable<ReturnType<DirectEvents['plan']>>, event: unknown): ExecutionResult {
  if (event === null || event === undefined) {
    if (!plan.nonNull) return { data: { [plan.key]: null } };
    return { data: null, errors: [locatedError(new Error(`Cannot return null for non-nullable field Subscription.${plan.key}.`), plan.node, [plan.key])] };
  }
  const source = event as Record<string, unknown>;
  const object: Record<string, unknown> = {};
  const errors: GraphQLError[] = [];
  for (const leaf of plan.leaves) {
    if (!leaf.name) {
      object[leaf.key] = plan.typeName;
      continue;
    }
    const value = source[leaf.name];
    try {
      if (value === null || value === undefined) {
        if (leaf.nonNull) throw new Error(`Cannot return null for non-nullable field ${plan.typeName}.${leaf.name}.`);
        object[leaf.key] = null;
      } else object[leaf.key] = leaf.type!.serialize(value);
    } catch (error) {
      // As graphql-js: a failed leaf is null; a failed non-null leaf nulls its object, and so a non-null root.
      errors.push(locatedError(error, leaf.node, [plan.key, leaf.key]));
      if (leaf.nonNull) return { data: plan.nonNull ? null : { [plan.key]: null }, errors };
      object[leaf.key] = null;
    }
  }
  return errors.length > 0 ? { data: { [plan.key]: object }, errors } : { data: { [plan.key]: object } };
}

/** Maps an event stream; closing the result closes the source. */
function mapEvents<T>(source: AsyncIterable<unknown>, map: (event: unknown) => T): AsyncGenerator<T, void, void> {
  const iterator = source[Symbol.asyncIterator]();
  const generator: AsyncGenerator<T, void, void> = {
    next() {
      // A plain then, not an async function: one promise per event fewer (this runs for every tick).
      return iterator.next().then((next) => (next.done ? { done: true, value: undefined } : { done: false, value: map(next.value) }));
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return generator;
    },
    async [Symbol.asyncDispose]() {
      await iterator.return?.();
    },
  };
  return generator;
}
