import { describe, expect, it } from 'vitest';
import { classify } from '../mail-sender.js';
import { composeBody, fillPlaceholders, replySubject, subjectWithToken, type PlaceholderValues } from '../compose.js';

describe('replySubject', () => {
  it.each([
    ['Drucker kaputt', 'Re: Drucker kaputt'],
    ['Re: Drucker kaputt', 'Re: Drucker kaputt'],
    ['RE: Re: AW: Drucker kaputt', 'Re: Drucker kaputt'],
    ['AW: WG: Fwd: Rechnung', 'Re: Rechnung'],
    ['Re[2]: Angebot', 'Re: Angebot'],
    ['Re: Drucker kaputt [#42]', 'Re: Drucker kaputt'],
    ['[#42] AW: Re: Drucker', 'Re: Drucker'],
    ['Reparatur: Termin', 'Re: Reparatur: Termin'],
    ['', 'Re:'],
  ])('%j → %j', (original, expected) => {
    expect(replySubject(original)).toBe(expected);
  });

  it('adds the ticket token once, at the end', () => {
    expect(subjectWithToken('Re: Drucker', 42)).toBe('Re: Drucker [#42]');
    expect(subjectWithToken('Re: Drucker [#42]', 42)).toBe('Re: Drucker [#42]');
  });
});

const VALUES: PlaceholderValues = {
  customerName: 'Muster GmbH',
  contactName: 'Erika',
  ticketNumber: '42',
  ticketSubject: 'Drucker',
  agentName: 'Max',
  department: 'Support',
  expectedDate: '2026-12-01',
};

describe('placeholders and the body', () => {
  it('fills known placeholders, spaces allowed, and leaves unknown ones visible', () => {
    expect(fillPlaceholders('Hallo {{ contactName }} von {{customerName}}, Ticket {{ticketNumber}} bis {{expectedDate}} {{nope}}', VALUES)).toBe(
      'Hallo Erika von Muster GmbH, Ticket 42 bis 2026-12-01 {{nope}}',
    );
  });

  it('puts text, "-- ", agent signature, address signature and the quote in that order, and escapes the HTML', () => {
    const { text, html } = composeBody({
      text: 'Antwort <b>jetzt</b>',
      html: null,
      agentSignature: 'Max',
      addressSignature: 'Support-Team',
      history: { from: 'erika@customer.example', at: new Date('2026-11-29T10:00:00Z'), text: 'Frage\nzwei' },
    });
    expect(text).toBe('Antwort <b>jetzt</b>\n\n-- \nMax\n\nSupport-Team\n\nerika@customer.example wrote on Sun, 29 Nov 2026 10:00:00 GMT:\n> Frage\n> zwei');
    expect(html).toContain('<p>Antwort &lt;b&gt;jetzt&lt;/b&gt;</p>');
    expect(html.indexOf('Max')).toBeLessThan(html.indexOf('Support-Team'));
    expect(html).toContain('<blockquote type="cite"><p>Frage<br>zwei</p></blockquote>');
  });

  it('leaves out empty signatures and sanitizes rich text', () => {
    const { text, html } = composeBody({
      text: 'Nur Text',
      html: '<p onclick="x()">Nur <script>bad()</script>Text</p>',
      agentSignature: ' ',
      addressSignature: '',
      history: null,
    });
    expect(text).toBe('Nur Text');
    expect(html).not.toMatch(/onclick|script/);
  });
});

describe('classify', () => {
  it('treats 5xx as permanent and 4xx, timeouts and lost connections as temporary', () => {
    expect(classify(Object.assign(new Error('x'), { responseCode: 550, response: '550 5.1.1 No such user', code: 'EENVELOPE' }))).toEqual({
      permanent: true,
      said: '550 5.1.1 No such user',
    });
    expect(classify(Object.assign(new Error('x'), { responseCode: 421, response: '421 Try later', code: 'EMESSAGE' })).permanent).toBe(false);
    expect(classify(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' })).permanent).toBe(false);
    expect(classify(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' })).permanent).toBe(true);
  });
});
