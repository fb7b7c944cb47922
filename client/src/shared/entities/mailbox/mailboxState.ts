import type { ImapCheckStage, MailboxConnection, MailSecurity } from '@/shared/graphql/generated/graphql';

/** Badge tone of a connection state: connected is good, failing stands out, the rest is on its way or off. */
export function connectionTone(connection: MailboxConnection): 'positive' | 'info' | 'danger' | 'muted' {
  switch (connection) {
    case 'IDLE':
    case 'POLLING':
      return 'positive';
    case 'WAITING':
    case 'CONNECTING':
      return 'info';
    case 'ERROR':
      return 'danger';
    case 'STOPPED':
      return 'muted';
  }
}

/** The steps of a connection test in the order the server takes them. */
export const CHECK_STEPS = ['DNS', 'TCP', 'TLS', 'LOGIN', 'FOLDER'] as const satisfies readonly ImapCheckStage[];

export type CheckStep = (typeof CHECK_STEPS)[number];

/** passed; failed (the first failure ends the test); notReached (after it); skipped (TLS without encryption). */
export type CheckStepState = 'passed' | 'failed' | 'notReached' | 'skipped';

/**
 * Each step of a connection test and how it went, from the server's answer (`stage` is the step
 * that failed, or OK) and the security that was tested: without encryption there is no TLS step.
 */
export function checkSteps(check: { ok: boolean; stage: ImapCheckStage }, security: MailSecurity): { step: CheckStep; state: CheckStepState }[] {
  const failedAt = check.ok || check.stage === 'OK' ? -1 : CHECK_STEPS.indexOf(check.stage);
  return CHECK_STEPS.map((step, index) => {
    if (index === failedAt) return { step, state: 'failed' };
    if (failedAt !== -1 && index > failedAt) return { step, state: 'notReached' };
    if (step === 'TLS' && security === 'NONE') return { step, state: 'skipped' };
    return { step, state: 'passed' };
  });
}
