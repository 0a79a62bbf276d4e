/**
 * The Live panel: runs the design in the page (the emulator core of `serve`, services in memory, Lambda in Web
 * Workers) or attaches to a running `serve`. Open and close connections, send messages, read the timeline (each
 * step expands to what it carried), see what the services hold, and save / replay message scripts. The canvas
 * outlines the route and integration the latest message went through.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { TimelineEvent } from '../../emulator'
import type { Design, Json } from '../../model/types'
import { setLiveHighlight } from '../canvas/liveHighlight'
import { parsePairs } from '../tester/pairs'
import { LiveController, needsServe } from './liveController'
import './live.css'

export interface LivePanelProps {
  design: Design
  /** Stores a script in the design (one undoable step). */
  onSaveScript: (name: string, script: Json) => void
}

let shared: LiveController | undefined
/** One controller per page: switching tabs keeps the session and its connections. */
function controller(): LiveController {
  shared ??= new LiveController()
  return shared
}

export function LivePanel({ design, onSaveScript }: LivePanelProps) {
  const live = controller()
  useSyncExternalStore(live.subscribe, live.getVersion)
  const [remoteUrl, setRemoteUrl] = useState('ws://127.0.0.1:3001/dev')
  const [queryText, setQueryText] = useState('')
  const [headersText, setHeadersText] = useState('')
  const [apiKey, setApiKey] = useState('')
  const [message, setMessage] = useState('{"action":"ping"}')
  const [selected, setSelected] = useState<string | undefined>()
  const [scriptName, setScriptName] = useState('script1')
  const designRef = useRef(design)

  useEffect(() => {
    if (designRef.current !== design) live.reload(design)
    designRef.current = design
  }, [design, live])

  useEffect(() => {
    setLiveHighlight(live.trail())
  })
  useEffect(() => () => setLiveHighlight([]), [])

  const open = live.connections.filter((c) => c.state === 'open')
  const current = live.connections.find((c) => c.id === selected && c.state === 'open') ?? open[open.length - 1]
  const query = parsePairs(queryText)
  const headers = parsePairs(headersText)
  const scripts = Object.keys(design.scripts ?? {})

  const connect = useCallback(async () => {
    await live.connect({ query: query.values, headers: headers.values, apiKey: apiKey || undefined })
    const last = live.connections[live.connections.length - 1]
    if (last) setSelected(last.id)
  }, [live, query.values, headers.values, apiKey])

  return (
    <div className="live" data-testid="live">
      <div className="live-bar">
        {live.mode === 'off' ? (
          <>
            <button type="button" className="primary" data-testid="live.start" onClick={() => live.startPage(design)}>
              Start in this page
            </button>
            <span className="live-or">or attach to serve at</span>
            <input aria-label="serve URL" value={remoteUrl} onChange={(e) => setRemoteUrl(e.target.value)} data-testid="live.remote-url" />
            <button type="button" data-testid="live.attach" onClick={() => live.startRemote(remoteUrl)}>
              Attach
            </button>
          </>
        ) : (
          <>
            <span className="live-status" data-testid="live.status">
              {live.mode === 'page' ? 'Running in this page' : `Attached to ${remoteUrl}`} · {open.length} open
            </span>
            <button type="button" data-testid="live.stop" onClick={() => live.stop()}>
              Stop
            </button>
            <button type="button" onClick={() => live.clearTimeline()}>
              Clear timeline
            </button>
          </>
        )}
        {live.mode !== 'remote' && needsServe(design) && (
          <span className="live-note" data-testid="live.needs-serve">
            {needsServe(design)}
          </span>
        )}
        {live.error && (
          <span className="live-error" role="alert" data-testid="live.error">
            {live.error}
          </span>
        )}
      </div>
      {live.mode !== 'off' && (
        <div className="live-grid">
          <section className="live-col" aria-label="Connections">
            <h4>Connect</h4>
            <label>
              Query string <input value={queryText} placeholder="token=letmein" onChange={(e) => setQueryText(e.target.value)} data-testid="live.query" />
            </label>
            <label>
              Headers <input value={headersText} placeholder="Authorization=Bearer x" onChange={(e) => setHeadersText(e.target.value)} data-testid="live.headers" />
            </label>
            <label>
              API key <input value={apiKey} onChange={(e) => setApiKey(e.target.value)} data-testid="live.api-key" />
            </label>
            {[...query.errors, ...headers.errors].map((e) => (
              <div key={e} className="live-error">
                {e}
              </div>
            ))}
            <button type="button" className="primary" data-testid="live.connect" onClick={() => void connect()}>
              Connect
            </button>
            <h4>Connections</h4>
            <ul className="live-conns" data-testid="live.connections">
              {live.connections.map((c) => (
                <li key={c.id} className={c.id === current?.id ? 'current' : ''}>
                  <button type="button" className="link" disabled={c.state !== 'open'} onClick={() => setSelected(c.id)} data-testid={`live.conn.${c.name}`}>
                    {c.name} · <code>{c.id}</code>
                  </button>{' '}
                  {c.state === 'open' ? (
                    <button type="button" onClick={() => void live.close(c.id)} data-testid={`live.close.${c.name}`}>
                      Close
                    </button>
                  ) : (
                    <span className="muted">closed {c.closeInfo}</span>
                  )}
                </li>
              ))}
            </ul>
            {current && (
              <>
                <h4>Send on {current.name}</h4>
                <textarea value={message} rows={3} onChange={(e) => setMessage(e.target.value)} aria-label="Message" data-testid="live.message" />
                <button type="button" className="primary" data-testid="live.send" onClick={() => void live.send(current.id, message)}>
                  Send
                </button>
                <h4>Received</h4>
                <ol className="live-received" data-testid="live.received">
                  {current.received.map((m, i) => (
                    <li key={i}>
                      <code>{m}</code>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
          <section className="live-col live-timeline" aria-label="Timeline">
            <h4>Timeline</h4>
            <ol data-testid="live.timeline">
              {live.events.slice(-300).map((e) => (
                <TimelineRow key={`${e.seq}-${e.at}`} event={e} />
              ))}
            </ol>
          </section>
          <section className="live-col" aria-label="State and scripts">
            <h4>State</h4>
            <button type="button" onClick={() => void live.refreshState()}>
              Refresh
            </button>
            <pre className="live-state" data-testid="live.state">
              {JSON.stringify(live.state, null, 2)}
            </pre>
            <h4>Scripts</h4>
            <ul className="live-scripts" data-testid="live.scripts">
              {scripts.map((name) => (
                <li key={name}>
                  {name}{' '}
                  <button type="button" data-testid={`live.run.${name}`} onClick={() => void live.runScript(design, name)}>
                    Run
                  </button>
                </li>
              ))}
            </ul>
            {live.lastScript && (
              <div className={`live-script-result ${live.lastScript.result.ok ? 'ok' : 'failed'}`} role="status" data-testid="live.script-result">
                {live.lastScript.name}: {live.lastScript.result.ok ? 'passed' : 'failed'}
                <ol>
                  {live.lastScript.result.steps.map((s) => (
                    <li key={s.index} className={s.ok ? '' : 'failed'}>
                      {s.summary}
                    </li>
                  ))}
                </ol>
              </div>
            )}
            <div className="live-save">
              <input aria-label="Script name" value={scriptName} onChange={(e) => setScriptName(e.target.value)} data-testid="live.script-name" />
              <button
                type="button"
                disabled={!live.recording.length || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(scriptName)}
                data-testid="live.save-script"
                onClick={() => {
                  onSaveScript(scriptName, { steps: live.recording as unknown as Json })
                  live.clearRecording()
                }}
              >
                Save {live.recording.length} recorded steps as a script
              </button>
            </div>
          </section>
        </div>
      )}
    </div>
  )
}

function TimelineRow({ event }: { event: TimelineEvent }) {
  const cls = `live-event kind-${event.kind}${event.error ? ' error' : ''}${event.unknown ? ' unknown' : ''}`
  const time = new Date(event.at).toISOString().slice(11, 23)
  const head = (
    <>
      <span className="t">{time}</span> <span className="k">{event.kind}</span> {event.summary}
      {event.unknown && <span className="unknown-tag"> · AWS behaviour unknown</span>}
    </>
  )
  return (
    <li className={cls} data-kind={event.kind}>
      {event.detail !== undefined ? (
        <details>
          <summary>{head}</summary>
          <pre>{typeof event.detail === 'string' ? event.detail : JSON.stringify(event.detail, null, 2)}</pre>
        </details>
      ) : (
        <div className="row">{head}</div>
      )}
    </li>
  )
}
