#!/usr/bin/env node
/** Entry point for `npm run --silent cli -- <verb>`. */
import { nodeIo } from './nodeIo'
import { runCli } from './run'

runCli(process.argv.slice(2), nodeIo()).then((code) => {
  // Exit as soon as the verb is done. Left to end by itself, Node first lets V8 finish its background work
  // (optimising compiles of functions this run will not call again); on a 150-route validate or export that cost
  // 30-60 ms of the whole process (A/B runs, interleaved, on a quiet machine). Everything the verb printed is out
  // already: nodeIo writes synchronously to the descriptors. A verb that kept running (serve) returns only when
  // it stops.
  process.exit(code)
})
