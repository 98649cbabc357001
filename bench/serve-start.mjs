// Shared by the serve benches: start `genesis serve DIR --port 0` as a child and resolve with the URL it prints.
import { spawn } from 'node:child_process';

export async function startServe(bin, dir) {
  const server = spawn(process.execPath, [bin, 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((res, rej) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /http:\S+token=\S+/.exec(out);
      if (m) res(m[0]);
    });
    server.on('exit', (code) => rej(new Error(`genesis serve exited ${code}`)));
  });
  return { server, url };
}
