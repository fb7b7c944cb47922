import { describe, expect, it } from 'vitest';
import { addRecipients, invalidRecipients, isAddress, splitRecipients } from './recipients';

describe('isAddress', () => {
  it('accepts plain addresses in any case', () => {
    expect(isAddress('erika@customer.example')).toBe(true);
    expect(isAddress(' Erika.Muster+tickets@Customer.Example ')).toBe(true);
  });

  it('refuses display names, missing domains and header tricks', () => {
    expect(isAddress('Erika <erika@customer.example>')).toBe(false);
    expect(isAddress('erika@localhost')).toBe(false);
    expect(isAddress('erika')).toBe(false);
    expect(isAddress('erika@customer.example\r\nBcc: x@y.example')).toBe(false);
    expect(isAddress(`${'a'.repeat(65)}@customer.example`)).toBe(false);
  });
});

describe('splitRecipients', () => {
  it('splits at commas, semicolons, blanks and line breaks', () => {
    expect(splitRecipients('a@x.example, b@x.example;c@x.example\nd@x.example  e@x.example')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
      'd@x.example',
      'e@x.example',
    ]);
  });

  it('takes the address out of "Name <address>" as mail programs copy it', () => {
    expect(splitRecipients('Erika Mustermann <erika@customer.example>, "Chef, Der" <chef@customer.example>')).toEqual([
      'erika@customer.example',
      'chef@customer.example',
    ]);
  });

  it('keeps entries that are no address, so the form can name them', () => {
    expect(splitRecipients('erika@, ,bob@x.example')).toEqual(['erika@', 'bob@x.example']);
    expect(splitRecipients('   ')).toEqual([]);
  });
});

describe('addRecipients', () => {
  it('leaves out entries already in the list, whatever their case', () => {
    expect(addRecipients(['erika@customer.example'], ['Erika@Customer.example', 'chef@customer.example'])).toEqual([
      'erika@customer.example',
      'chef@customer.example',
    ]);
  });
});

describe('invalidRecipients', () => {
  it('names the entries that cannot be sent to', () => {
    expect(invalidRecipients(['a@x.example', 'nobody', 'b@x'])).toEqual(['nobody', 'b@x']);
  });
});
