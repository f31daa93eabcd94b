import {
  ApiPaths,
  pathOf,
  type ConsolePollRequest,
  type ConsolePollResult,
  type ConsoleSessionView,
  type ConsoleSignInStart,
  type ConsoleSignInView,
} from '@wfh/shared';
import { apiRequest } from './client';
import { startSession } from './session';

// ---- the PC's side: nobody is signed in yet, the poll secret is the proof ----

/** A new sign-in code for this PC. */
export function startConsoleSignIn(): Promise<ConsoleSignInStart> {
  return apiRequest<ConsoleSignInStart>({ method: 'POST', path: ApiPaths.consoleSignIns, auth: false, quiet: true });
}

/**
 * Asks whether she has confirmed on her phone. The answer that carries her session is the only one
 * that ever will: it starts the session here at once, before anything else can lose it.
 */
export async function pollConsoleSignIn(id: string, pollToken: string): Promise<ConsolePollResult> {
  const body: ConsolePollRequest = { pollToken };
  const result = await apiRequest<ConsolePollResult>({
    method: 'POST',
    path: pathOf(ApiPaths.consoleSignInPoll, { id }),
    data: body,
    auth: false,
    quiet: true,
  });
  if (result.state === 'confirmed') startSession(result.tokens, 'console');
  return result;
}

// ---- her phone's side ----

export function fetchConsoleSignIn(id: string): Promise<ConsoleSignInView> {
  return apiRequest<ConsoleSignInView>({ path: pathOf(ApiPaths.consoleSignIn, { id }), quiet: true });
}

export function confirmConsoleSignIn(id: string): Promise<ConsoleSignInView> {
  return apiRequest<ConsoleSignInView>({ method: 'POST', path: pathOf(ApiPaths.consoleSignInConfirm, { id }) });
}

export function refuseConsoleSignIn(id: string): Promise<void> {
  return apiRequest<void>({ method: 'POST', path: pathOf(ApiPaths.consoleSignInRefuse, { id }) });
}

export function fetchMyConsoleSessions(): Promise<ConsoleSessionView[]> {
  return apiRequest<ConsoleSessionView[]>({ path: ApiPaths.myConsoleSessions });
}

export function endConsoleSession(id: string): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: pathOf(ApiPaths.myConsoleSession, { id }) });
}
