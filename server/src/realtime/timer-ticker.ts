import { Repeater } from '@repeaterjs/repeater';
import { EventChannel } from './event-channel.js';
import type { Context } from '../graphql/context.js';
import type { RunningTimer } from '../modules/time/time.service.js';
import type { TresenPubSub } from './pubsub.js';
import { timerTopic } from './topics.js';

export type TimerTickKind = 'STARTED' | 'TICK' | 'STOPPED';

export interface TimerTick {
  kind: TimerTickKind;
  ticketId: string;
  userId: string;
  userName: string;
  startedAt: Date;
  /** Whole seconds since startedAt, from the stored start time, so every client agrees. */
  elapsedSeconds: number;
}

/**
 * While a timer ticks, access is checked again every this many seconds (session still valid);
 * a change of the ticket (such as a move out of reach) and every start or stop check it at once.
 */
const RECHECK_TICKS = 60;

/**
 * Live timer ticks. Start and stop travel between processes (the `timerChanged` topic); ticks do
 * not: each process runs one interval for all its subscribers and computes every tick from the
 * stored start time.
 */
export class TimerTicker {
  private readonly listeners = new Set<(now: number) => void>();
  private interval: NodeJS.Timeout | null = null;

  constructor(private readonly pubSub: TresenPubSub) {}

  subscribe(ctx: Context, ticketId: string): AsyncIterable<TimerTick> {
    const viewer = ctx.viewer;
    if (viewer.type === 'anonymous') return new Repeater<never>(async (_push, stop) => stop());
    const tenantId = viewer.tenantId;
    const allowed = async () => {
      const services = ctx.freshServices();
      return (await services.auth.isStillValid(viewer)) && (await services.ticketQueries.isVisible(viewer, ticketId));
    };
    const load = () => ctx.freshServices().time.runningOnTicket(tenantId, ticketId);
    const channel = new EventChannel<TimerTick>();
    const push = (value: TimerTick) => channel.push(value);
    const stop = () => channel.close();
    // Listening starts before the first load, so a timer started or stopped meanwhile is not missed
    // (it may then be announced twice; STARTED and STOPPED are states, not counters). Both streams
    // end when the channel closes: their return() settles a pending next().
    const changes = this.pubSub.subscribe('timerChanged', timerTopic(tenantId, ticketId))[Symbol.asyncIterator]();
    const ticketChanges = this.pubSub.subscribe('ticketChanged', tenantId)[Symbol.asyncIterator]();
    const firstChange = changes.next();
    const firstTicketChange = ticketChanges.next();
    let listener: ((now: number) => void) | null = null;
    void channel.closed.then(() => {
      if (listener) this.remove(listener);
      void changes.return?.();
      void ticketChanges.return?.();
    });
    void (async () => {
      if (!(await allowed())) {
        stop();
        return;
      }
      let timers = await load();
      for (const timer of timers) push(tick('STARTED', timer, Date.now()));
      // Each subscription re-checks at its own second of the minute, so a thousand consoles that
      // subscribed together do not all query at once (and delay everyone's next tick).
      let ticks = Math.floor(Math.random() * RECHECK_TICKS);
      const recheck = () =>
        void allowed().then((ok) => {
          if (!ok) stop();
        });
      listener = (now: number) => {
        if (timers.length === 0) return;
        for (const timer of timers) push(tick('TICK', timer, now));
        if (++ticks % RECHECK_TICKS === 0) recheck();
      };
      if (channel.isClosed) return;
      this.add(listener);
      // Any change of the ticket (a move out of reach) checks access at once.
      void (async () => {
        for (let next = await firstTicketChange; !next.done; next = await ticketChanges.next()) {
          if (next.value.ticketId === ticketId) recheck();
        }
      })();
      for (let next = await firstChange; !next.done; next = await changes.next()) {
        const event = next.value;
        if (!(await allowed())) {
          stop();
          break;
        }
        const before = timers;
        timers = await load();
        const now = Date.now();
        if (event.running) {
          const started = timers.find((t) => t.userId === event.userId);
          if (started) push(tick('STARTED', started, now));
        } else {
          const ended = before.find((t) => t.userId === event.userId);
          if (ended) push(tick('STOPPED', ended, now));
        }
      }
    })().catch(() => stop());
    return channel;
  }

  close(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    this.listeners.clear();
  }

  private add(listener: (now: number) => void): void {
    this.listeners.add(listener);
    if (!this.interval) {
      this.interval = setInterval(() => {
        const now = Date.now();
        for (const l of this.listeners) l(now);
      }, 1000);
      this.interval.unref();
    }
  }

  private remove(listener: (now: number) => void): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0 && this.interval) {
      clearInterval(this.interval);
      this.interval = null;
    }
  }
}

function tick(kind: TimerTickKind, timer: RunningTimer, now: number): TimerTick {
  return {
    kind,
    ticketId: timer.ticketId,
    userId: timer.userId,
    userName: timer.userName,
    startedAt: timer.startedAt,
    elapsedSeconds: Math.max(0, Math.floor((now - timer.startedAt.getTime()) / 1000)),
  };
}
