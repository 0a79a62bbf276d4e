/** Transient messages: refusals, failures and confirmations. Errors stay longer (12 s) than others (5 s); hovering keeps them. */
import { memo, useEffect, useState } from 'react'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'

export const ERROR_MS = 12_000
export const OTHER_MS = 5_000

export const Notices = memo(function Notices() {
  const notices = useDesigner((s) => s.notices)
  const store = useDesignerStoreApi()
  const [hovered, setHovered] = useState(false)
  useEffect(() => {
    if (hovered) return
    const timers = notices.map((n) => setTimeout(() => store.getState().dismissNotice(n.id), n.kind === 'error' ? ERROR_MS : OTHER_MS))
    return () => timers.forEach(clearTimeout)
  }, [notices, store, hovered])
  if (!notices.length) return null
  return (
    <div className="notices" role="status" aria-live="polite" onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-testid={`notice.${n.kind}`}>
          <span>{n.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" data-testid="notice.dismiss" onClick={() => store.getState().dismissNotice(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  )
})
