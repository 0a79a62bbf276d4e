#!/usr/bin/env node
/** Entry point for `npm run --silent cli -- <verb>`. */
import { nodeIo } from './nodeIo'
import { runCli } from './run'

runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code
})
