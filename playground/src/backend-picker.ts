import { DEMO_ACCOUNT } from 'togglkit/mock'
import { REAL_API_ORIGIN, REAL_API_PREFIX } from '../common/routes.ts'
import type { Backend, BackendKind, Backends } from './backend.ts'
import { byTestId } from './dom.ts'
import { readSession, writeSession } from './session-store.ts'
import type { TokenKeeper } from './token.ts'

/**
 * The switch between the fake and the real API, with the token field the real one needs. Returns
 * the backend to start with (the tab's last choice); `onChange` hears every later switch, and a
 * new token for the real API.
 */
export function bindBackendPicker(backends: Backends, tokens: TokenKeeper, onChange: (backend: Backend) => void): Backend {
  const fakeChoice = byTestId('backend-fake', HTMLInputElement)
  const realChoice = byTestId('backend-real', HTMLInputElement)
  const description = byTestId('backend-description', HTMLElement)
  const realSettings = byTestId('real-settings', HTMLElement)
  const tokenInput = byTestId('token', HTMLInputElement)
  const remember = byTestId('remember-token', HTMLInputElement)
  const forget = byTestId('forget-token', HTMLButtonElement)

  const pick = (kind: BackendKind): Backend => {
    const backend = kind === 'real' && backends.real ? backends.real : backends.fake
    fakeChoice.checked = backend.kind === 'fake'
    realChoice.checked = backend.kind === 'real'
    realSettings.hidden = backend.kind !== 'real'
    description.textContent =
      backend.kind === 'real'
        ? `${REAL_API_ORIGIN}, through the dev server's proxy at ${REAL_API_PREFIX}/: real requests, real quota.`
        : `The built-in fake, running ${backend.fake?.where ?? 'here'}, signed in as ${DEMO_ACCOUNT.email}.`
    writeSession('backend', backend.kind)
    return backend
  }

  if (!backends.real) {
    realChoice.disabled = true
    byTestId('real-unavailable', HTMLElement).hidden = false
  }
  tokenInput.value = tokens.token ?? ''
  remember.checked = tokens.remembered
  const rememberToken = () => tokens.update(tokenInput.value, remember.checked)
  tokenInput.addEventListener('input', rememberToken)
  remember.addEventListener('change', rememberToken)
  tokenInput.addEventListener('change', () => backends.real && onChange(backends.real))
  forget.addEventListener('click', () => {
    tokens.forget()
    tokenInput.value = ''
    remember.checked = false
    if (backends.real) onChange(backends.real)
  })
  for (const choice of [fakeChoice, realChoice]) {
    choice.addEventListener('change', () => onChange(pick(choice.value === 'real' ? 'real' : 'fake')))
  }
  return pick(readSession('backend') === 'real' ? 'real' : 'fake')
}
