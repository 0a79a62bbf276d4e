/**
 * Designer UI figures, measured in headless Chromium against the production build (`vite build` +
 * `vite preview` on a private port, stopped afterwards):
 * - initial JavaScript (gzip) before Monaco loads: the entry chunk and everything it statically imports;
 * - time to first canvas paint with the seed design (navigation start → first node visible + one frame);
 * - with a 300-route design fully in view (its column grid, zoomed out until every node is rendered): median and
 *   p95 frame time while dragging a node (goal p95 ≤ 20 ms; printed, never asserted);
 * - one more drag under a Chromium trace: the p95 of the main thread's tasks, and which work fills them;
 * - one undo on that design (store update + React commit + style/layout), p50 and p95.
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { cpus, loadavg, tmpdir } from 'node:os'
import { columnLayout } from '../src/layout/columnLayout'
import { NODE_HEIGHT, NODE_WIDTH } from '../src/layout/columns'
import { aDesign } from '../src/model/builders'
import type { DesignDocument } from '../src/model/types'
import { percentile, type BenchRow, type BenchSuite } from './lib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
/** A private preview port; BENCH_PORT moves it when several checkouts bench at once. */
const PORT = Number(process.env.BENCH_PORT ?? 4187)
const URL = `http://localhost:${PORT}/?testApi`
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p): p is string => !!p && existsSync(p))

function build(): void {
  const r = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr.toString().slice(0, 500)}`)
}

/** Entry script + modulepreload links of dist/index.html, gzip-compressed one by one (as served). */
function initialJsGzip(): { kb: number; files: string[] } {
  const html = readFileSync(join(root, 'dist/index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(root, 'dist', f)), { level: 9 }).length, 0)
  return { kb: bytes / 1024, files }
}

async function startPreview(): Promise<ChildProcess> {
  const child = spawn(join(root, 'node_modules/.bin/vite'), ['preview', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' })
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://localhost:${PORT}/`)
      if (res.ok) return child
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill()
  throw new Error('vite preview did not start')
}

async function firstPaint(browser: Browser): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  await context.addInitScript({ content: 'window.__name = (f) => f' })
  const page = await context.newPage()
  await page.goto(URL, { waitUntil: 'commit' })
  await page.waitForFunction(() => {
    const node = document.querySelector('.react-flow__node')
    return !!node && getComputedStyle(node).visibility !== 'hidden'
  })
  const ms = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))))
  await context.close()
  return ms
}

export function bigDesign(): DesignDocument {
  const b = aDesign('bench')
  for (let i = 0; i < 300; i++) b.withMockRoute(`r${i}`, `action${i}`)
  const design = b.build()
  // The grid of columns the import and Auto-layout give a design this size.
  return { design, layout: columnLayout(design) }
}

/** Frame times while the mouse drags node r150 (`drag`), or just moves over the palette (`control`). */
async function dragFrames(page: Page, mode: 'drag' | 'control' = 'drag'): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean }
    w.__frames = []
    w.__recording = true
    let last = performance.now()
    const tick = (t: number) => {
      w.__frames.push(t - last)
      last = t
      if (w.__recording) requestAnimationFrame(tick)
    }
    requestAnimationFrame((t) => {
      last = t
      requestAnimationFrame(tick)
    })
  })
  const box = await page.getByTestId(mode === 'drag' ? 'node.r150' : 'palette').boundingBox()
  if (!box) throw new Error('drag target is not visible')
  const x = box.x + (mode === 'drag' ? box.width / 2 : 10)
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  if (mode === 'drag') await page.mouse.down()
  // Out and back, so the node ends where it started and the next drag finds it.
  for (let i = 1; i <= 90; i++) await page.mouse.move(x + (i <= 45 ? i : 90 - i) * 5, y + Math.sin((i / 90) * Math.PI * 2) * 40)
  if (mode === 'drag') await page.mouse.up()
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean }
    w.__recording = false
    return w.__frames
  })
  return frames.slice(1)
}

/**
 * Zooms out with the canvas control to the smallest zoom (or until every node is rendered), then pans the design's
 * centre to the canvas' centre: zooming keeps the view's centre, and the first sight shows the design's beginning.
 */
export async function showWholeDesign(page: Page, doc: DesignDocument): Promise<void> {
  const all = Object.keys(doc.layout).length
  const zoomOut = page.locator('.react-flow__controls-zoomout')
  for (let i = 0; i < 30 && (await page.locator('.react-flow__node').count()) < all && (await zoomOut.isEnabled()); i++) {
    await zoomOut.click()
    await page.waitForTimeout(150)
  }
  const points = Object.values(doc.layout)
  const centre = {
    x: (Math.min(...points.map((p) => p.x)) + Math.max(...points.map((p) => p.x)) + NODE_WIDTH) / 2,
    y: (Math.min(...points.map((p) => p.y)) + Math.max(...points.map((p) => p.y)) + NODE_HEIGHT) / 2,
  }
  // Pan in steps by dragging an empty spot of the pane near the canvas' centre, so the pointer stays on the canvas.
  for (let step = 0; step < 10; step++) {
    const view = await page.evaluate(() => {
      const t = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform
      const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)\s*scale\(([\d.]+)\)/.exec(t)
      const r = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect()
      const mid = { x: r.left + r.width / 2, y: r.top + r.height / 2 }
      let grab: { x: number; y: number } | undefined
      for (let d = 0; d < Math.min(r.width, r.height) / 3 && !grab; d += 6)
        for (const [sx, sy] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]])
          if (!grab && document.elementFromPoint(mid.x + sx * d, mid.y + sy * d)?.classList.contains('react-flow__pane')) grab = { x: mid.x + sx * d, y: mid.y + sy * d }
      return m && grab ? { tx: Number(m[1]), ty: Number(m[2]), zoom: Number(m[3]), width: r.width, height: r.height, grab } : undefined
    })
    if (!view) throw new Error('no viewport transform or no empty pane to pan with')
    const limit = Math.min(view.width, view.height) / 2 - 40
    const clamp = (d: number) => Math.max(-limit, Math.min(limit, d))
    const dx = view.width / 2 - (centre.x * view.zoom + view.tx)
    const dy = view.height / 2 - (centre.y * view.zoom + view.ty)
    if (Math.abs(dx) < 4 && Math.abs(dy) < 4) break
    await page.mouse.move(view.grab.x, view.grab.y)
    await page.mouse.down()
    await page.mouse.move(view.grab.x + clamp(dx), view.grab.y + clamp(dy), { steps: 10 })
    await page.mouse.up()
    await page.waitForTimeout(100)
  }
  await page.waitForTimeout(500)
}

/**
 * Where the main thread's time goes while dragging: one more drag under a Chromium trace (kept apart from the timed
 * drags, since tracing slows them). Returns the p95 of the renderer main thread's tasks and each trace event's share
 * of their total: the frame-time rows cannot tell the app's own work from the machine's frame clock, this can.
 */
async function dragTrace(browser: Browser, page: Page, dir: string): Promise<{ taskP95: number; tasks: number; share: [string, number][] }> {
  const path = join(dir, 'drag-trace.json')
  await browser.startTracing(page, { path, categories: ['toplevel', 'devtools.timeline', '__metadata'] })
  await dragFrames(page)
  await browser.stopTracing()
  type TraceEvent = { name: string; ph: string; pid: number; tid: number; dur?: number; args?: { name?: string } }
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[]
  rmSync(dir, { recursive: true, force: true })
  const events = Array.isArray(raw) ? raw : raw.traceEvents
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) throw new Error('the trace has no renderer main thread')
  const durations: number[] = []
  const byName = new Map<string, number>()
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue
    if (e.name === 'ThreadControllerImpl::RunTask') durations.push(e.dur / 1000)
    else byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000)
  }
  durations.sort((a, b) => a - b)
  const total = durations.reduce((a, b) => a + b, 0)
  const share = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, ms]): [string, number] => [name, ms / total])
  return { taskP95: percentile(durations, 95), tasks: durations.length, share }
}

async function undoTimes(page: Page, n: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const api = window.__designer!
    const times: number[] = []
    const macrotask = () => new Promise<void>((resolve) => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => resolve()
      ch.port2.postMessage(null)
    })
    for (let i = 0; i < count; i++) {
      const t0 = performance.now()
      api.undo()
      await macrotask() // React commits the update (useSyncExternalStore flushes synchronously in a microtask)
      void document.body.offsetHeight // and style + layout
      times.push(performance.now() - t0)
      api.redo()
      // Each measured undo starts on an idle main thread, as a person's Ctrl+Z does: the redo's commit, and the
      // frame that paints it, are finished first (two animation frames, then a task after the second paint).
      // Without this the next undo's time held the redo's paint: 24-46 ms against 8-10 ms settled.
      await macrotask()
      await new Promise((r) => requestAnimationFrame(r))
      await new Promise((r) => requestAnimationFrame(r))
      await macrotask()
    }
    return times
  }, n)
}

const suite: BenchSuite = {
  title: 'designer UI (production build, headless Chromium)',
  async run(): Promise<BenchRow[]> {
    if (!CHROMIUM) throw new Error('no Chromium found (set CHROMIUM_PATH)')
    build()
    const initial = initialJsGzip()
    const rows: BenchRow[] = [
      {
        name: 'initial JavaScript before Monaco loads (gzip)',
        median: initial.kb,
        unit: 'KB',
        goal: '< 300 KB',
        met: initial.kb < 300,
        note: `${initial.files.length} file(s): entry + static imports`,
      },
    ]
    const preview = await startPreview()
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
    try {
      await firstPaint(browser) // warm the server and the disk cache
      const paints: number[] = []
      for (let i = 0; i < 7; i++) paints.push(await firstPaint(browser))
      paints.sort((a, b) => a - b)
      const p50 = percentile(paints, 50)
      rows.push({ name: 'first canvas paint with the seed', median: p50, goal: '< 1500 ms', met: p50 < 1500, note: `p95 ${percentile(paints, 95).toFixed(0)} ms, ${paints.length} cold contexts` })

      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      // tsx compiles this file with keepNames: functions sent to the page call its `__name` helper.
      await context.addInitScript({ content: 'window.__name = (f) => f' })
      const page = await context.newPage()
      await page.goto(URL)
      await page.waitForFunction(() => !!window.__designer)
      const doc = bigDesign()
      await page.evaluate((d) => window.__designer!.loadDocument(d as DesignDocument), doc as unknown)
      // Fit view stops at the readable zoom; zoom out with the canvas control until every node is on screen.
      const all = Object.keys(doc.layout).length
      await showWholeDesign(page, doc)
      const rendered = await page.locator('.react-flow__node').count()
      if (rendered < all) throw new Error(`only ${rendered} of ${all} nodes on screen`)
      const control = (await dragFrames(page, 'control')).sort((a, b) => a - b)
      // The first drag pays one-time costs (JIT, first paint of drag state); report it, measure the next two.
      const first = (await dragFrames(page)).sort((a, b) => a - b)
      const frames = [...(await dragFrames(page)), ...(await dragFrames(page))].sort((a, b) => a - b)
      const p95 = percentile(frames, 95)
      // Issue 12 item 6: the goal is on the p95 frame; the median column holds the median frame, the note the p95.
      rows.push({
        name: 'drag with all nodes of a 300-route design on screen',
        median: percentile(frames, 50),
        goal: 'p95 ≤ 20 ms',
        met: p95 <= 20,
        note: `p95 ${p95.toFixed(1)} ms; median/p95 frame time over ${frames.length} frames of 2 drags after a warm-up drag (first drag p95 ${percentile(first, 95).toFixed(1)} ms), ${rendered} of ${all} nodes rendered`,
      })
      const trace = await dragTrace(browser, page, mkdtempSync(join(tmpdir(), 'socket-studio-ui-bench-')))
      rows.push({
        name: 'drag, 300-route design: main-thread task p95 (traced drag)',
        median: trace.taskP95,
        note: `${trace.tasks} tasks; share of their time: ${trace.share.map(([n, f]) => `${n} ${(f * 100).toFixed(0)} %`).join(', ')} (Layerize is Chromium assigning paint to compositor layers; FunctionCall is JavaScript)`,
      })
      rows.push({
        name: 'control: mouse moving over the palette, same page',
        median: percentile(control, 95),
        note: `p95 frame time with no canvas work (machine baseline); median ${percentile(control, 50).toFixed(1)} ms, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
      })
      const undo = (await undoTimes(page, 25)).sort((a, b) => a - b)
      const u50 = percentile(undo, 50)
      rows.push({ name: 'one undo (move), 300-route design', median: u50, goal: '< 16 ms', met: u50 < 16, note: `p95 ${percentile(undo, 95).toFixed(1)} ms, ${undo.length} runs; store update + React commit + style/layout, each after the previous frame was painted` })
      await context.close()
    } finally {
      await browser.close()
      preview.kill()
    }
    return rows
  },
}

export default suite
