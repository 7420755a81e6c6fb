import type { ShallowRef } from 'vue'
import type { DemoUser, Session } from '../../api/types'
import { shallowRef } from 'vue'
import { api, ApiError } from '../../api/http'

export type SessionStatus = 'checking' | 'signed-out' | 'signed-in'

export interface UseSessionReturn {
  session: ShallowRef<Session | null>
  status: ShallowRef<SessionStatus>
  /** Why the last sign-in failed or the session ended; shown on the sign-in screen. */
  error: ShallowRef<string | null>
  /** The dev issuer's demo users; empty when the edge has no dev issuer (anything but 200). */
  demoUsers: ShallowRef<readonly DemoUser[]>
  refresh: () => Promise<void>
  signInAsDemoUser: (subject: string) => Promise<void>
  signInWithToken: (token: string) => Promise<void>
  signOut: () => Promise<void>
  /** Drops the session locally, e.g. after the stream's `auth-expired`. */
  expire: (reason: string) => void
}

/** The buyer's session: the edge keeps it in an HttpOnly cookie, so this only ever sees its JSON. */
export function useSession(): UseSessionReturn {
  const session = shallowRef<Session | null>(null)
  const status = shallowRef<SessionStatus>('checking')
  const error = shallowRef<string | null>(null)
  const demoUsers = shallowRef<readonly DemoUser[]>([])

  function signedIn(value: Session) {
    session.value = value
    error.value = null
    status.value = 'signed-in'
  }

  async function signedOut(reason: string | null) {
    session.value = null
    error.value = reason
    status.value = 'signed-out'
    demoUsers.value = await api.devUsers().catch(() => [])
  }

  const describe = (cause: unknown) =>
    cause instanceof ApiError ? cause.message : 'The live service cannot be reached'

  async function attempt(signIn: () => Promise<Session>) {
    try {
      signedIn(await signIn())
    }
    catch (cause) {
      error.value = describe(cause)
    }
  }

  async function refresh() {
    try {
      signedIn(await api.session())
    }
    catch (cause) {
      await signedOut(cause instanceof ApiError && cause.status === 401 ? null : describe(cause))
    }
  }

  return {
    session,
    status,
    error,
    demoUsers,
    refresh,
    signInAsDemoUser: subject => attempt(() => api.signInAsDemoUser(subject)),
    signInWithToken: token => attempt(() => api.signInWithToken(token.trim())),
    async signOut() {
      // Signed out locally even if the edge is unreachable: the cookie then expires on its own.
      await api.signOut().catch(() => undefined)
      await signedOut(null)
    },
    expire: reason => void signedOut(reason),
  }
}
