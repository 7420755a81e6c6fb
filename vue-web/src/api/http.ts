import type { ApiErrorBody, DemoUser, Session } from './types'

/** A failed call to the edge, carrying the HTTP status and the edge's reason text. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, reason: string) {
    super(reason)
    this.name = 'ApiError'
  }
}

/** fetch + JSON with the edge's error shape turned into an ApiError. Cookies go along because it is same-origin. */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { Accept: 'application/json', ...init.headers },
    credentials: 'same-origin',
  })
  if (!response.ok) {
    const body = await response.json().catch(() => null) as Partial<ApiErrorBody> | null
    throw new ApiError(response.status, body?.error ?? 'http', body?.reason ?? `${response.status} ${response.statusText}`)
  }
  return response.status === 204 ? undefined as T : await response.json() as T
}

export const api = {
  session: () => requestJson<Session>('/api/session'),
  signInWithToken: (token: string) =>
    requestJson<Session>('/api/session', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }),
  signOut: () => requestJson<void>('/api/session', { method: 'DELETE' }),
  devUsers: () => requestJson<DemoUser[]>('/api/dev/users'),
  signInAsDemoUser: (subject: string) =>
    requestJson<Session>('/api/dev/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ subject }),
    }),
  taxonomy: () => requestJson<{ categories: string[] }>('/api/taxonomy'),
}
