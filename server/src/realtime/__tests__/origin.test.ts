import { describe, expect, it } from 'vitest';
import { originAllowed } from '../ws-server.js';

describe('originAllowed', () => {
  const publicUrl = 'https://help.example.com';
  it.each([
    ['the public origin', 'https://help.example.com', 'internal:4000', true],
    ['the host the socket asked for', 'http://localhost:4000', 'localhost:4000', true],
    ['another site', 'https://evil.example', 'help.example.com', false],
    ['a look-alike host', 'https://help.example.com.evil.example', 'help.example.com', false],
    ['the right host on another port', 'http://localhost:5000', 'localhost:4000', false],
    ['no origin', undefined, 'localhost:4000', false],
    ['garbage', 'not a url', 'localhost:4000', false],
  ])('%s -> %s', (_label, origin, host, allowed) => {
    expect(originAllowed(origin, host, publicUrl)).toBe(allowed);
  });
});
