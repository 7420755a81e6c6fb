import type { ShallowRef } from 'vue'
import { getCurrentScope, onScopeDispose, shallowRef } from 'vue'

/**
 * `Date.now()` as a ref refreshed every `interval` ms, so relative times ("2 min ago") age in a tab
 * that stays open all day without every row running its own timer.
 */
export function useNow(interval = 15_000): ShallowRef<number> {
  const now = shallowRef(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), interval)
  if (getCurrentScope())
    onScopeDispose(() => clearInterval(timer))
  return now
}
