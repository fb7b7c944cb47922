/**
 * The mail server of bench/mail-send.mjs, in its own process: an smtp-server on loopback that
 * accepts everything and counts it. argv: port. IPC: 'count' → { count }, 'stop' → exits.
 */
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv[2]);
let count = 0;
const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      count += 1;
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => process.send({ listening: port }));
process.on('message', (message) => {
  if (message === 'count') process.send({ count });
  if (message === 'stop') server.close(() => process.exit(0));
});
