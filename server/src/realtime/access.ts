import { Repeater } from '@repeaterjs/repeater';
import { filter, map, pipe } from '@graphql-yoga/subscription';
import type { Context } from '../graphql/context.js';
import type { TresenPubSub } from './pubsub.js';
import type { DepartmentChangedEvent } from './topics.js';

/**
 * Subscription sources with their per-receiver checks. Sources are scoped to the viewer's tenant; every
 * event is then checked for this receiver with fresh data (session still valid, access still given).
 */
export class RealtimeAccess {
  constructor(private readonly pubSub: TresenPubSub) {}

  departmentChanged(ctx: Context): AsyncIterable<{ tenantId: string; event: DepartmentChangedEvent }> {
    const viewer = ctx.viewer;
    if (viewer.type === 'anonymous') return new Repeater<never>(async (_push, stop) => stop());
    return pipe(
      this.pubSub.subscribe('departmentChanged', viewer.tenantId),
      map((event: DepartmentChangedEvent) => ({ tenantId: viewer.tenantId, event })),
      filter((payload) => this.mayReceiveDepartmentChange(ctx, payload)),
    );
  }

  async mayReceiveDepartmentChange(ctx: Context, payload: { tenantId: string; event: DepartmentChangedEvent }): Promise<boolean> {
    const services = ctx.freshServices();
    if (!(await services.auth.isStillValid(ctx.viewer))) return false;
    return services.departments.mayReceive(ctx.viewer, payload.tenantId, payload.event);
  }
}
