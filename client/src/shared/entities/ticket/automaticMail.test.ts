import { describe, expect, it } from 'vitest';
import { automaticKind } from './automaticMail';

describe('automaticKind', () => {
  it('recognises bounces, complaints and reports by the rule the server names first', () => {
    expect(automaticKind('Bounce: Delivery Status Notification (multipart/report; report-type=delivery-status)')).toBe('BOUNCE');
    expect(automaticKind('Complaint: abuse report (feedback-type=abuse)')).toBe('COMPLAINT');
    expect(automaticKind('Report (multipart/report; report-type=disposition-notification)')).toBe('REPORT');
  });

  it('recognises out-of-office and other automatic replies', () => {
    expect(automaticKind('Auto-Submitted: auto-replied')).toBe('AUTO_REPLY');
    expect(automaticKind('X-Autoreply: yes')).toBe('AUTO_REPLY');
    expect(automaticKind('X-Autorespond: 1')).toBe('AUTO_REPLY');
    expect(automaticKind('Precedence: auto_reply')).toBe('AUTO_REPLY');
  });

  it('recognises bulk and mailing-list mail', () => {
    expect(automaticKind('Precedence: bulk')).toBe('BULK');
    expect(automaticKind('X-Precedence: list')).toBe('BULK');
    expect(automaticKind('Mailing list mail (List-Id)')).toBe('BULK');
  });

  it('calls anything else automatic mail', () => {
    expect(automaticKind('Auto-Submitted: auto-generated')).toBe('OTHER');
    expect(automaticKind('Empty Return-Path <> (the null sender of bounces and auto-replies)')).toBe('OTHER');
    expect(automaticKind('Sent by the mail system account mailer-daemon@example.com')).toBe('OTHER');
  });
});
