/**
 * `serve <design> [--port 3001] [--stage dev] [--watch] [--force] [--script <name|file>] [--api-key <key>]`
 * Runs the design locally (src/emulator + src/emulator-node): ws://127.0.0.1:<port>/<stage>, @connections at
 * http://127.0.0.1:<port>/<stage>/@connections/{id}, GET /_state. One timeline line per event on stdout.
 * A design with errors is refused like `export` (exit 1) unless --force. With --script it replays the named
 * script of the design (or a YAML/JSON file holding {steps}) against the server, prints each step and exits
 * 0 when every expectation holds, 1 otherwise.
 */

import { watch } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { load } from 'js-yaml'
import { parseArgs, readText, UsageError, type CliIo, type Command } from '../command'
import type { DesignDocument } from '../../model/types'
import { formatDiagnostic } from './validate'

async function loadDesign(io: CliIo, file: string, force: boolean): Promise<DesignDocument | undefined> {
  const input = readText(io, file)
  if (!input.ok) return undefined
  const [{ parseDocument }, { checkDesign, locateInFile }, { hasErrors, sortDiagnostics }] = await Promise.all([
    import('../../model/document/parse'),
    import('../../checks'),
    import('../../model/diagnostics'),
  ])
  const parsed = parseDocument(input.text)
  if (!parsed.ok) {
    for (const d of parsed.errors) io.stderr(`${formatDiagnostic(file, d)}\n`)
    return undefined
  }
  const checks = checkDesign(parsed.document)
  const diagnostics = sortDiagnostics(locateInFile([...parsed.warnings, ...checks], parsed.source))
  for (const d of diagnostics) if (d.severity === 'error') io.stderr(`${formatDiagnostic(file, d)}\n`)
  if (hasErrors(checks) && !force) {
    io.stderr(`${file}: not served (fix the errors above, or pass --force to serve anyway)\n`)
    return undefined
  }
  return parsed.document
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve <design> [--port 3001] [--stage dev] [--watch] [--force] [--script <name|file>] [--api-key <key>]',
  summary: 'run the design locally: WebSocket API, @connections, Lambda, DynamoDB (dynalite) and friends; --script replays a message script',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { values: ['port', 'stage', 'script', 'api-key'], switches: ['watch', 'force'] })
    const file = positional[0]
    if (!file || positional.length > 1) throw new UsageError('serve takes exactly one design file')
    const port = flags.port === undefined ? 3001 : Number(flags.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number')
    const force = flags.force === true
    const doc = await loadDesign(io, file, force)
    if (!doc) return 1
    const stage = typeof flags.stage === 'string' ? flags.stage : undefined
    if (stage !== undefined && !Object.values(doc.design.stages).some((s) => s.name === stage)) io.stderr(`note: the design has no stage ${stage}; serving it anyway with no stage variables\n`)

    const { startServer } = await import('../../emulator-node/server')
    const { formatEvent } = await import('../../emulator/format')
    const scriptName = typeof flags.script === 'string' ? flags.script : undefined
    const quiet = scriptName !== undefined
    const server = await startServer({
      design: doc.design,
      port,
      stage,
      baseDir: dirname(resolve(io.cwd, file)),
      apiKeys: typeof flags['api-key'] === 'string' ? [flags['api-key']] : undefined,
      onEvent: (e) => {
        if (!quiet || e.error) io.stdout(`${formatEvent(e)}\n`)
      },
    })
    io.stderr(`serving ${file} at ${server.url}\n  @connections: http://127.0.0.1:${server.port}/${server.session.stage}/@connections/{id}\n  state:        http://127.0.0.1:${server.port}/_state\n`)

    if (scriptName !== undefined) return runScriptAndExit(io, doc, scriptName, server)

    let watcher: ReturnType<typeof watch> | undefined
    if (flags.watch === true) {
      let timer: ReturnType<typeof setTimeout> | undefined
      watcher = watch(resolve(io.cwd, file), () => {
        clearTimeout(timer)
        timer = setTimeout(() => {
          void loadDesign(io, file, force).then((next) => {
            if (next) void server.reload(next.design)
            else io.stderr(`${file}: the change has errors; still serving the previous version\n`)
          })
        }, 100)
      })
    }
    return new Promise<number>((done) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        watcher?.close()
        io.stderr('stopping…\n')
        void server.close().then(() => done(0))
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
  },
}

async function runScriptAndExit(io: CliIo, doc: DesignDocument, name: string, server: { url: string; close(): Promise<void> }): Promise<number> {
  const { parseScripts, runScript } = await import('../../emulator/scripts')
  const { WsScriptClient } = await import('../../emulator-node/wsScriptClient')
  let raw: unknown = doc.design.scripts
  let scriptKey = name
  if (!raw || !Object.prototype.hasOwnProperty.call(raw, name)) {
    // Not a script of the design: a file holding one script ({steps}) or a `scripts` mapping.
    if (!io.exists(name)) {
      io.stderr(`no script ${name} in the design, and no such file\n`)
      await server.close()
      return 2
    }
    const text = readText(io, name)
    if (!text.ok) {
      await server.close()
      return 2
    }
    const data = load(text.text) as Record<string, unknown> | undefined
    raw = data && 'steps' in data ? { [name]: data } : (data?.scripts ?? data)
    scriptKey = data && 'steps' in data ? name : Object.keys((raw as object) ?? {})[0]
  }
  const { scripts, diagnostics } = parseScripts(raw)
  for (const d of diagnostics) io.stderr(`${name}: ${d.message}\n`)
  const script = scriptKey !== undefined ? scripts[scriptKey] : undefined
  if (!script) {
    await server.close()
    return 2
  }
  const client = new WsScriptClient(server.url)
  const result = await runScript(script, client)
  for (const s of result.steps) io.stdout(`${s.ok ? 'ok  ' : 'FAIL'} ${s.index + 1}. ${s.summary}\n`)
  io.stdout(`${result.ok ? 'script passed' : 'script failed'}: ${scriptKey}\n`)
  await client.closeAll()
  await server.close()
  return result.ok ? 0 : 1
}
