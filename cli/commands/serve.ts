// `genesis serve`: start the local dashboard, print its URL with the token, and stop it (and its runs) on Ctrl-C.
import { ExitCode, InputError } from '../../util/errors.js';
import { intOption, parse } from '../args.js';
import type { Io } from '../io.js';
import { untilStopped } from '../../util/until-stopped.js';

const USAGE = 'genesis serve [<folder or pipeline.yaml>] [--port N] [--host H]';
export const DEFAULT_PORT = 8765;

export async function serveCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } }, USAGE);
  if (positionals.length > 1) throw new InputError(`unexpected argument "${positionals[1]}"\nusage: ${USAGE}`);
  const port = intOption(values.port, 'port', 0) ?? DEFAULT_PORT;
  if (port > 65535) throw new InputError(`--port must be at most 65535, not ${port}`);
  const host = values.host ?? '127.0.0.1';
  const { startDashboard } = await import('../../serve/server.js');
  const { isLoopback } = await import('../../serve/security.js');
  if (!isLoopback(host)) io.stderr(`genesis: warning: serving on ${host}, not only this machine: whoever can reach it and has the token can read your runs and start pipelines`);
  let dashboard;
  try {
    dashboard = await startDashboard({ target: positionals[0] ?? '.', host, port });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new InputError(`port ${port} on ${host} is already in use (another genesis serve?); choose another with --port N, or --port 0 for a free one`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InputError(`--host ${host}: no such interface on this machine`);
    if (code === 'EACCES') throw new InputError(`port ${port} needs privileges on this system; choose one above 1023`);
    throw e;
  }
  io.stderr(`genesis: dashboard for ${positionals[0] ?? '.'} — open this URL (the token in it is required; press Ctrl-C to stop):`);
  io.stdout(dashboard.url);

  // Ctrl-C (or SIGTERM) stops the runs this dashboard started — they keep finished items — then the server.
  await untilStopped();
  io.stderr('genesis: stopping the dashboard');
  await dashboard.close();
  // Ctrl-C is how a server is meant to stop: that is success, not an interrupted command.
  return ExitCode.ok;
}
