/**
 * Message tester: type a client message (JSON or raw text) and context values, and see live which route the API's
 * route selection expression picks (and why, including the `$default` fallback and the empty-string rule), which
 * request template the integration's template selection expression picks, and the rendered integration request,
 * pretty-printed when it is JSON. All of it is `testMessage` from src/vtl; this component only collects input.
 * Before the integration, the route's request model validates the message as API Gateway does (the emulator's
 * `validateBody`, on the product's one ajv-draft-04 instance); a failing message shows the frame API Gateway
 * answers with instead of an integration request, since the backend is never called.
 */
import { ownEntry } from '../../model/queries'
import { useDeferredValue, useMemo, useState } from 'react'
import type { Diagnostic } from '../../model/diagnostics'
import type { Design } from '../../model/types'
import { DEFAULT_SAMPLE_MESSAGE, testMessage, type TestMessageInput, type TestMessageResult } from '../../vtl'
import { errorFrame, INVALID_BODY } from '../../emulator/frames'
import { validateBody, type ValidationOutcome } from '../../emulator/validation'
import { formatPairs, parsePairs } from './pairs'
import '../editor/panels.css'

export interface MessageTesterPanelProps {
  design: Design
  routeId?: string
}

const AUTO_ROUTE = ''

export function MessageTesterPanel({ design, routeId }: MessageTesterPanelProps) {
  const selectedRoute = ownEntry(design.routes, routeId)
  const [message, setMessage] = useState(() => initialMessage(design, selectedRoute?.key))
  const [routeOverride, setRouteOverride] = useState<string>(() =>
    selectedRoute && (selectedRoute.key === '$connect' || selectedRoute.key === '$disconnect') ? selectedRoute.key : AUTO_ROUTE,
  )
  const [connectionId, setConnectionId] = useState('L0SM9cOFvHcCIhw=')
  const stageIds = Object.keys(design.stages)
  const [stageId, setStageId] = useState<string | undefined>(stageIds[0])
  const stage = ownEntry(design.stages, stageId)
  const [stageVarsText, setStageVarsText] = useState<{ stageId?: string; text: string }>({ stageId, text: formatPairs(stage?.stageVariables ?? {}) })
  const [authorizerText, setAuthorizerText] = useState('principalId=user-0001')
  const [headersText, setHeadersText] = useState('Authorization=Bearer sample-token')
  const [queryText, setQueryText] = useState('')

  // Stage variables follow the chosen stage until the user edits them.
  const stageVarsForStage = stageVarsText.stageId === stageId ? stageVarsText.text : formatPairs(stage?.stageVariables ?? {})
  const effectiveRouteKey = routeOverride !== AUTO_ROUTE && Object.values(design.routes).some((r) => r.key === routeOverride) ? routeOverride : undefined

  const stageVars = parsePairs(stageVarsForStage)
  const authorizer = parsePairs(authorizerText)
  const headers = parsePairs(headersText)
  const query = parsePairs(queryText)
  const inputErrors = [
    ...stageVars.errors.map((e) => `Stage variables: ${e}`),
    ...authorizer.errors.map((e) => `Authorizer fields: ${e}`),
    ...headers.errors.map((e) => `Headers: ${e}`),
    ...query.errors.map((e) => `Query string: ${e}`),
  ]

  const input: TestMessageInput = useMemo(
    () => ({
      message,
      routeKey: effectiveRouteKey,
      context: {
        connectionId,
        ...(stage ? { stage: stage.name } : {}),
        authorizer: authorizer.values,
      },
      stageVariables: stageVars.values,
      params: { header: headers.values, querystring: query.values },
    }),
    // The parsed maps are recomputed each render; they are keyed on their source text.
    [message, effectiveRouteKey, connectionId, stage?.name, authorizerText, stageVarsForStage, headersText, queryText],
  )
  const deferredInput = useDeferredValue(input)
  const deferredDesign = useDeferredValue(design)
  const outcome = useMemo((): { ok: true; result: TestMessageResult } | { ok: false; message: string } => {
    try {
      return { ok: true, result: testMessage(deferredDesign, deferredInput) }
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) }
    }
  }, [deferredDesign, deferredInput])

  const messageIsJson = isJson(message)
  const routeKeys = Object.values(design.routes).map((r) => r.key)
  const showConnectParams = (effectiveRouteKey ?? (outcome.ok ? outcome.result.route?.key : undefined)) === '$connect'

  return (
    <div className="ss-panel nokey" data-testid="tester.panel">
      <div className="ss-panel-header">
        <span className="ss-panel-title">Message tester</span>
        <span className="ss-muted" data-testid="tester.expression">
          route selection <code>{design.api.routeSelectionExpression}</code>
        </span>
      </div>
      <div className="ss-columns">
        <div className="ss-column" style={{ flex: '1 1 40%' }}>
          <label className="ss-field">
            <span style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              Message {message.trim() === '' ? '(empty)' : messageIsJson ? '(JSON)' : '(raw text, not JSON)'}
              {messageIsJson ? (
                <button
                  type="button"
                  className="ss-button"
                  style={{ marginLeft: 'auto', padding: '0 6px', fontSize: 11 }}
                  data-testid="tester.format"
                  onClick={() => setMessage(JSON.stringify(JSON.parse(message), null, 2))}
                >
                  Format JSON
                </button>
              ) : null}
            </span>
            <textarea data-testid="tester.message" aria-label="Message to send" rows={6} spellCheck={false} value={message} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <label className="ss-field">
            <span>Route</span>
            <select data-testid="tester.route" value={routeOverride} onChange={(e) => setRouteOverride(e.target.value)}>
              <option value={AUTO_ROUTE}>Chosen by the route selection expression</option>
              {routeKeys.map((key) => (
                <option key={key} value={key}>
                  Force {key}
                </option>
              ))}
            </select>
          </label>
          <div style={{ display: 'flex', gap: 6 }}>
            <label className="ss-field" style={{ flex: 1 }}>
              <span>Connection id</span>
              <input data-testid="tester.context.connection-id" value={connectionId} onChange={(e) => setConnectionId(e.target.value)} />
            </label>
            <label className="ss-field" style={{ flex: 1 }}>
              <span>Stage</span>
              <select data-testid="tester.context.stage" value={stageId ?? ''} onChange={(e) => setStageId(e.target.value || undefined)} disabled={stageIds.length === 0}>
                {stageIds.length === 0 ? <option value="">(no stage)</option> : null}
                {stageIds.map((id) => (
                  <option key={id} value={id}>
                    {design.stages[id].name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="ss-field">
            <span>Stage variables (name=value per line)</span>
            <textarea
              data-testid="tester.context.stage-variables"
              rows={2}
              spellCheck={false}
              value={stageVarsForStage}
              onChange={(e) => setStageVarsText({ stageId, text: e.target.value })}
            />
          </label>
          <label className="ss-field">
            <span>Authorizer context ($context.authorizer.*, name=value per line)</span>
            <textarea data-testid="tester.context.authorizer" rows={2} spellCheck={false} value={authorizerText} onChange={(e) => setAuthorizerText(e.target.value)} />
          </label>
          {showConnectParams ? (
            <>
              <label className="ss-field">
                <span>$connect headers (name=value per line)</span>
                <textarea data-testid="tester.context.headers" rows={2} spellCheck={false} value={headersText} onChange={(e) => setHeadersText(e.target.value)} />
              </label>
              <label className="ss-field">
                <span>$connect query string (name=value per line)</span>
                <textarea data-testid="tester.context.querystring" rows={1} spellCheck={false} value={queryText} onChange={(e) => setQueryText(e.target.value)} />
              </label>
            </>
          ) : null}
          {inputErrors.length ? (
            <div className="ss-error-box" role="alert" data-testid="tester.input-errors" style={{ margin: 0 }}>
              {inputErrors.map((e) => (
                <div key={e}>{e}</div>
              ))}
            </div>
          ) : null}
        </div>
        {/* A scrolling region of plain text: focusable (tabIndex 0) so the keyboard can scroll it, and named. */}
        <div className="ss-column" style={{ flex: '1 1 60%' }} data-testid="tester.result" aria-live="polite" role="region" aria-label="Tester result" tabIndex={0}>
          {outcome.ok ? <ResultView design={design} result={outcome.result} message={deferredInput.message} connectionId={connectionId} /> : (
            <div className="ss-error-box" role="alert" data-testid="tester.result.error" style={{ margin: 0 }}>
              The tester failed: {outcome.message}
            </div>
          )}
        </div>
      </div>
    </div>
  )
}

/** A request id in API Gateway's shape; the tester sends nothing, so it is a fixed sample. */
const SAMPLE_REQUEST_ID = 'SaMpLeReQuEsTiD='

function ResultView({ design, result, message, connectionId }: { design: Design; result: TestMessageResult; message: string; connectionId: string }) {
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  const others = result.diagnostics.filter((d) => d.severity !== 'error')
  const integration = ownEntry(design.integrations, result.integrationId)
  const route = result.route ? ownEntry(design.routes, result.route.id) : undefined
  // $connect and $disconnect carry no message body (an HTTP upgrade, a close): nothing to validate.
  const validation: ValidationOutcome = route && route.key !== '$connect' && route.key !== '$disconnect' ? validateBody(design, route, message) : { checked: false }
  const rejected = validation.checked && !validation.ok
  return (
    <>
      <div className="ss-result-block">
        <h4>Route</h4>
        {result.route ? (
          <>
            <div className="ss-route-key" data-testid="tester.result.route" data-route-id={result.route.id}>
              {result.route.key}
            </div>
            <div className="ss-muted" data-testid="tester.result.route-reason">
              {result.route.reason}
            </div>
          </>
        ) : (
          <div className="ss-sev-error" data-testid="tester.result.route" data-route-id="">
            No route
          </div>
        )}
      </div>
      {result.route ? (
        <div className="ss-result-block">
          <h4>Integration and template</h4>
          {result.integrationId ? (
            <div data-testid="tester.result.integration">
              {result.integrationId} <span className="ss-muted">({integration?.type})</span>
            </div>
          ) : null}
          {result.template ? (
            <div data-testid="tester.result.template" data-kind={result.template.kind} data-key={result.template.kind === 'template' ? result.template.key : ''}>
              {result.template.kind === 'template' ? (
                <>
                  template <code>{result.template.key}</code>
                </>
              ) : result.template.kind === 'passthrough' ? (
                'no template: message passed through'
              ) : result.template.kind === 'rejected' ? (
                <span className="ss-sev-error">message rejected</span>
              ) : (
                'no template (proxy integration)'
              )}
              <div className="ss-muted" data-testid="tester.result.template-reason">
                {result.template.reason}
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      {validation.checked ? <ModelView outcome={validation} frame={errorFrame(INVALID_BODY, connectionId, SAMPLE_REQUEST_ID)} /> : null}
      {errors.length ? <DiagnosticsView diagnostics={errors} testId="tester.result.error" /> : null}
      {result.request && !rejected ? (
        <div className="ss-result-block">
          <h4>
            Integration request {result.request.isJson ? '(JSON, pretty-printed)' : result.request.body === '' ? '(empty)' : '(text)'}
          </h4>
          <pre className="ss-code" data-testid="tester.result.rendered" data-json={result.request.isJson}>
            {result.request.pretty}
          </pre>
        </div>
      ) : null}
      {others.length ? <DiagnosticsView diagnostics={others} testId="tester.result.note" /> : null}
    </>
  )
}

function ModelView({ outcome, frame }: { outcome: Extract<ValidationOutcome, { checked: true }>; frame: string }) {
  const model = outcome.model ? <code>{outcome.model}</code> : 'no model'
  return (
    <div className="ss-result-block" data-testid="tester.result.model" data-ok={outcome.ok} data-model={outcome.model ?? ''}>
      <h4>Request model</h4>
      {outcome.ok ? (
        <div>
          {model} (key <code>{outcome.key}</code>) accepts the message
        </div>
      ) : (
        <>
          <div className="ss-sev-error" role="alert">
            {model}
            {outcome.key !== undefined ? (
              <>
                {' '}
                (key <code>{outcome.key}</code>)
              </>
            ) : null}{' '}
            rejects the message: API Gateway answers without calling the integration
          </div>
          <ul style={{ margin: '4px 0' }}>
            {outcome.errors.map((e, i) => (
              <li key={`${i}:${e}`} data-testid="tester.result.model-error">
                {e}
              </li>
            ))}
          </ul>
          <pre className="ss-code" data-testid="tester.result.rejection">
            {frame}
          </pre>
        </>
      )}
    </div>
  )
}

function DiagnosticsView({ diagnostics, testId }: { diagnostics: Diagnostic[]; testId: string }) {
  return (
    <ul className="ss-result-block" style={{ listStyle: 'none', margin: 0 }} role={testId.endsWith('error') ? 'alert' : undefined}>
      {diagnostics.map((d, i) => (
        <li key={`${d.code}:${i}`} data-testid={testId} data-code={d.code} data-line={d.range?.line ?? ''}>
          <span className={d.severity === 'error' ? 'ss-sev-error' : d.severity === 'warning' ? 'ss-sev-warning' : 'ss-sev-info'}>{d.code}</span>{' '}
          {d.range ? `line ${d.range.line}, column ${d.range.column}: ` : ''}
          {d.message}
          {d.field ? <span className="ss-muted"> — {d.field}</span> : null}
        </li>
      ))}
    </ul>
  )
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** A message that reaches the selected route when the expression is `$request.body.<field>`, else the default sample. */
function initialMessage(design: Design, routeKey: string | undefined): string {
  const field = /^\$request\.body\.([A-Za-z_][\w]*)$/.exec(design.api.routeSelectionExpression)?.[1]
  if (field && routeKey && !routeKey.startsWith('$')) {
    return JSON.stringify({ [field]: routeKey, message: 'hello world' }, null, 2)
  }
  if (routeKey === '$connect' || routeKey === '$disconnect') return ''
  return JSON.stringify(JSON.parse(DEFAULT_SAMPLE_MESSAGE), null, 2)
}

export default MessageTesterPanel
