// @vitest-environment happy-dom
/**
 * The validation client against real Monaco models (under happy-dom): debounce, the stale-result guard, markers
 * cleared on dispose, and the fallback to the main thread when the worker cannot be created, fails, or hangs.
 */
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import type { Diagnostic } from '../model/diagnostics'
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js'
import type { Monaco } from './loadMonaco'
import { attachVtlValidation, setTemplateOptions, toMarkerData, VTL_MARKER_OWNER, VtlValidationClient } from './vtlClient'
import type { VtlValidateOptions, VtlWorkerRequest, VtlWorkerResponse } from './vtlProtocol'

let monaco: Monaco

beforeAll(async () => {
  monaco = await import('monaco-editor/editor/editor.api.js')
}, 120_000)

afterEach(() => {
  for (const m of monaco.editor.getModels()) m.dispose()
  vi.useRealTimers()
})

const UNCLOSED_IF = '{\n  "a": 1\n}\n#if($x)\n'

/** A client whose answers the test releases by hand, to interleave results and edits. */
class ManualClient extends VtlValidationClient {
  calls: { text: string; options: VtlValidateOptions; resolve: (d: Diagnostic[]) => void }[] = []
  constructor() {
    super(() => {
      throw new Error('not used')
    })
  }
  override validate(text: string, options: VtlValidateOptions): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.calls.push({ text, options, resolve }))
  }
}

const diagnostic = (line: number): Diagnostic => ({ code: 'VTL001', severity: 'error', message: 'never closed', range: { line, column: 1, endLine: line, endColumn: 4 } })

function markers(uri: MonacoApi.Uri) {
  return monaco.editor.getModelMarkers({ resource: uri, owner: VTL_MARKER_OWNER })
}

describe('attachVtlValidation', () => {
  test('validates at once, then debounced after edits, with the options recorded for the model', async () => {
    vi.useFakeTimers()
    const model = monaco.editor.createModel('{}', 'plaintext', monaco.Uri.parse('inmemory://designer/integrations/a/request/x.vtl'))
    setTemplateOptions(model.uri.path, { routeKey: '$connect' })
    const client = new ManualClient()
    const attachment = attachVtlValidation(monaco, model, client, 400)
    await vi.advanceTimersByTimeAsync(0)
    expect(client.calls).toHaveLength(1)
    expect(client.calls[0].options).toEqual({ routeKey: '$connect' })
    // Three quick edits → one request, 400 ms after the last.
    model.setValue('{"a"')
    await vi.advanceTimersByTimeAsync(200)
    model.setValue('{"a":')
    await vi.advanceTimersByTimeAsync(200)
    model.setValue('{"a": 1}')
    await vi.advanceTimersByTimeAsync(399)
    expect(client.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(client.calls).toHaveLength(2)
    expect(client.calls[1].text).toBe('{"a": 1}')
    attachment.dispose()
  })

  test('a result computed for an older version is never applied (stale-result guard)', async () => {
    vi.useFakeTimers()
    const model = monaco.editor.createModel(UNCLOSED_IF, 'plaintext', monaco.Uri.parse('inmemory://designer/integrations/b/request/x.vtl'))
    const client = new ManualClient()
    const attachment = attachVtlValidation(monaco, model, client, 400)
    await vi.advanceTimersByTimeAsync(0)
    // The user fixes the template before the first answer arrives.
    model.setValue('{\n  "a": 1\n}\n')
    client.calls[0].resolve([diagnostic(4)])
    await vi.advanceTimersByTimeAsync(0)
    expect(markers(model.uri)).toHaveLength(0)
    // The answer for the current text is applied.
    await vi.advanceTimersByTimeAsync(400)
    expect(client.calls).toHaveLength(2)
    client.calls[1].resolve([diagnostic(2)])
    await vi.advanceTimersByTimeAsync(0)
    expect(markers(model.uri).map((m) => [m.startLineNumber, m.code, m.severity])).toEqual([[2, 'VTL001', monaco.MarkerSeverity.Error]])
    attachment.dispose()
  })

  test('dispose clears the markers and ignores answers still in flight', async () => {
    vi.useFakeTimers()
    const model = monaco.editor.createModel(UNCLOSED_IF, 'plaintext', monaco.Uri.parse('inmemory://designer/integrations/c/request/x.vtl'))
    const client = new ManualClient()
    const attachment = attachVtlValidation(monaco, model, client, 400)
    await vi.advanceTimersByTimeAsync(0)
    client.calls[0].resolve([diagnostic(4)])
    await vi.advanceTimersByTimeAsync(0)
    expect(markers(model.uri)).toHaveLength(1)
    model.setValue(UNCLOSED_IF + ' ')
    await vi.advanceTimersByTimeAsync(400)
    attachment.dispose()
    expect(markers(model.uri)).toHaveLength(0)
    client.calls[1].resolve([diagnostic(4)])
    await vi.advanceTimersByTimeAsync(0)
    expect(markers(model.uri)).toHaveLength(0)
  })

  test('a validator failure becomes a visible warning instead of silence', async () => {
    const model = monaco.editor.createModel('x', 'plaintext', monaco.Uri.parse('inmemory://designer/integrations/d/request/x.vtl'))
    const client = new ManualClient()
    client.validate = () => Promise.reject(new Error('boom'))
    const attachment = attachVtlValidation(monaco, model, client, 0)
    await vi.waitFor(() => expect(markers(model.uri)).toHaveLength(1))
    expect(markers(model.uri)[0]).toMatchObject({ severity: monaco.MarkerSeverity.Warning, message: expect.stringContaining('boom') })
    attachment.dispose()
  })
})

describe('toMarkerData', () => {
  test.each([
    { name: 'full range', range: { line: 2, column: 3, endLine: 2, endColumn: 6 }, expected: [2, 3, 2, 6] },
    { name: 'no end: the word at the start', range: { line: 2, column: 3 }, expected: [2, 3, 2, 8] },
    { name: 'zero width widened to one character', range: { line: 1, column: 2, endLine: 1, endColumn: 2 }, expected: [1, 2, 1, 3] },
    { name: 'beyond the text clamped', range: { line: 9, column: 40, endLine: 9, endColumn: 50 }, expected: [3, 5, 3, 5] },
    { name: 'no range: whole first line', range: undefined, expected: [1, 1, 1, 4] },
  ])('$name', ({ range, expected }) => {
    const model = monaco.editor.createModel('abc\n  hello world\nlast', 'plaintext')
    const m = toMarkerData(monaco, model, { code: 'VTL004', severity: 'error', message: 'm', range })
    expect([m.startLineNumber, m.startColumn, m.endLineNumber, m.endColumn]).toEqual(expected)
  })
})

describe('VtlValidationClient', () => {
  const TEXT = '#if($x)\n'

  /** A fake Worker that answers through the real pure validator, or misbehaves on request. */
  class FakeWorker {
    onmessage: ((e: MessageEvent<VtlWorkerResponse>) => void) | null = null
    onerror: ((e: ErrorEvent) => void) | null = null
    onmessageerror: (() => void) | null = null
    terminated = false
    constructor(private readonly behaviour: 'answer' | 'error' | 'hang') {}
    postMessage(request: VtlWorkerRequest) {
      if (this.behaviour === 'hang') return
      setTimeout(async () => {
        if (this.behaviour === 'error') {
          this.onerror?.({ message: 'Failed to fetch worker script', preventDefault() {} } as ErrorEvent)
          return
        }
        const { validateTemplate } = await import('../vtl')
        this.onmessage?.({ data: { id: request.id, ok: true, diagnostics: validateTemplate(request.text, request.options) } } as MessageEvent<VtlWorkerResponse>)
      }, 1)
    }
    terminate() {
      this.terminated = true
    }
  }

  test('uses the worker while it works', async () => {
    const worker = new FakeWorker('answer')
    const client = new VtlValidationClient(() => worker as unknown as Worker)
    const result = await client.validate(TEXT, {})
    expect(result.map((d) => d.code)).toContain('VTL001')
    expect(client.mode).toBe('worker')
    client.dispose()
  })

  test('falls back to the main thread when the worker cannot be created', async () => {
    const client = new VtlValidationClient(() => {
      throw new Error('Workers are disabled')
    })
    const result = await client.validate(TEXT, {})
    expect(result.map((d) => d.code)).toContain('VTL001')
    expect(client.mode).toBe('main-thread')
    expect(client.fallbackReason).toContain('Workers are disabled')
  })

  test('falls back when the worker fails to load, re-running the pending request', async () => {
    const worker = new FakeWorker('error')
    const client = new VtlValidationClient(() => worker as unknown as Worker)
    const modes: string[] = []
    client.onModeChange((m) => modes.push(m))
    const result = await client.validate(TEXT, {})
    expect(result.map((d) => d.code)).toContain('VTL001')
    expect(modes).toEqual(['main-thread'])
    expect(worker.terminated).toBe(true)
  })

  test('falls back when the worker stops answering', async () => {
    vi.useFakeTimers()
    const client = new VtlValidationClient(() => new FakeWorker('hang') as unknown as Worker)
    const pending = client.validate(TEXT, {})
    await vi.advanceTimersByTimeAsync(8_000)
    vi.useRealTimers()
    const result = await pending
    expect(result.map((d) => d.code)).toContain('VTL001')
    expect(client.mode).toBe('main-thread')
    expect(client.fallbackReason).toMatch(/did not answer/)
  })
})
