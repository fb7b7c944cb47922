import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The server secret of a local installation (embedded PostgreSQL, no TRESEN_SECRET): made once and
 * kept beside the data in `<dataDir>/secret`, so sessions, sealed mailbox passwords and signed
 * Message-IDs stay valid across restarts, exactly as long as the data they belong to.
 */
export async function localSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'secret');
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null && existing.trim().length >= 32) return existing.trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
