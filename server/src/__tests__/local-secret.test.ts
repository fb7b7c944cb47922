import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localSecret } from '../infra/local-secret.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tresen-secret-'));
  dirs.push(dir);
  return dir;
};

describe('localSecret', () => {
  it('makes a secret once, readable only by its owner, and returns the same one on the next start', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const first = await localSecret(dataDir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(path.join(dataDir, 'secret'))).mode & 0o777).toBe(0o600);
    expect(await localSecret(dataDir)).toBe(first);
  });

  it('replaces a file too short to be a secret', async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, 'secret'), 'short\n');
    const secret = await localSecret(dataDir);
    expect(secret).toHaveLength(64);
  });
});
