import { lookup } from 'node:dns/promises';
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { ImapFlow, type ImapFlowError } from 'imapflow';
import { imapFlowOptions, type ImapSettings } from './imap-settings.js';

/** The steps of a connection test, in order; `ok` when all of them passed. */
export type ImapDiagnosisStage = 'dns' | 'tcp' | 'tls' | 'login' | 'folder' | 'ok';

export interface ImapDiagnosis {
  ok: boolean;
  /** The first step that failed, or `ok`. */
  stage: ImapDiagnosisStage;
  /** What happened and what to check, for an admin; never contains the password. */
  message: string;
  /** The server's capabilities as far as the test got (empty before the IMAP greeting). */
  capabilities: string[];
  /** The server announces IDLE, so new mail arrives at once instead of by polling. */
  idle: boolean;
  /** Messages in the folder, when it could be opened. */
  messages?: number;
}

/** Upper limit for each step; a refused connection or unknown host answers at once. */
const STEP_TIMEOUT_MS = 10_000;
const LOGOUT_TIMEOUT_MS = 2_000;
const MAX_FOLDERS_NAMED = 20;

const CERTIFICATE_PROBLEMS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'has expired',
  CERT_NOT_YET_VALID: 'is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'is signed by a self-signed authority that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'is not signed by a trusted authority (or the server sends an incomplete certificate chain)',
  UNABLE_TO_GET_ISSUER_CERT: 'is not signed by a trusted authority (or the server sends an incomplete certificate chain)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'is not signed by a trusted authority (or the server sends an incomplete certificate chain)',
  CERT_UNTRUSTED: 'is not trusted',
  CERT_REVOKED: 'has been revoked',
  CERT_SIGNATURE_FAILURE: 'has an invalid signature',
  ERR_TLS_CERT_ALTNAME_INVALID: 'is issued for a different host name',
};

/** TLS errors that mean the other side does not speak TLS at all. */
const NOT_TLS = ['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST', 'ECONNRESET', 'EPIPE'];

class StepFailure extends Error {
  constructor(
    readonly stage: Exclude<ImapDiagnosisStage, 'ok'>,
    message: string,
    readonly capabilities: string[] = [],
  ) {
    super(message);
  }
}

const codeOf = (error: unknown): string | undefined => (error as { code?: unknown } | null)?.code?.toString();
/** OpenSSL's short reason ("wrong version number") instead of its multi-line error string. */
const tlsReason = (error: Error): string => (error as { reason?: unknown }).reason?.toString() ?? error.message;
/** A server's or library's sentence, to be quoted inside one of ours. */
const quoted = (text: string): string => text.trim().replace(/\.+$/, '');
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Tests IMAP settings step by step (DNS, TCP, TLS, login, folder) and says in words which step
 * failed first and what to check. Every step gives up after 10 s; connections are always closed.
 * Resolves with the result and does not throw for anything the server or network does.
 */
export async function diagnoseImap(settings: ImapSettings): Promise<ImapDiagnosis> {
  let result: ImapDiagnosis;
  try {
    const address = await lookUpHost(settings.host);
    const socket = await openTcp(settings, address);
    if (settings.security === 'tls') await handshakeTls(settings, socket);
    else socket.destroy();
    result = await checkImap(settings);
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    result = { ok: false, stage: error.stage, message: error.message, capabilities: error.capabilities, idle: error.capabilities.includes('IDLE') };
  }
  // Server texts are quoted in messages; none of them may carry the password back to the admin's screen.
  if (settings.password) result.message = result.message.replaceAll(settings.password, '•••');
  return result;
}

async function lookUpHost(host: string): Promise<string> {
  if (isIP(host)) return host;
  try {
    const { address } = await withTimeout(
      lookup(host),
      STEP_TIMEOUT_MS,
      () => new StepFailure('dns', `The DNS lookup of "${host}" took longer than ${seconds(STEP_TIMEOUT_MS)}.`),
    );
    return address;
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    switch (codeOf(error)) {
      case 'ENOTFOUND':
      case 'EAI_NONAME':
      case 'EAI_NODATA':
        throw new StepFailure('dns', `The host name "${host}" was not found (DNS). Check the spelling of the server name.`);
      case 'EAI_AGAIN':
        throw new StepFailure(
          'dns',
          `The name server did not answer for "${host}" (temporary DNS failure). Try again later or check this server's DNS settings.`,
        );
      default:
        throw new StepFailure('dns', `The DNS lookup of "${host}" failed (${codeOf(error) ?? String(error)}).`);
    }
  }
}

function endpoint(settings: ImapSettings, address: string): string {
  return address === settings.host ? `${settings.host} port ${settings.port}` : `${settings.host} (${address}) port ${settings.port}`;
}

function openTcp(settings: ImapSettings, address: string): Promise<Socket> {
  const where = endpoint(settings, address);
  if (!Number.isInteger(settings.port) || settings.port < 1 || settings.port > 65535) {
    return Promise.reject(
      new StepFailure('tcp', `The port ${settings.port} is not valid: use a number from 1 to 65535 (IMAP usually 993 with TLS, 143 otherwise).`),
    );
  }
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: address, port: settings.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new StepFailure('tcp', `${where} did not answer within ${seconds(STEP_TIMEOUT_MS)}. A firewall may drop the connection, or the host or port is wrong.`),
      );
    }, STEP_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new StepFailure('tcp', tcpMessage(error, where, settings.port)));
    });
  });
}

function tcpMessage(error: Error, where: string, port: number): string {
  switch (codeOf(error)) {
    case 'ECONNREFUSED':
      return `${where} refused the connection: nothing is listening on port ${port}. Check the port (IMAP usually uses 993 with TLS, 143 with STARTTLS or without encryption).`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} cannot be reached from this server (no route to the host). Check the host name and any firewall in between.`;
    case 'ETIMEDOUT':
      return `${where} did not answer. A firewall may drop the connection, or the host or port is wrong.`;
    default:
      return `Could not connect to ${where}: ${quoted(error.message)}.`;
  }
}

function certificateMessage(error: Error, settings: ImapSettings): string | undefined {
  const problem = CERTIFICATE_PROBLEMS[codeOf(error) ?? ''];
  if (!problem) return undefined;
  // Node's own text for the other codes adds advice about Node.js flags, meaningless to an admin.
  const detail = codeOf(error) === 'ERR_TLS_CERT_ALTNAME_INVALID' ? ` (${quoted(tlsReason(error))})` : '';
  return (
    `The server's TLS certificate was rejected: it ${problem}${detail}. ` +
    `If you trust this server anyway, enable "allow invalid certificate" (allowInvalidCertificate) for ${settings.host}.`
  );
}

function handshakeTls(settings: ImapSettings, socket: Socket): Promise<void> {
  const where = endpoint(settings, socket.remoteAddress ?? settings.host);
  return new Promise((resolve, reject) => {
    const tls = connectTls({
      socket,
      host: settings.host,
      // SNI takes host names only.
      ...(isIP(settings.host) ? {} : { servername: settings.host }),
      rejectUnauthorized: !settings.allowInvalidCertificate,
    });
    const timer = setTimeout(() => {
      tls.destroy();
      reject(
        new StepFailure(
          'tls',
          `${where} did not complete a TLS handshake within ${seconds(STEP_TIMEOUT_MS)}. The port may expect STARTTLS or no encryption (usually 143).`,
        ),
      );
    }, STEP_TIMEOUT_MS);
    tls.once('secureConnect', () => {
      clearTimeout(timer);
      tls.destroy();
      resolve();
    });
    tls.on('error', (error) => {
      clearTimeout(timer);
      tls.destroy();
      reject(new StepFailure('tls', tlsMessage(error, settings, where)));
    });
  });
}

function tlsMessage(error: Error, settings: ImapSettings, where: string): string {
  const certificate = certificateMessage(error, settings);
  if (certificate) return certificate;
  if (NOT_TLS.includes(codeOf(error) ?? '')) {
    return `${where} does not speak TLS (${quoted(tlsReason(error))}). The port may expect STARTTLS or no encryption (usually 143); IMAP with TLS usually uses port 993.`;
  }
  return `The TLS handshake with ${where} failed: ${quoted(tlsReason(error))}.`;
}

/** Logs in and opens the folder; by now DNS, TCP and (for `tls`) the handshake are known to work. */
async function checkImap(settings: ImapSettings): Promise<ImapDiagnosis> {
  const where = `${settings.host} port ${settings.port}`;
  const client = new ImapFlow({
    ...imapFlowOptions(settings),
    connectionTimeout: STEP_TIMEOUT_MS,
    greetingTimeout: STEP_TIMEOUT_MS,
    socketTimeout: STEP_TIMEOUT_MS,
    disableAutoIdle: true,
  });
  // Failures arrive as rejected promises below; without a listener an 'error' event would crash the process.
  client.on('error', () => undefined);
  const capabilities = () => [...client.capabilities.keys()];
  try {
    try {
      await client.connect();
    } catch (error) {
      throw new StepFailure(...connectFailure(error as ImapFlowError, settings, where, capabilities()));
    }
    const idle = client.capabilities.has('IDLE');
    let exists: number;
    try {
      exists = (await client.mailboxOpen(settings.folder, { readOnly: true })).exists;
    } catch (error) {
      if (!client.usable) throw new StepFailure('folder', `The server closed the connection while opening the folder "${settings.folder}".`, capabilities());
      const reason = (error as ImapFlowError).mailboxMissing ? 'does not exist' : `cannot be opened (${serverText(error as ImapFlowError)})`;
      throw new StepFailure('folder', `The folder "${settings.folder}" ${reason}. ${await folderList(client)}`, capabilities());
    }
    const count = exists === 1 ? '1 message' : `${exists} messages`;
    return {
      ok: true,
      stage: 'ok',
      message:
        `Logged in to ${where} as ${settings.user} and opened "${settings.folder}" (${count}). ` +
        (idle ? 'The server supports IDLE, so new mail is imported at once.' : 'The server does not support IDLE, so the folder is checked at intervals.'),
      capabilities: capabilities(),
      idle,
      messages: exists,
    };
  } finally {
    await close(client);
  }
}

function serverText(error: ImapFlowError): string {
  return quoted(error.responseText ?? error.reason ?? error.message);
}

function connectFailure(
  error: ImapFlowError,
  settings: ImapSettings,
  where: string,
  capabilities: string[],
): [Exclude<ImapDiagnosisStage, 'ok'>, string, string[]] {
  if (error.authenticationFailed) {
    if (error.serverResponseCode === 'PRIVACYREQUIRED') {
      return ['tls', `The server accepts passwords only over an encrypted connection (${serverText(error)}). Choose STARTTLS or TLS.`, capabilities];
    }
    return [
      'login',
      `The server refused the user name or password (server said: ${serverText(error)}). Check both, and whether the account allows IMAP.`,
      capabilities,
    ];
  }
  const certificate = certificateMessage(error, settings);
  if (certificate) return ['tls', certificate, capabilities];
  if (error.tlsFailed) {
    if (settings.security === 'starttls' && !capabilities.includes('STARTTLS')) {
      return ['tls', `${where} does not offer STARTTLS. Choose TLS (usually port 993), or no encryption only inside a trusted network.`, capabilities];
    }
    return ['tls', `The STARTTLS upgrade with ${where} failed: ${quoted(tlsReason(error))}.`, capabilities];
  }
  switch (error.code) {
    case 'GREETING_TIMEOUT':
      return settings.security === 'tls'
        ? ['tcp', `${where} accepted the TLS connection but sent no IMAP greeting within ${seconds(STEP_TIMEOUT_MS)}. Is this the IMAP port?`, capabilities]
        : [
            'tls',
            `${where} sent no IMAP greeting within ${seconds(STEP_TIMEOUT_MS)}. If the port expects TLS from the start (usually 993), choose TLS.`,
            capabilities,
          ];
    case 'CONNECT_TIMEOUT':
    case 'ETIMEOUT':
      return ['tcp', `${where} stopped answering within ${seconds(STEP_TIMEOUT_MS)}.`, capabilities];
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return ['tcp', tcpMessage(error, where, settings.port), capabilities];
    case 'InvalidResponse':
    case 'ResponseProcessingFailed':
      return ['tcp', `${where} does not answer like an IMAP server. Check the host and port.`, capabilities];
  }
  if (error.code?.startsWith('ParserError')) return ['tcp', `${where} does not answer like an IMAP server. Check the host and port.`, capabilities];
  const reason = error.reason ? ` (server said: ${quoted(error.reason)})` : '';
  return ['login', `${where} closed the connection before the login completed${reason}: ${quoted(error.message)}.`, capabilities];
}

async function folderList(client: ImapFlow): Promise<string> {
  let names: string[];
  try {
    const folders = await client.list();
    names = folders.filter((folder) => !folder.flags.has('\\Noselect')).map((folder) => folder.path);
  } catch {
    return 'The list of folders could not be read.';
  }
  if (names.length === 0) return 'The server lists no folders.';
  names.sort((a, b) => (a === 'INBOX' ? -1 : b === 'INBOX' ? 1 : a.localeCompare(b)));
  const shown = names.slice(0, MAX_FOLDERS_NAMED).join(', ');
  const more = names.length > MAX_FOLDERS_NAMED ? ` and ${names.length - MAX_FOLDERS_NAMED} more` : '';
  return `Folders on the server: ${shown}${more}.`;
}

async function close(client: ImapFlow): Promise<void> {
  if (client.usable) {
    await withTimeout(client.logout(), LOGOUT_TIMEOUT_MS, () => new Error('logout timed out')).catch(() => undefined);
  }
  client.close();
}
