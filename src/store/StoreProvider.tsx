/** One designer store per provider; components read it through narrow selectors. */
import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { DesignerState, DesignerStore } from './createDesignerStore'

const StoreContext = createContext<DesignerStore | null>(null)

export function DesignerStoreProvider({ store, children }: { store: DesignerStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

export function useDesignerStoreApi(): DesignerStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useDesigner must be used inside <DesignerStoreProvider>')
  return store
}

/** Subscribes to one slice of the store. Return primitives or stable objects (or wrap with useShallow). */
export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerStoreApi(), selector)
}

/** Store actions without subscribing to state (actions never change). */
export function useActions(): DesignerState {
  return useDesignerStoreApi().getState()
}
