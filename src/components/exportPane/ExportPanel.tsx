/**
 * Export pane: target tabs (CloudFormation YAML / JSON, CDK TypeScript, CDK Python, AsyncAPI 3), snippet or whole project, a
 * highlighted read-only view of each generated file, copy to clipboard, download the file or the project as a zip.
 * A design with errors is refused (the errors are listed) unless the user chooses "Export anyway".
 * The generation itself is `exportDesign` from src/export; this component only presents it.
 */
import { useEffect, useMemo, useState } from 'react'
import type { Diagnostic } from '../../model/diagnostics'
import type { DesignDocument } from '../../model/types'
import { EXPORT_TARGETS, exportDesign } from '../../export'
import { AsyncApiCheck } from './AsyncApiCheck'
import { CodeViewer } from './CodeViewer'
import { copyText, downloadText, downloadZip, fileBaseName, slug } from './download'
import '../editor/panels.css'

export interface ExportPanelProps {
  document: DesignDocument
  diagnostics: Diagnostic[]
  routeId?: string
}

type Shape = 'snippet' | 'project'
type TargetId = (typeof EXPORT_TARGETS)[number]['id']

type Outcome =
  | { kind: 'refused'; diagnostics: Diagnostic[] }
  | { kind: 'failed'; message: string }
  | { kind: 'ok'; files: { path: string; contents: string }[]; mainFile: string; diagnostics: Diagnostic[] }

export function ExportPanel({ document, diagnostics, routeId }: ExportPanelProps) {
  const [target, setTarget] = useState<TargetId>(EXPORT_TARGETS[0].id)
  const [shape, setShape] = useState<Shape>('snippet')
  const [force, setForce] = useState(false)
  const [routeOnly, setRouteOnly] = useState(false)
  const [selectedPath, setSelectedPath] = useState<string>()
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>()

  // The app's diagnostics already include the mapping templates (checkDesign), so a broken template stops it too.
  const designErrors = useMemo(() => diagnostics.filter((d) => d.severity === 'error'), [diagnostics])
  const blocked = designErrors.length > 0 && !force

  // A design that becomes valid again needs no override; a new error asks again.
  useEffect(() => {
    if (designErrors.length === 0) setForce(false)
  }, [designErrors.length])

  // A CDK snippet can be narrowed to what the focused route needs.
  const focusedRoute = routeId ? document.design.routes[routeId] : undefined
  const canScope = !!focusedRoute && shape === 'snippet' && (target === 'cdk-ts' || target === 'cdk-py')
  const scopedRouteId = canScope && routeOnly ? routeId : undefined

  const outcome: Outcome | undefined = useMemo(() => {
    if (blocked) return undefined
    try {
      const result = exportDesign(document, { target, shape, routeId: scopedRouteId, force })
      if (!result.ok) return { kind: 'refused', diagnostics: result.diagnostics }
      return { kind: 'ok', files: result.files, mainFile: result.mainFile, diagnostics: result.diagnostics }
    } catch (error) {
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
    }
  }, [blocked, document, target, shape, scopedRouteId, force])

  const files = outcome?.kind === 'ok' ? outcome.files : []
  const current = files.find((f) => f.path === selectedPath) ?? files.find((f) => outcome?.kind === 'ok' && f.path === outcome.mainFile) ?? files[0]
  const targetInfo = EXPORT_TARGETS.find((t) => t.id === target) ?? EXPORT_TARGETS[0]
  const projectName = slug(document.design.api.constructId ?? document.design.api.name)

  const flash = (kind: 'ok' | 'error', text: string) => {
    setNotice({ kind, text })
    setTimeout(() => setNotice((n) => (n?.text === text ? undefined : n)), 4000)
  }

  const onCopy = () => {
    if (!current) return
    copyText(current.contents).then(
      () => flash('ok', `Copied ${fileBaseName(current.path)} to the clipboard.`),
      (error: unknown) => flash('error', error instanceof Error ? error.message : String(error)),
    )
  }
  const onDownload = () => {
    if (outcome?.kind !== 'ok' || !current) return
    try {
      if (shape === 'project') {
        const name = `${projectName}-${target}.zip`
        downloadZip(name, `${projectName}-${target}`, outcome.files)
        flash('ok', `Downloaded ${name} (${outcome.files.length} files).`)
      } else {
        downloadText(fileBaseName(current.path), current.contents)
        flash('ok', `Downloaded ${fileBaseName(current.path)}.`)
      }
    } catch (error) {
      flash('error', `Download failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const onDownloadFile = () => {
    if (!current) return
    downloadText(fileBaseName(current.path), current.contents)
    flash('ok', `Downloaded ${fileBaseName(current.path)}.`)
  }

  return (
    <div className="ss-panel nokey" data-testid="export.panel">
      <div className="ss-panel-header">
        <span className="ss-panel-title">Export</span>
        <div className="ss-tabs" role="tablist" aria-label="Export target">
          {EXPORT_TARGETS.map((t) => (
            <button key={t.id} role="tab" className="ss-tab" aria-selected={t.id === target} data-testid={`export.target.${t.id}`} onClick={() => setTarget(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        <div className="ss-segmented" role="radiogroup" aria-label="Export shape">
          {(['snippet', 'project'] as const).map((s) => (
            <button key={s} role="radio" className="ss-tab" aria-checked={s === shape} data-testid={`export.shape.${s}`} onClick={() => setShape(s)}>
              {s === 'snippet' ? 'Snippet' : 'Whole project'}
            </button>
          ))}
        </div>
        {canScope ? (
          <label className="ss-muted export-scope" title={`Only route ${focusedRoute?.key ?? ''}`}>
            <input type="checkbox" data-testid="export.scope.route" checked={routeOnly} onChange={(e) => setRouteOnly(e.target.checked)} />
            only route{' '}
            <code className="truncate" data-testid="export.scope.route-key">
              {focusedRoute?.key}
            </code>
          </label>
        ) : null}
        <span className="export-actions">
          {notice ? (
            <span className={notice.kind === 'ok' ? 'ss-toast' : 'ss-status error'} role="status" data-testid="export.notice">
              {notice.text}
            </span>
          ) : null}
          <button className="ss-button" data-testid="export.copy" disabled={!current} onClick={onCopy} title="Copy the shown file">
            Copy
          </button>
          {shape === 'project' ? (
            <button className="ss-button" data-testid="export.download-file" disabled={!current} onClick={onDownloadFile} title="Download the shown file">
              Download file
            </button>
          ) : null}
          <button
            className="ss-button primary"
            data-testid="export.download"
            disabled={outcome?.kind !== 'ok'}
            onClick={onDownload}
            title={shape === 'project' ? 'Download the whole project as a zip' : 'Download the file'}
          >
            {shape === 'project' ? 'Download .zip' : 'Download'}
          </button>
        </span>
      </div>

      {blocked ? (
        <div className="ss-error-box" data-testid="export.blocked" role="alert">
          <strong>
            The design has {designErrors.length} error{designErrors.length === 1 ? '' : 's'}; {targetInfo.label} export would not deploy as designed.
          </strong>
          <DiagnosticList diagnostics={designErrors} testId="export.errors" />
          <button className="ss-button danger" data-testid="export.force" onClick={() => setForce(true)}>
            Export anyway
          </button>
        </div>
      ) : null}

      {force && designErrors.length > 0 ? (
        <div className="ss-warning-box" data-testid="export.forced" role="status">
          Exporting a design with {designErrors.length} error{designErrors.length === 1 ? '' : 's'}.{' '}
          <button className="ss-button" onClick={() => setForce(false)}>
            Show the errors
          </button>
        </div>
      ) : null}

      {outcome?.kind === 'refused' ? (
        <div className="ss-error-box" data-testid="export.refused" role="alert">
          <strong>{targetInfo.label} export refused:</strong>
          <DiagnosticList diagnostics={outcome.diagnostics} testId="export.errors" />
          {!force ? (
            <button className="ss-button danger" data-testid="export.force" onClick={() => setForce(true)}>
              Export anyway
            </button>
          ) : null}
        </div>
      ) : null}

      {outcome?.kind === 'failed' ? (
        <div className="ss-error-box" data-testid="export.failed" role="alert">
          The exporter failed: {outcome.message}
        </div>
      ) : null}

      {outcome?.kind === 'ok' ? (
        <>
          {outcome.diagnostics.length > 0 ? (
            <div className="ss-warning-box" data-testid="export.warnings">
              <DiagnosticList diagnostics={outcome.diagnostics} testId="export.warning-list" />
            </div>
          ) : null}
          <div className="ss-columns">
            {outcome.files.length > 1 ? (
              <div className="ss-column" style={{ flex: '0 0 220px' }}>
                <ul className="ss-file-list" data-testid="export.files" aria-label="Files">
                  {outcome.files.map((f) => (
                    <li key={f.path}>
                      <button aria-selected={f.path === current?.path} data-testid={`export.file.${f.path}`} onClick={() => setSelectedPath(f.path)}>
                        {f.path}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="ss-column" style={{ flex: 1, padding: 0 }}>
              {current ? (
                <>
                  <div className="ss-muted" style={{ padding: '2px 8px', fontSize: 12 }} data-testid="export.current-file">
                    {current.path} · {current.contents.split('\n').length} lines
                  </div>
                  {target === 'asyncapi' ? <AsyncApiCheck text={current.contents} /> : null}
                  <CodeViewer path={current.path} contents={current.contents} testId="export.preview" />
                </>
              ) : (
                <div className="ss-empty">The exporter produced no files.</div>
              )}
            </div>
          </div>
        </>
      ) : null}
    </div>
  )
}

function DiagnosticList({ diagnostics, testId }: { diagnostics: Diagnostic[]; testId: string }) {
  return (
    <ul data-testid={testId} style={{ margin: '6px 0', paddingLeft: 18, maxHeight: 160, overflow: 'auto' }}>
      {diagnostics.map((d, i) => (
        <li key={`${d.code}:${d.entity ?? ''}:${d.field ?? ''}:${i}`} data-testid="export.error" data-code={d.code}>
          <span className={d.severity === 'error' ? 'ss-sev-error' : d.severity === 'warning' ? 'ss-sev-warning' : 'ss-sev-info'}>{d.code}</span> {d.message}
          {d.entity ? (
            <span className="ss-muted">
              {' '}
              — {d.entity}
              {d.field ? `.${d.field}` : ''}
              {d.range ? ` (line ${d.range.line})` : ''}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export default ExportPanel
