/**
 * Live VTL diagnostics for template models.
 *
 * - The pure validator (`validateTemplate` from src/vtl) runs in a web worker (`vtl.worker.ts`); if the worker cannot
 *   be created, fails to load, crashes or stops answering, the client switches to running the validator on the main
 *   thread (loaded lazily) and re-runs what was pending there.
 * - Each model gets a debounced validation (`VTL_DEBOUNCE_MS`) on every change. The model's version id is taken before
 *   the request and markers are set only if the model is not disposed and its version is unchanged (stale-result
 *   guard): a result is never applied to a newer text than it was computed for.
 * - Markers use the fixed owner `vtl` and are cleared when the model is disposed.
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js'
import type { Diagnostic } from '../model/diagnostics'
import type { Monaco } from './loadMonaco'
import { VTL_LANGUAGE_ID } from '../vtl/monarch'
import type { validateTemplate as validateTemplateFn } from '../vtl'
import type { VtlWorkerRequest, VtlWorkerResponse, VtlValidateOptions } from './vtlProtocol'

export const VTL_EDITOR_LANGUAGE = VTL_LANGUAGE_ID
export const VTL_MARKER_OWNER = 'vtl'
export const VTL_DEBOUNCE_MS = 400
/** A worker that has not answered a request within this time is considered broken. */
const WORKER_TIMEOUT_MS = 8_000
/** Stop an idle worker after this long; it is recreated on the next request. */
const WORKER_IDLE_MS = 120_000

type TextModel = MonacoApi.editor.ITextModel

export type ValidationState = 'idle' | 'validating'
export type ValidationMode = 'worker' | 'main-thread'

// ------------------------------------------------------------------------------------- the client

interface Pending {
  text: string
  options: VtlValidateOptions
  resolve: (diagnostics: Diagnostic[]) => void
  reject: (error: Error) => void
  timer: ReturnType<typeof setTimeout>
}

export class VtlValidationClient {
  private worker: Worker | undefined
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private modeValue: ValidationMode = 'worker'
  /** Why the client fell back to the main thread, for the status line. */
  fallbackReason: string | undefined
  private readonly modeListeners = new Set<(mode: ValidationMode) => void>()

  constructor(private readonly createWorker: () => Worker = defaultWorkerFactory) {}

  get mode(): ValidationMode {
    return this.modeValue
  }

  onModeChange(listener: (mode: ValidationMode) => void): { dispose(): void } {
    this.modeListeners.add(listener)
    return { dispose: () => this.modeListeners.delete(listener) }
  }

  validate(text: string, options: VtlValidateOptions): Promise<Diagnostic[]> {
    if (this.modeValue === 'main-thread') return validateOnMainThread(text, options)
    const worker = this.ensureWorker()
    if (!worker) return validateOnMainThread(text, options)
    const id = this.nextId++
    return new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => this.fallBack(`the validation worker did not answer within ${WORKER_TIMEOUT_MS / 1000} s`), WORKER_TIMEOUT_MS)
      this.pending.set(id, { text, options, resolve, reject, timer })
      const request: VtlWorkerRequest = { id, text, options }
      try {
        worker.postMessage(request)
      } catch (error) {
        this.fallBack(`posting to the validation worker failed: ${errorMessage(error)}`)
      }
      this.touch()
    })
  }

  dispose(): void {
    this.stopWorker()
    for (const p of this.pending.values()) {
      clearTimeout(p.timer)
      p.reject(new Error('The validation client was disposed.'))
    }
    this.pending.clear()
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker
    try {
      const worker = this.createWorker()
      worker.onmessage = (event: MessageEvent<VtlWorkerResponse>) => this.receive(event.data)
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault()
        this.fallBack(`the validation worker failed: ${event.message || 'it could not be loaded'}`)
      }
      worker.onmessageerror = () => this.fallBack('the validation worker sent a message that could not be read')
      this.worker = worker
      return worker
    } catch (error) {
      this.fallBack(`the validation worker could not be started: ${errorMessage(error)}`)
      return undefined
    }
  }

  private receive(response: VtlWorkerResponse): void {
    const p = this.pending.get(response.id)
    if (!p) return
    this.pending.delete(response.id)
    clearTimeout(p.timer)
    if (response.ok) p.resolve(response.diagnostics)
    else p.reject(new Error(response.error))
  }

  /** Switches to the main thread for good (for this session) and re-runs everything still pending there. */
  private fallBack(reason: string): void {
    if (this.modeValue === 'main-thread') return
    console.warn(`VTL validation runs on the main thread: ${reason}`)
    this.fallbackReason = reason
    this.modeValue = 'main-thread'
    this.stopWorker()
    const pending = [...this.pending.values()]
    this.pending.clear()
    for (const p of pending) {
      clearTimeout(p.timer)
      validateOnMainThread(p.text, p.options).then(p.resolve, p.reject)
    }
    for (const listener of this.modeListeners) listener('main-thread')
  }

  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) this.stopWorker()
    }, WORKER_IDLE_MS)
  }

  private stopWorker(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
    this.worker?.terminate()
    this.worker = undefined
  }
}

function defaultWorkerFactory(): Worker {
  return new Worker(new URL('./vtl.worker.ts', import.meta.url), { type: 'module', name: 'vtl-validation' })
}

let mainThreadValidator: Promise<typeof validateTemplateFn> | undefined

function validateOnMainThread(text: string, options: VtlValidateOptions): Promise<Diagnostic[]> {
  mainThreadValidator ??= import('../vtl').then((m) => m.validateTemplate)
  return mainThreadValidator.then((validate) => validate(text, options))
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

let sharedClient: VtlValidationClient | undefined

export function vtlValidationClient(): VtlValidationClient {
  sharedClient ??= new VtlValidationClient()
  return sharedClient
}

// --------------------------------------------------------------------- per-template context

/** Validation options of each template model (by URI path), kept current by the editor component. */
const contexts = new Map<string, VtlValidateOptions>()
const contextListeners = new Map<string, () => void>()

export function getTemplateOptions(path: string): VtlValidateOptions | undefined {
  return contexts.get(path)
}

/** Stage variable names the design defines, for completion and hover of the template at `path`. */
export function stageVariableNames(path: string): string[] {
  const vars = contexts.get(path)?.stageVariables
  if (!vars) return []
  return Array.isArray(vars) ? [...(vars as readonly string[])] : Object.keys(vars)
}

/**
 * Records the validation options of the template at `path`. A change (another route, stage variables, the rest of
 * the design) revalidates its model after the usual debounce, so a keystroke that changes both text and design
 * still validates once.
 */
export function setTemplateOptions(path: string, options: VtlValidateOptions): void {
  const previous = contexts.get(path)
  contexts.set(path, options)
  if (previous && JSON.stringify(previous) !== JSON.stringify(options)) contextListeners.get(path)?.()
}

function optionsFor(path: string): VtlValidateOptions {
  return contexts.get(path) ?? {}
}

// ------------------------------------------------------------------------ model attachment

const stateListeners = new Map<string, Set<(state: ValidationState) => void>>()
const states = new Map<string, ValidationState>()

function setState(model: TextModel, state: ValidationState): void {
  const key = model.uri.toString()
  if (states.get(key) === state) return
  states.set(key, state)
  for (const listener of stateListeners.get(key) ?? []) listener(state)
}

/** Follows the validation state of the model at `uri` (which may not exist yet). */
export function onValidationState(uri: MonacoApi.Uri, listener: (state: ValidationState) => void): { dispose(): void } {
  const key = uri.toString()
  let set = stateListeners.get(key)
  if (!set) stateListeners.set(key, (set = new Set()))
  set.add(listener)
  listener(states.get(key) ?? 'idle')
  return { dispose: () => set.delete(listener) }
}

export function toMarkerData(monaco: Monaco, model: TextModel, diagnostic: Diagnostic): MonacoApi.editor.IMarkerData {
  const lineCount = model.getLineCount()
  const range = diagnostic.range
  const startLine = clamp(range?.line ?? 1, 1, lineCount)
  const startColumn = clamp(range?.column ?? 1, 1, model.getLineMaxColumn(startLine))
  let endLine = clamp(range?.endLine ?? startLine, startLine, lineCount)
  let endColumn = range?.endColumn ?? 0
  if (!range) {
    endLine = startLine
    endColumn = model.getLineMaxColumn(startLine)
  } else if (range.endColumn === undefined) {
    // No end: underline the word at the start, or at least one character.
    const word = model.getWordAtPosition({ lineNumber: startLine, column: startColumn })
    endColumn = word ? word.endColumn : startColumn + 1
  }
  endColumn = clamp(endColumn, endLine === startLine ? startColumn : 1, model.getLineMaxColumn(endLine))
  if (endLine === startLine && endColumn <= startColumn) {
    // Zero-width (e.g. at the end of the text): widen so the squiggle is visible.
    if (startColumn < model.getLineMaxColumn(startLine)) endColumn = startColumn + 1
  }
  return {
    severity: diagnostic.severity === 'error' ? monaco.MarkerSeverity.Error : diagnostic.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
    // Markers are plain text: drop the Markdown code ticks the diagnostics use.
    message: diagnostic.message.replace(/`([^`]*)`/g, '$1'),
    code: diagnostic.code,
    source: 'vtl',
    startLineNumber: startLine,
    startColumn,
    endLineNumber: endLine,
    endColumn,
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n))
}

/**
 * Validates `model` now and after every change (debounced). Returns `{dispose, revalidate}`; dispose clears the markers.
 */
export function attachVtlValidation(
  monaco: Monaco,
  model: TextModel,
  client: VtlValidationClient = vtlValidationClient(),
  delayMs: number = VTL_DEBOUNCE_MS,
): { dispose(): void; revalidate(): void } {
  const path = model.uri.path
  let timer: ReturnType<typeof setTimeout> | undefined
  let disposed = false
  let inFlight = 0

  const run = () => {
    timer = undefined
    if (disposed || model.isDisposed()) return
    const version = model.getVersionId()
    const text = model.getValue()
    inFlight++
    client
      .validate(text, optionsFor(path))
      .then(
        (diagnostics) => {
          // Stale-result guard: only for the exact text that was validated.
          if (disposed || model.isDisposed() || model.getVersionId() !== version) return
          monaco.editor.setModelMarkers(
            model,
            VTL_MARKER_OWNER,
            diagnostics.map((d) => toMarkerData(monaco, model, d)),
          )
        },
        (error: unknown) => {
          if (disposed || model.isDisposed() || model.getVersionId() !== version) return
          monaco.editor.setModelMarkers(model, VTL_MARKER_OWNER, [
            {
              severity: monaco.MarkerSeverity.Warning,
              message: `The template could not be checked: ${errorMessage(error)}`,
              source: 'vtl',
              startLineNumber: 1,
              startColumn: 1,
              endLineNumber: 1,
              endColumn: model.getLineMaxColumn(1),
            },
          ])
        },
      )
      .finally(() => {
        inFlight--
        if (!disposed && !model.isDisposed() && inFlight === 0 && timer === undefined) setState(model, 'idle')
      })
  }

  const schedule = (delay: number) => {
    if (disposed) return
    if (timer) clearTimeout(timer)
    setState(model, 'validating')
    timer = setTimeout(run, delay)
  }

  const changeSub = model.onDidChangeContent(() => schedule(delayMs))
  contextListeners.set(path, () => schedule(delayMs))
  schedule(0)

  return {
    revalidate: () => schedule(0),
    dispose() {
      if (disposed) return
      disposed = true
      if (timer) clearTimeout(timer)
      changeSub.dispose()
      contextListeners.delete(path)
      states.delete(model.uri.toString())
      monaco.editor.setModelMarkers(model, VTL_MARKER_OWNER, [])
    },
  }
}
