import type { MiddlewareFn } from 'type-graphql';
import type { Context } from './context.js';

/**
 * A subscription keeps one context for its whole life, but every event must be answered from
 * fresh data: before the root field of each event runs, the batch loaders forget what they
 * loaded and the unit of work lets go of its entities. Put on every subscription whose answer
 * reads through `ctx.loaders` or `ctx.services` (`@UseMiddleware(FreshPerEvent)`).
 */
export const FreshPerEvent: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (info.operation.operation === 'subscription' && info.path.prev === undefined) {
    for (const loader of Object.values(context.loaders)) loader.clearAll();
    context.services.em.clear();
  }
  return next();
};
