#!/usr/bin/env node
/** Entry point for `npm run --silent cli -- <verb>`. */
import { nodeIo } from './nodeIo'
import { runCli } from './run'

runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code
  // Exit as soon as everything printed is out. Left to end by itself, Node first lets V8 finish its background
  // work (optimising compiles of functions this run will not call again); on a 150-route validate or export that
  // cost 30-60 ms of the whole process (A/B runs, interleaved, on a quiet machine). A write's callback fires once
  // the stream has flushed, on every platform, so no output is lost; every verb has finished its own writes here.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
})
