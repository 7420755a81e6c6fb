import type { DemoUser, Session } from '../../api/types'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useSession } from './index'

const ada: Session = { subject: 'ada', name: 'Ada Lovelace', expiresAt: 1_764_780_000_000, categories: null }
const demoUsers: DemoUser[] = [{ subject: 'ada', name: 'Ada Lovelace', categories: null }]

type Answer = { status: number, body?: unknown } | 'unreachable'

/** The edge's answers by "METHOD path"; every call is recorded with its headers. */
function edge(answers: Record<string, Answer>) {
  const calls: { key: string, headers: Record<string, string> }[] = []
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const key = `${init.method ?? 'GET'} ${url}`
    calls.push({ key, headers: init.headers as Record<string, string> })
    const answer = answers[key] ?? { status: 404, body: { error: 'not_found', reason: 'no such path' } }
    if (answer === 'unreachable')
      throw new TypeError('Failed to fetch')
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status })
  }))
  return calls
}

const unauthorized = { status: 401, body: { error: 'unauthorized', reason: 'no session' } }

beforeEach(() => vi.unstubAllGlobals())
afterEach(() => vi.unstubAllGlobals())

describe('useSession', () => {
  it('starts as checking and is signed in by a session the cookie still carries', async () => {
    edge({ 'GET /api/session': { status: 200, body: ada } })
    const { session, status, error, refresh } = useSession()
    expect(status.value).toBe('checking')
    await refresh()
    expect(status.value).toBe('signed-in')
    expect(session.value).toEqual(ada)
    expect(error.value).toBeNull()
  })

  it('is signed out without an error when there is no session, and lists the demo users', async () => {
    edge({ 'GET /api/session': unauthorized, 'GET /api/dev/users': { status: 200, body: demoUsers } })
    const { status, error, demoUsers: users, refresh } = useSession()
    await refresh()
    expect(status.value).toBe('signed-out')
    expect(error.value).toBeNull()
    expect(users.value).toEqual(demoUsers)
  })

  it('says why when the edge cannot be reached, and offers no demo users without a dev issuer', async () => {
    edge({ 'GET /api/session': 'unreachable', 'GET /api/dev/users': 'unreachable' })
    const { status, error, demoUsers: users, refresh } = useSession()
    await refresh()
    expect(status.value).toBe('signed-out')
    expect(error.value).toBe('The live service cannot be reached')
    expect(users.value).toEqual([])
  })

  it('shows the edge\'s reason when it refuses a pasted token, and stays signed out', async () => {
    const calls = edge({
      'GET /api/session': unauthorized,
      'POST /api/session': { status: 401, body: { error: 'unauthorized', reason: 'token expired' } },
    })
    const { status, error, refresh, signInWithToken } = useSession()
    await refresh()
    await signInWithToken('  eyJ.token.sig \n')
    expect(status.value).toBe('signed-out')
    expect(error.value).toBe('token expired')
    expect(calls.find(call => call.key === 'POST /api/session')?.headers.Authorization).toBe('Bearer eyJ.token.sig')
  })

  it('signs in as a demo user', async () => {
    const calls = edge({ 'POST /api/dev/session': { status: 200, body: ada } })
    const { session, status, signInAsDemoUser } = useSession()
    await signInAsDemoUser('ada')
    expect(status.value).toBe('signed-in')
    expect(session.value?.subject).toBe('ada')
    expect(calls.map(call => call.key)).toEqual(['POST /api/dev/session'])
  })

  it('signs out locally even when the edge cannot be told', async () => {
    edge({ 'POST /api/dev/session': { status: 200, body: ada }, 'DELETE /api/session': 'unreachable' })
    const { session, status, error, signInAsDemoUser, signOut } = useSession()
    await signInAsDemoUser('ada')
    await signOut()
    expect(status.value).toBe('signed-out')
    expect(session.value).toBeNull()
    expect(error.value).toBeNull()
  })

  it('ends the session with the reason the stream gave', async () => {
    edge({ 'POST /api/dev/session': { status: 200, body: ada } })
    const { session, status, error, signInAsDemoUser, expire } = useSession()
    await signInAsDemoUser('ada')
    expire('your session expired; sign in again')
    expect(status.value).toBe('signed-out')
    expect(session.value).toBeNull()
    expect(error.value).toBe('your session expired; sign in again')
  })
})
