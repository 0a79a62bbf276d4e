/**
 * Import a CloudFormation template (JSON or YAML, hand-written or `cdk synth` output).
 *
 * Flow: pick or drop a file → the import runs in a worker (visible progress) → several WebSocket APIs: choose
 * one → summary of what was imported, recognised as CDK-generated, kept verbatim and skipped, with warnings →
 * Import replaces the design (undoable). Errors are listed with their location; the open design is untouched
 * until the user confirms, so nothing is ever half-imported.
 */

import { DiagnosticList } from '../shell/DiagnosticList'
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import type { ApiChoice, ImportResult, ImportSummary, SummaryItem } from '../../import'
import type { Diagnostic } from '../../model/diagnostics'
import type { DesignDocument } from '../../model/types'
import { runImport } from './importRunner'
import './import.css'

export interface ImportDialogProps {
  open: boolean
  onClose: () => void
  onImport: (doc: DesignDocument) => void
  initialFile?: File
}

type State =
  | { step: 'pick' }
  | { step: 'running'; fileName: string }
  | { step: 'choose'; fileName: string; text: string; choices: ApiChoice[]; selected: string }
  | { step: 'summary'; fileName: string; result: Extract<ImportResult, { ok: true }> }
  | { step: 'error'; fileName: string; errors: Diagnostic[] }

const MAX_READ_BYTES = 10 * 1024 * 1024

export function ImportDialog({ open, onClose, onImport, initialFile }: ImportDialogProps) {
  const [state, setState] = useState<State>({ step: 'pick' })
  const [dragging, setDragging] = useState(false)
  const run = useRef(0)
  const fileInput = useRef<HTMLInputElement>(null)

  const importText = useCallback(async (fileName: string, text: string, api?: string) => {
    const id = ++run.current
    setState({ step: 'running', fileName })
    const result = await runImport(text, api ? { api } : {})
    if (id !== run.current) return // a newer file was picked meanwhile
    if (result.ok) setState({ step: 'summary', fileName, result })
    else if (result.apiChoices?.length && result.errors.every((e) => e.code === 'IMP008' || e.code === 'IMP009')) {
      setState({ step: 'choose', fileName, text, choices: result.apiChoices, selected: result.apiChoices[0].logicalId })
    } else setState({ step: 'error', fileName, errors: result.errors })
  }, [])

  const importFile = useCallback(
    async (file: File) => {
      const id = ++run.current
      if (file.size > MAX_READ_BYTES) {
        setState({ step: 'error', fileName: file.name, errors: [{ code: 'IMP001', severity: 'error', message: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; templates are limited to 10 MB.` }] })
        return
      }
      setState({ step: 'running', fileName: file.name })
      let text: string
      try {
        text = await file.text()
      } catch (e) {
        if (id === run.current) {
          setState({ step: 'error', fileName: file.name, errors: [{ code: 'IMP001', severity: 'error', message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` }] })
        }
        return
      }
      if (id !== run.current) return
      await importText(file.name, text)
    },
    [importText],
  )

  useEffect(() => {
    if (open && initialFile) void importFile(initialFile)
  }, [open, initialFile, importFile])

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open, onClose])

  if (!open) return null

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    e.stopPropagation()
    setDragging(false)
    const file = e.dataTransfer.files[0]
    if (file) void importFile(file)
  }

  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div
        className={`dialog import-dialog${dragging ? ' dragging' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import.dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onDragOver={(e) => {
          e.preventDefault()
          e.stopPropagation()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <h2 id="import-title">Import a CloudFormation template</h2>
        <p className="import-hint">
          JSON or YAML (short tags like <code>!Ref</code> and <code>!Sub</code> are fine), hand-written or <code>cdk.out/&lt;Stack&gt;.template.json</code>.
          What the designer does not model is kept verbatim and exported again unchanged.
        </p>
        <div className="import-pick">
          <input
            ref={fileInput}
            type="file"
            accept=".json,.yaml,.yml,.template,application/json,text/yaml"
            data-testid="import.file"
            aria-label="Template file"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) void importFile(file)
            }}
          />
          <span className="import-drop">or drop a template here</span>
        </div>

        {state.step === 'running' && (
          <div className="import-progress" role="status" data-testid="import.progress">
            <progress aria-label="Importing" />
            <span>Importing {state.fileName}…</span>
          </div>
        )}

        {state.step === 'choose' && (
          <div className="import-choose">
            <label htmlFor="import-api">
              {state.fileName} has {state.choices.length} WebSocket APIs. Which one?
            </label>
            <select
              id="import-api"
              data-testid="import.api-choice"
              value={state.selected}
              onChange={(e) => setState({ ...state, selected: e.target.value })}
            >
              {state.choices.map((c) => (
                <option key={c.logicalId} value={c.logicalId}>
                  {c.logicalId}
                  {c.name ? ` (${c.name}, ${c.routes} route${c.routes === 1 ? '' : 's'})` : ''}
                </option>
              ))}
            </select>
            <button type="button" className="button" data-testid="import.api-confirm" onClick={() => void importText(state.fileName, state.text, state.selected)}>
              Read this API
            </button>
          </div>
        )}

        {state.step === 'error' && (
          <div className="import-errors" role="alert" data-testid="import.errors">
            <p>
              <strong>{state.fileName}</strong> could not be imported. Your current design was not changed.
            </p>
            <DiagnosticList items={state.errors} testId="import.error" />
          </div>
        )}

        {state.step === 'summary' && <Summary fileName={state.fileName} result={state.result} />}

        <div className="dialog-actions">
          <button type="button" className="button" data-testid="import.cancel" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="import.confirm"
            disabled={state.step !== 'summary'}
            onClick={() => {
              if (state.step === 'summary') onImport(state.result.document)
            }}
          >
            Import
          </button>
        </div>
      </div>
    </div>
  )
}

function Summary({ fileName, result }: { fileName: string; result: Extract<ImportResult, { ok: true }> }) {
  const s: ImportSummary = result.summary
  const warnings = result.diagnostics.filter((d) => d.severity !== 'info')
  const design = result.document.design
  return (
    <div className="import-summary" data-testid="import.summary">
      <p>
        <strong>{fileName}</strong>: API <code>{result.apiLogicalId}</code> with {Object.keys(design.routes).length} route
        {Object.keys(design.routes).length === 1 ? '' : 's'}, {Object.keys(design.integrations).length} integration
        {Object.keys(design.integrations).length === 1 ? '' : 's'} and {Object.keys(design.stages).length} stage
        {Object.keys(design.stages).length === 1 ? '' : 's'}.
      </p>
      <ul className="import-counts">
        <SummaryGroup label="imported as design entities" items={s.imported} testId="import.summary.imported" open />
        <SummaryGroup label="recognised as generated by the CDK (the export recreates them)" items={s.generated} testId="import.summary.generated" />
        <SummaryGroup label="kept verbatim" items={s.verbatim} testId="import.summary.verbatim" />
        <SummaryGroup label="skipped" items={s.skipped} testId="import.summary.skipped" open={s.skipped.length > 0} />
      </ul>
      {warnings.length > 0 && (
        <div className="import-warnings" data-testid="import.warnings">
          <h3>Warnings</h3>
          <DiagnosticList items={warnings} testId="import.warning" />
        </div>
      )}
      <p className="import-hint">Importing replaces the open design; undo brings it back.</p>
    </div>
  )
}

function SummaryGroup({ label, items, testId, open = false }: { label: string; items: SummaryItem[]; testId: string; open?: boolean }) {
  return (
    <li data-testid={testId} data-count={items.length}>
      <details open={open && items.length > 0 && items.length <= 40}>
        <summary>
          <strong>{items.length}</strong> {label}
        </summary>
        {items.length > 0 && (
          <ul className="import-items">
            {items.map((item, i) => (
              <li key={`${item.logicalId}-${i}`}>
                <code>{item.logicalId}</code>
                {item.type ? <span className="import-type"> {item.type}</span> : null} — {item.detail}
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  )
}


export default ImportDialog
