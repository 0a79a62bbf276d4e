/**
 * The Node host of the emulator (`serve`): a WebSocket server (`ws`) at ws://127.0.0.1:<port>/<stage>, the
 * @connections management API at http://127.0.0.1:<port>/<stage>/@connections/{id}, `GET /_state` with what each
 * local service holds, Lambda functions in worker threads, DynamoDB in dynalite and Kinesis in kinesalite.
 * Listens on loopback only.
 */

import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { EmulatorSession, type EmulatorHost, type HttpAnswer, type HttpRequest, type Limits, type TimelineEvent } from '../emulator'
import type { Design } from '../model/types'
import { FrameScanner } from './frameScanner'
import { LambdaRunner } from './lambdaRunner'
import { DynaliteService, KinesaliteService } from './localServices'

export interface ServeOptions {
  design: Design
  port?: number
  stage?: string
  limits?: Partial<Limits>
  apiKeys?: string[]
  onEvent?: (e: TimelineEvent) => void
  /** How often idle / duration limits are checked; default 1 s. */
  sweepMs?: number
  /** The design file's folder, for Lambda `codeAsset` paths; default the working directory. */
  baseDir?: string
}

export interface RunningServer {
  port: number
  url: string
  session: EmulatorSession
  dynamodbEndpoint: string
  kinesisEndpoint: string
  reload(design: Design): Promise<void>
  close(): Promise<void>
}

async function realHttp(req: HttpRequest): Promise<HttpAnswer> {
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body })
  const headers: Record<string, string> = {}
  res.headers.forEach((v, k) => (headers[k] = v))
  return { status: res.status, headers, body: await res.text() }
}

function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= limit) chunks.push(c)
    })
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(undefined))
  })
}

function refuseUpgrade(socket: Duplex, status: number, body: string): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}

/** The designer's Live panel reads /_state and /_events from another origin (its own page). */
const CORS = { 'Access-Control-Allow-Origin': '*' }

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const sockets = new Map<string, WebSocket>()
  /** `$disconnect` runs still in flight: close() lets them finish (bounded) before stopping the Lambda workers. */
  const disconnecting = new Set<Promise<void>>()
  const streams = new Set<ServerResponse>()
  const http: Server = createServer()
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(opts.port ?? 3001, '127.0.0.1', () => resolve())
  })
  const port = (http.address() as AddressInfo).port
  const domainName = `127.0.0.1:${port}`
  const [dynamodb, kinesis] = await Promise.all([DynaliteService.start(opts.design), KinesaliteService.start(opts.design)])
  const lambdas = new LambdaRunner({
    domainName,
    localEndpoint: `http://${domainName}`,
    region: 'us-east-1',
    accountId: '123456789012',
    baseDir: opts.baseDir,
    // The function's own AWS SDK clients reach the local services (SDK v3 service-specific endpoint variables).
    env: { AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint, AWS_ENDPOINT_URL_KINESIS: kinesis.endpoint },
  })
  const host: EmulatorHost = {
    invokeLambda: (call) => lambdas.invoke(call),
    http: realHttp,
    send: (id, data) => sockets.get(id)?.send(data),
    close: (id, code, reason) => sockets.get(id)?.close(code, reason),
  }
  const session = new EmulatorSession({ design: opts.design, host, stage: opts.stage, limits: opts.limits, apiKeys: opts.apiKeys, domainName, services: { dynamodb, kinesis }, onEvent: (e) => {
      opts.onEvent?.(e)
      if (streams.size) {
        const line = `data: ${JSON.stringify(e)}\n\n`
        for (const r of streams) r.write(line)
      }
    } })
  const stagePath = `/${session.stage}`
  // ws's own limit sits above API Gateway's, so the session (not ws) decides and closes with 1009 as API Gateway does.
  const wss = new WebSocketServer({ noServer: true, maxPayload: session.limits.maxMessageBytes * 2 + 1024, perMessageDeflate: false })

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://${domainName}`)
    if (url.pathname !== stagePath && url.pathname !== `${stagePath}/`) return refuseUpgrade(socket, 403, JSON.stringify({ message: 'Forbidden' }))
    const headers: Record<string, string> = {}
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]] = req.rawHeaders[i + 1]
    const query: Record<string, string[]> = {}
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v)
    void session.connect({ headers, query, sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1' }).then((result) => {
      if (!result.ok) return refuseUpgrade(socket, result.status, result.body)
      const protocol = result.protocol
      const server = protocol ? new WebSocketServer({ noServer: true, maxPayload: session.limits.maxMessageBytes * 2 + 1024, perMessageDeflate: false, handleProtocols: () => protocol }) : wss
      server.handleUpgrade(req, socket, head, (ws) => {
        const id = result.connectionId
        sockets.set(id, ws)
        // Frame sizes for the 32 KB limit: the scanner sees each chunk before ws does (prepended), head included.
        const frames = new FrameScanner()
        socket.prependListener('data', (chunk: Buffer) => frames.push(chunk))
        ws.on('message', (data: Buffer, isBinary: boolean) => void session.message(id, isBinary ? '' : data.toString('utf8'), { binary: isBinary, bytes: data.length, largestFrameBytes: frames.takeMessage() }))
        ws.on('close', (code: number, reason: Buffer) => {
          sockets.delete(id)
          const done = session.disconnected(id, code, reason.toString())
          disconnecting.add(done)
          void done.finally(() => disconnecting.delete(done))
        })
        ws.on('error', () => ws.terminate())
      })
    })
  })

  http.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${domainName}`)
    const send = (status: number, headers: Record<string, string>, body: string) => {
      res.writeHead(status, headers)
      res.end(body)
    }
    if (url.pathname === '/_state' && req.method === 'GET') return send(200, { 'Content-Type': 'application/json', ...CORS }, JSON.stringify(await session.state(), null, 2))
    if (url.pathname === '/_events' && req.method === 'GET') {
      // The timeline as Server-Sent Events, one event per step (the Live panel attached to serve reads it).
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', ...CORS })
      res.write(': socket-studio serve timeline\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    const m = new RegExp(`^${stagePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/@connections/([^/]+)$`).exec(url.pathname)
    if (m) {
      const body = await readBody(req, session.limits.maxMessageBytes * 2)
      if (body === undefined) return send(413, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'PayloadTooLargeException' }, JSON.stringify({ message: 'Request Entity Too Large' }))
      const answer = await session.manage(req.method ?? 'GET', decodeURIComponent(m[1]), body)
      return send(answer.status, answer.headers, answer.body)
    }
    send(404, { 'Content-Type': 'application/json' }, JSON.stringify({ message: `No method found matching route ${url.pathname.slice(1)} for http method ${req.method}.` }))
  })

  const sweep = setInterval(() => void session.sweep(), opts.sweepMs ?? 1000)
  sweep.unref()

  return {
    port,
    url: `ws://${domainName}${stagePath}`,
    session,
    dynamodbEndpoint: dynamodb.endpoint,
    kinesisEndpoint: kinesis.endpoint,
    async reload(design) {
      await dynamodb.createTables(design)
      await kinesis.createStreams(design)
      session.reload(design)
      // Connections stay open; a message to a route that no longer exists follows route selection as usual.
    },
    async close() {
      clearInterval(sweep)
      for (const r of streams) r.end()
      streams.clear()
      const gone = [...sockets.values()].map((ws) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once('close', () => resolve()))))
      for (const ws of sockets.values()) ws.terminate()
      await Promise.race([Promise.all(gone).then(() => Promise.all([...disconnecting])), new Promise((resolve) => setTimeout(resolve, 2000).unref())])
      sockets.clear()
      wss.close()
      const closed = new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeAllConnections()
      await closed
      await Promise.all([dynamodb.stop(), kinesis.stop(), lambdas.close()])
    },
  }
}
