import { access, constants } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import { SENDMAIL_PATH, transportOptions, type SmtpSettings } from './smtp-settings.js';

export type SmtpDiagnosisStage = 'dns' | 'tcp' | 'tls' | 'login' | 'sendmail' | 'server' | 'ok';

export interface SmtpDiagnosis {
  ok: boolean;
  /** The first step that failed, or `ok`. */
  stage: SmtpDiagnosisStage;
  /** What happened and what to check, for an admin; never contains the password. */
  message: string;
}

/**
 * Connects and authenticates (SMTP), or checks that the sendmail program can be run, and names the
 * step that failed with the server's own words.
 */
export async function diagnoseSmtp(settings: SmtpSettings): Promise<SmtpDiagnosis> {
  if (settings.transport === 'sendmail') {
    const path = SENDMAIL_PATH;
    try {
      await access(path, constants.X_OK);
      return { ok: true, stage: 'ok', message: `${path} can be run; mail is handed to it.` };
    } catch {
      return { ok: false, stage: 'sendmail', message: `${path} does not exist or cannot be run by the server.` };
    }
  }
  const transporter = nodemailer.createTransport(transportOptions(settings, false));
  try {
    await transporter.verify();
    const auth = settings.user ? `signed in as ${settings.user}` : 'no sign-in configured';
    return { ok: true, stage: 'ok', message: `Connected to ${settings.host}:${settings.port} and ${auth}.` };
  } catch (error) {
    return describeFailure(error, settings);
  } finally {
    transporter.close();
  }
}

function describeFailure(error: unknown, settings: SmtpSettings): SmtpDiagnosis {
  const err = error as { code?: string; errno?: string; message?: string; response?: string; responseCode?: number };
  const where = `${settings.host}:${settings.port}`;
  const said = err.response ?? err.message ?? String(error);
  const code = err.code ?? '';
  const inner = (err as { cause?: { code?: string } }).cause?.code ?? err.errno ?? '';
  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(`${inner} ${said}`))
    return { ok: false, stage: 'dns', message: `The host name ${settings.host} could not be resolved. Check the spelling.` };
  if (code === 'EAUTH' || code === 'ENOAUTH')
    return { ok: false, stage: 'login', message: `The server refused the sign-in of ${settings.user ?? '(no user)'}: ${said}` };
  if (code === 'ETLS' || /certificate|ssl|tls|wrong version number/i.test(said))
    return { ok: false, stage: 'tls', message: `The encrypted connection to ${where} failed: ${said}. Check the security setting and port.` };
  if (code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || /ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH/.test(`${inner} ${said}`))
    return { ok: false, stage: 'tcp', message: `No connection to ${where}: ${said}. Check host, port and firewall.` };
  return { ok: false, stage: 'server', message: `The server at ${where} answered: ${said}` };
}
