import { describe, expect, it } from 'vitest';
import { checkSteps, connectionTone } from './mailboxState';

describe('checkSteps', () => {
  it('marks the steps before the failed one passed and the ones after it not reached', () => {
    expect(checkSteps({ ok: false, stage: 'LOGIN' }, 'TLS')).toEqual([
      { step: 'DNS', state: 'passed' },
      { step: 'TCP', state: 'passed' },
      { step: 'TLS', state: 'passed' },
      { step: 'LOGIN', state: 'failed' },
      { step: 'FOLDER', state: 'notReached' },
    ]);
  });

  it('skips TLS for an unencrypted connection, also when everything worked', () => {
    expect(checkSteps({ ok: true, stage: 'OK' }, 'NONE').map((s) => s.state)).toEqual(['passed', 'passed', 'skipped', 'passed', 'passed']);
  });

  it('shows a failure at the first step with nothing passed', () => {
    expect(checkSteps({ ok: false, stage: 'DNS' }, 'STARTTLS').map((s) => s.state)).toEqual(['failed', 'notReached', 'notReached', 'notReached', 'notReached']);
  });
});

describe('connectionTone', () => {
  it('shows connected mailboxes as good and failing ones as danger', () => {
    expect(connectionTone('IDLE')).toBe('positive');
    expect(connectionTone('POLLING')).toBe('positive');
    expect(connectionTone('ERROR')).toBe('danger');
    expect(connectionTone('CONNECTING')).toBe('info');
    expect(connectionTone('STOPPED')).toBe('muted');
  });
});
