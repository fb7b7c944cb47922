import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';
const DOVEADM = '/usr/bin/doveadm';
const HOST = '127.0.0.1';

/**
 * Dovecot 2.3's own capability list after login, minus IDLE (and NOTIFY, the other push mechanism).
 * `imap_capability` can only replace or extend the list in 2.3, not remove single entries.
 */
const CAPABILITIES_WITHOUT_IDLE = [
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL',
  'CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH',
  'LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ SPECIAL-USE',
].join(' ');

export interface DovecotOptions {
  /** Announce IDLE (default true). With `false` clients have to poll. */
  idle?: boolean;
}

export interface DovecotAccount {
  user: string;
  password: string;
}

export interface DovecotMessage {
  uid: number;
  /** Stored flags such as `\Seen`; the per-session `\Recent` is left out. */
  flags: string[];
  /** The Message-ID header without angle brackets, if the mail has one. */
  messageId?: string;
}

/** A Dovecot IMAP server of its own (own directory, config, port and processes) on loopback, plaintext. */
export interface Dovecot {
  readonly host: string;
  readonly port: number;
  /** Adds a new user with an empty INBOX and the folders Archive and Processed. */
  createUser(): Promise<DovecotAccount>;
  /** Stores a mail in a folder of a user created here, as a mail client would (IMAP APPEND). */
  append(user: string, folder: string, raw: Buffer | string, flags?: string[]): Promise<{ uid: number; uidValidity: number }>;
  /** The messages of a folder in UID order, read without changing anything (EXAMINE). */
  list(user: string, folder: string): Promise<DovecotMessage[]>;
  /**
   * Gives a folder a new UIDVALIDITY and keeps its messages, as happens when a server's index is
   * rebuilt (the UIDs themselves stay). Sessions that have the folder open are disconnected, as
   * Dovecot does then. Throws unless the new UIDVALIDITY and the same message count are visible.
   */
  resetUidValidity(user: string, folder: string): Promise<void>;
  /** Drops every IMAP connection of a user (as a server restart or a network cut would); returns doveadm's report. */
  kick(user: string): Promise<string>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** Children still running when this process exits (a test file that crashes before its afterAll). */
const running = new Map<ChildProcess, string>();
let exitHookInstalled = false;

function killOnExit(child: ChildProcess, baseDir: string): void {
  running.set(child, baseDir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [orphan, dir] of running) {
      // The master takes its own processes down when it gets SIGTERM.
      orphan.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** A loopback port that was free a moment ago (bound to port 0, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

function systemUser(name: string): SystemUser | undefined {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name) return { name, uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

function groupName(gid: number): string {
  for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
    const [name, , id] = line.split(':');
    if (name && Number(id) === gid) return name;
  }
  throw new Error(`startDovecot found no name for group ${gid} in /etc/group`);
}

/**
 * Who the processes run as. Dovecot refuses to read mail as root, so as root mail belongs to
 * `nobody` and logins run as `dovenull`; otherwise everything runs as the current user.
 */
function processUsers(): { mail: SystemUser; internalUser: string; internalGroup: string; login: string } {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { mail: { name: me.username, uid: me.uid, gid: me.gid }, internalUser: me.username, internalGroup: groupName(me.gid), login: me.username };
  }
  const nobody = systemUser('nobody');
  if (!nobody) throw new Error('startDovecot needs the system user `nobody` to own the test mail when running as root.');
  const internal = systemUser('dovecot') ?? nobody;
  return { mail: nobody, internalUser: internal.name, internalGroup: groupName(internal.gid), login: systemUser('dovenull') ? 'dovenull' : 'nobody' };
}

function dovecotConf(dir: string, port: number, options: DovecotOptions): string {
  const users = processUsers();
  return `# Written by test/helpers/dovecot.ts for one test run; nothing from /etc/dovecot.
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = tresen-test-${port}
log_path = ${dir}/dovecot.log
protocols = imap
listen = ${HOST}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = ${users.internalUser}
default_internal_group = ${users.internalGroup}
default_login_user = ${users.login}
mail_location = maildir:${dir}/mail/%u
mail_fsync = never
# inotify normally wakes IDLE at once; this is the fallback where it is not available.
mailbox_idle_check_interval = 1 secs
${options.idle === false ? `imap_capability = ${CAPABILITIES_WITHOUT_IDLE}` : ''}

# No growing delay after failed logins (anvil's auth penalty): tests try wrong passwords on purpose.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
  chroot =
}

# No chroot, so the same config also runs without root.
service imap-login {
  chroot =
  inet_listener imap {
    address = ${HOST}
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}

# One passwd-file per user: dovecot checks a changed passwd-file at most once a second, but a new
# file it has never read is read at once, so createUser() takes effect for the very next login.
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users/%u
}
userdb {
  driver = static
  args = uid=${users.mail.uid} gid=${users.mail.gid} home=${dir}/mail/%u
}

namespace inbox {
  inbox = yes
  mailbox INBOX {
    auto = create
  }
  mailbox Archive {
    auto = create
  }
  mailbox Processed {
    auto = create
  }
}
`;
}

/** Resolves once the port greets with `* OK`; rejects when the greeting is anything else. */
function greeting(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, HOST);
    let text = '';
    socket.setTimeout(2000, () => socket.destroy(new Error('no greeting within 2 s')));
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (!text.includes('\r\n')) return;
      socket.destroy();
      if (text.startsWith('* OK')) resolve();
      else reject(new Error(`unexpected greeting: ${text.trim()}`));
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('closed before the greeting')));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readLog(dir: string): Promise<string> {
  return readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
}

/** Starts dovecot on a free port; resolves once it greets, rejects with its output if it exits first. */
async function launch(
  dir: string,
  conf: string,
  options: DovecotOptions,
): Promise<{ child: ChildProcess; port: number; exited: Promise<void> } | { bindFailed: true }> {
  const port = await freePort();
  // A fresh log per attempt, so an earlier attempt's bind error is not read as this one's.
  await rm(join(dir, 'dovecot.log'), { force: true });
  await writeFile(conf, dovecotConf(dir, port, options));
  const child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  killOnExit(child, dir);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      gone = true;
      running.delete(child);
      resolve();
    }),
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (gone) {
      const log = `${output}${await readLog(dir)}`;
      // Another process took the port between freePort() and dovecot's bind: try another one.
      if (/Address already in use/.test(log)) return { bindFailed: true };
      throw new Error(`dovecot exited before it accepted connections:\n${log}`);
    }
    try {
      await greeting(port);
      return { child, port, exited };
    } catch (error) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`dovecot did not greet on port ${port} within 10 s (${String(error)}):\n${output}${await readLog(dir)}`);
      }
      await sleep(30);
    }
  }
}

/**
 * Starts a Dovecot IMAP server of its own on 127.0.0.1: own temporary directory, config, log,
 * port and user list, so test files running in parallel never share anything. Plaintext only
 * (`security: 'none'`). Call `stop()` in afterAll; should the test process exit first, the server
 * is stopped on exit.
 */
export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  if (!existsSync(DOVECOT)) throw new Error(`${DOVECOT} is missing: install Debian's dovecot-imapd to run the IMAP tests.`);
  const dir = await mkdtemp(join(tmpdir(), 'tresen-dovecot-'));
  // Unix sockets live under base_dir; their paths must stay below 108 bytes.
  if (dir.length > 60) throw new Error(`temporary directory ${dir} is too long for dovecot's sockets; set TMPDIR to a shorter path such as /tmp.`);
  const users = processUsers();
  // The mail and login users must reach the directory mkdtemp created as 0700.
  await chmod(dir, 0o755);
  await mkdir(join(dir, 'mail'));
  await mkdir(join(dir, 'state'));
  if (process.getuid?.() === 0) await chown(join(dir, 'mail'), users.mail.uid, users.mail.gid);
  await mkdir(join(dir, 'users'));
  const conf = join(dir, 'dovecot.conf');

  let started: { child: ChildProcess; port: number; exited: Promise<void> } | undefined;
  try {
    for (let attempt = 0; attempt < 5 && !started; attempt++) {
      const result = await launch(dir, conf, options);
      if (!('bindFailed' in result)) started = result;
    }
    if (!started) throw new Error('dovecot found no free port in 5 attempts');
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const { child, port, exited } = started;
  const passwords = new Map<string, string>();

  async function session<T>(user: string, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const password = passwords.get(user);
    if (password === undefined) throw new Error(`${user} was not created with createUser() on this dovecot`);
    const client = new ImapFlow({ host: HOST, port, secure: false, doSTARTTLS: false, auth: { user, pass: password }, logger: false });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  async function uidValidityAndCount(user: string, folder: string): Promise<{ uidValidity: number; messages: number }> {
    const status = await session(user, (client) => client.status(folder, { uidValidity: true, messages: true }));
    if (!status) throw new Error(`STATUS of ${folder} failed`);
    return { uidValidity: Number(status.uidValidity), messages: status.messages ?? 0 };
  }

  let stopping: Promise<void> | undefined;

  return {
    host: HOST,
    port,
    async createUser() {
      const user = `user-${randomBytes(5).toString('hex')}`;
      const password = randomBytes(12).toString('hex');
      await writeFile(join(dir, 'users', user), `${user}:{PLAIN}${password}\n`);
      passwords.set(user, password);
      return { user, password };
    },
    async append(user, folder, raw, flags = []) {
      const result = await session(user, (client) => client.append(folder, raw, flags));
      if (!result || result.uid === undefined || result.uidValidity === undefined) throw new Error(`APPEND to ${folder} returned no UID`);
      return { uid: result.uid, uidValidity: Number(result.uidValidity) };
    },
    async list(user, folder) {
      return session(user, async (client) => {
        const mailbox = await client.mailboxOpen(folder, { readOnly: true });
        if (mailbox.exists === 0) return [];
        const messages: DovecotMessage[] = [];
        for await (const message of client.fetch('1:*', { uid: true, flags: true, envelope: true })) {
          const messageId = message.envelope?.messageId?.replace(/^<|>$/g, '');
          messages.push({
            uid: message.uid,
            flags: [...(message.flags ?? [])].filter((flag) => flag !== '\\Recent'),
            ...(messageId ? { messageId } : {}),
          });
        }
        return messages.sort((a, b) => a.uid - b.uid);
      });
    },
    async resetUidValidity(user, folder) {
      const before = await uidValidityAndCount(user, folder);
      const next = (before.uidValidity + 1) % 2 ** 32 || 1;
      // doveadm updates the index the way a rebuild would; the maildir files stay as they are.
      await promisify(execFile)(DOVEADM, ['-c', conf, 'mailbox', 'update', '-u', user, '--uid-validity', String(next), folder]);
      const after = await uidValidityAndCount(user, folder);
      if (after.uidValidity === before.uidValidity || after.messages !== before.messages) {
        throw new Error(`resetting UIDVALIDITY of ${folder} failed: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
      }
    },
    async kick(user) {
      const { stdout, stderr } = await promisify(execFile)(DOVEADM, ['-c', conf, 'kick', user]);
      return `${stdout}${stderr}`;
    },
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        running.delete(child);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
