import { describe, expect, it } from 'vitest';
import { SecretBox } from '../secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a-server-secret-of-at-least-32-characters');

  it('opens what it sealed, and never shows the plain text in the sealed form', () => {
    const sealed = box.seal('Passwort mit Ümlaut & Zeichen');
    expect(sealed).not.toContain('Passwort');
    expect(box.open(sealed)).toBe('Passwort mit Ümlaut & Zeichen');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses sealed text from another secret, tampered text and garbage', () => {
    const sealed = box.seal('geheim');
    expect(new SecretBox('another-server-secret-of-32-characters!').open(sealed)).toBeNull();
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] = body[0]! ^ 1;
    expect(box.open([...parts.slice(0, 3), body.toString('base64')].join(':'))).toBeNull();
    expect(box.open('garbage')).toBeNull();
    expect(box.open('v1:::')).toBeNull();
  });
});
