import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';

export type { Logger };

/** One JSON logger per process; secrets are redacted wherever they appear in log objects. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    name: 'tresen',
    level: config.logLevel,
    redact: { paths: ['password', '*.password', 'token', '*.token', 'headers.cookie', 'headers.authorization'], censor: '[redacted]' },
  });
}
