// For `npm run bench:save` only (BENCH_PROCESSES=n, issue 19): n `next start` processes of one
// build behind one port, with Node's cluster module (the primary accepts the connections and
// hands them round robin to the workers; it runs no Next.js itself). Not a production setup:
// it measures what a second process would give on this machine.
//   node scripts/bench-save-cluster.mjs <processes> <next start arguments…>
// Prints "cluster: all <n> listening" once every worker listens.
import cluster from 'node:cluster';
import path from 'node:path';

const [count, ...args] = process.argv.slice(2);
const processes = Number(count);
if (!Number.isInteger(processes) || processes < 1) throw new Error(`bench-save-cluster: the number of processes, got ${count}`);

cluster.schedulingPolicy = cluster.SCHED_RR;
cluster.setupPrimary({ exec: path.join(process.cwd(), 'node_modules/next/dist/bin/next'), args, silent: false });
let listening = 0;
cluster.on('listening', () => {
  if (++listening === processes) console.log(`cluster: all ${processes} listening`);
});
cluster.on('exit', (worker, code, signal) => {
  console.error(`cluster: worker ${worker.process.pid} exited (${signal ?? code})`);
  process.exitCode = 1;
  for (const other of Object.values(cluster.workers ?? {})) other?.kill();
});
for (let i = 0; i < processes; i++) cluster.fork();
const stop = () => {
  cluster.removeAllListeners('exit');
  for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
