/** Every diagnostic of the design; clicking one selects its entity and opens the template or field it names. */
import { memo } from 'react'
import { sortDiagnostics } from '../../model/diagnostics'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'

export const ProblemsPanel = memo(function ProblemsPanel() {
  const diagnostics = useDesigner((s) => s.diagnostics)
  // Until the first run (the check chunk loads after the first paint) there is no answer yet, not "no problems".
  const checked = useDesigner((s) => s.checkedDoc !== null || s.diagnostics.length > 0)
  const selected = useDesigner((s) => (s.selection.length === 1 ? s.selection[0] : undefined))
  const store = useDesignerStoreApi()
  // The selected entity's problems first, then the rest; each group in a stable order.
  const sorted = sortDiagnostics(diagnostics)
  const ordered = selected ? [...sorted.filter((d) => d.entity === selected), ...sorted.filter((d) => d.entity !== selected)] : sorted
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length
  return (
    <div className="problems" data-testid="problems.panel">
      <div className="problems-summary" data-testid="problems.summary">
        {!checked ? 'Checking the design…' : diagnostics.length === 0 ? 'No problems found.' : `${errors} error(s), ${warnings} warning(s), ${diagnostics.length - errors - warnings} info`}
      </div>
      <ul className="problems-list">
        {ordered.map((d, i) => (
          <li key={`${d.code}-${d.entity}-${d.field}-${i}`} className={d.entity && d.entity === selected ? 'current' : undefined}>
            <button type="button" data-testid={`problems.item.${i}`} data-code={d.code} data-entity={d.entity ?? ''} onClick={() => store.getState().focusDiagnostic(d)}>
              <span className={`sev sev-${d.severity}`}>{d.severity}</span>
              <span className="code">{d.code}</span>
              <span className="message" title={d.message}>
                {d.message}
              </span>
              {d.entity && (
                <bdi className="where truncate" title={`${d.entity}${d.field ? ` · ${d.field}` : ''}`}>
                  {d.entity}
                  {d.field ? ` · ${d.field}` : ''}
                </bdi>
              )}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
})
