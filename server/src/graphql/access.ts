/**
 * Deny by default (DESIGN.md §4): every operation carries `@Authorized(...)`, and every object type
 * states who may see it with `@AccessRule(...)`. A test walks the schema and fails on anything unmarked.
 */
const rules = new Map<Function, string>();

/** Records, for reviewers and the schema test, who may see a GraphQL object type and why. */
export function AccessRule(rule: string): ClassDecorator {
  return (target) => {
    rules.set(target, rule);
  };
}

export function accessRuleOf(target: Function): string | undefined {
  return rules.get(target);
}
