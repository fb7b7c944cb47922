import { graphql } from '@/shared/graphql/generated';

/** Timers on one ticket: STARTED and STOPPED as they happen, TICK once a second while one runs. */
export const timerTickSubscription = graphql(`
  subscription TimerTick($ticketId: ID!) {
    timerTick(ticketId: $ticketId) {
      kind
      ticketId
      userId
      userName
      startedAt
      elapsedSeconds
    }
  }
`);
