/** Shown when another tab saved the same design: nothing is overwritten until the person chooses. */
import { useDesigner } from '../../store/StoreProvider'

export function ConflictBanner({ onLoadTheirs, onKeepMine }: { onLoadTheirs: () => void; onKeepMine: () => void }) {
  const p = useDesigner((s) => s.persistence)
  if (p.status !== 'conflict' && p.status !== 'error') return null
  return (
    <div className={`banner banner-${p.status}`} role="alert" data-testid={`banner.${p.status}`}>
      <span>{p.message}</span>
      {p.status === 'conflict' && (
        <>
          <button type="button" className="button" data-testid="banner.load-theirs" onClick={onLoadTheirs}>
            Load the other tab’s version
          </button>
          <button type="button" className="button danger" data-testid="banner.keep-mine" onClick={onKeepMine}>
            Keep this version (overwrite)
          </button>
        </>
      )}
    </div>
  )
}
