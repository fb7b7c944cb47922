import { describe, expect, it } from 'vitest';
import { placeholderToken, unknownPlaceholders } from './placeholders';

describe('unknownPlaceholders', () => {
  it('finds nothing in a text with known placeholders only, blanks inside the braces allowed', () => {
    expect(unknownPlaceholders('Hallo {{customerName}}, Ihr Ticket {{ ticketNumber }} – {{agentName}}')).toEqual([]);
  });

  it('names typos once each, as written', () => {
    expect(unknownPlaceholders('Hallo {{custmerName}} und {{custmerName}}, {{ Ticket }}')).toEqual(['{{custmerName}}', '{{ Ticket }}']);
  });

  it('ignores single braces', () => {
    expect(unknownPlaceholders('{customerName} {{}')).toEqual([]);
  });
});

describe('placeholderToken', () => {
  it('writes a placeholder as the server reads it', () => {
    expect(placeholderToken('expectedDate')).toBe('{{expectedDate}}');
  });
});
