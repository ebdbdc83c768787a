// Preloaded into the benchmarked API process (node --require bench/memory-probe.cjs): answers the
// benchmark's 'memory' messages on the IPC channel with process.memoryUsage(), so that the heap
// (not only the resident set, which /proc shows) is sampled during an export. Never in production.
'use strict';
if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message === 'memory') process.send({ memory: process.memoryUsage() });
  });
  // the channel must not keep the process alive on SIGTERM
  process.channel?.unref();
}
