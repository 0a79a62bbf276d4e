/**
 * Emulator timings: one message through a Mock route in-process (route selection, template selection, request
 * and response template render, reply), and `serve` throughput on loopback with 100 ws clients sending
 * 50 pings each (5 000 messages, every reply awaited; bounded by a 60 s deadline).
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocket } from 'ws'
import { EmulatorSession } from '../src/emulator'
import { RecordingHost } from '../src/emulator/recordingHost'
import { startServer } from '../src/emulator-node/server'
import { parseDocument } from '../src/model/document/parse'
import { fmt, percentile, type BenchRow, type BenchSuite } from './lib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function pingDesign() {
  const parsed = parseDocument(readFileSync(join(root, 'examples/mock-ping.yaml'), 'utf8'))
  if (!parsed.ok) throw new Error('examples/mock-ping.yaml does not parse')
  return parsed.document.design
}

async function inProcess(): Promise<BenchRow> {
  const host = new RecordingHost()
  const session = new EmulatorSession({ design: pingDesign(), host, onEvent: () => {} })
  const c = await session.connect({})
  const times: number[] = []
  for (let i = 0; i < 2200; i++) {
    const t0 = performance.now()
    await session.message(c.connectionId, '{"action":"ping"}')
    if (i >= 200) times.push(performance.now() - t0)
    host.sent.length = 0
  }
  times.sort((a, b) => a - b)
  const p50 = percentile(times, 50)
  return { name: 'one message through a Mock route, in-process (p50 of 2 000)', median: p50, goal: '≤ 1 ms', met: p50 <= 1, note: `p95 ${fmt(percentile(times, 95))} ms` }
}

async function throughput(): Promise<BenchRow> {
  const server = await startServer({ design: pingDesign(), port: 0 })
  const clients = 100
  const perClient = 50
  const sockets: WebSocket[] = []
  try {
    await Promise.all(
      Array.from({ length: clients }, () => {
        const ws = new WebSocket(server.url)
        sockets.push(ws)
        return new Promise<void>((res, rej) => {
          ws.once('open', () => res())
          ws.once('error', rej)
        })
      }),
    )
    const deadline = new Promise<never>((_, rej) => setTimeout(() => rej(new Error('serve throughput: no answer within 60 s')), 60_000).unref())
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    await Promise.race([
      deadline,
      Promise.all(
        sockets.map(
          (ws) =>
            new Promise<void>((res) => {
              let got = 0
              ws.on('message', () => {
                if (++got === perClient) res()
              })
              for (let i = 0; i < perClient; i++) ws.send('{"action":"ping"}')
            }),
        ),
      ),
    ])
    const seconds = (performance.now() - t0) / 1000
    const rate = (clients * perClient) / seconds
    // Server and clients share this process: messages per CPU second shows the cost apart from other load on the machine.
    const cpu = process.cpuUsage(cpu0)
    const perCpuSecond = (clients * perClient) / ((cpu.user + cpu.system) / 1e6)
    return { name: `serve: ${clients} connections × ${perClient} pings, every reply awaited`, median: rate, unit: 'msg/s', goal: '≥ 2 000 msg/s', met: rate >= 2000, note: `${fmt(seconds)} s for all replies; ${Math.round(perCpuSecond)} msg per CPU second (server and clients)` }
  } finally {
    for (const ws of sockets) ws.terminate()
    await server.close()
  }
}

const suite: BenchSuite = {
  title: 'emulator',
  async run() {
    return [await inProcess(), await throughput()]
  },
}
export default suite
