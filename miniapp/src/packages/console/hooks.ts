import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { consoleConfirmAddress, type ConsoleSignInStart } from '@wfh/shared';
import { ApiError, pollConsoleSignIn, startConsoleSignIn } from '../../api';
import { siteAddress } from '../../utils/platform';
import { Routes } from '../../utils/routes';

export type SignInPhase =
  | { kind: 'starting' }
  | { kind: 'showing'; code: ConsoleSignInStart; qrText: string }
  | { kind: 'expired' }
  | { kind: 'refused' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-in' };

/**
 * The PC's side of the QR sign-in: asks for a code, then polls until she confirms on her phone (the
 * session starts and the PC lands on her workbench), refuses, or the code runs out. A failed poll
 * (a blip in the office network, a busy server) is simply tried again; the code's own expiry, known
 * here from the server's answer, still ends the wait. Only the newest code polls: a new one, or
 * leaving the page, stops the old loop.
 */
export function useConsoleSignIn(): { phase: SignInPhase; renew: () => void } {
  const [phase, setPhase] = useState<SignInPhase>({ kind: 'starting' });
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = useCallback(() => {
    generation.current += 1;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const renew = useCallback(() => {
    stop();
    const mine = generation.current;
    const current = () => mine === generation.current;
    setPhase({ kind: 'starting' });

    const pollLater = (code: ConsoleSignInStart) => {
      timer.current = setTimeout(() => void pollOnce(code), code.pollSeconds * 1000);
    };
    const pollOnce = async (code: ConsoleSignInStart) => {
      try {
        const answer = await pollConsoleSignIn(code.id, code.pollToken);
        if (!current()) return;
        if (answer.state === 'confirmed') {
          setPhase({ kind: 'signed-in' });
          void Taro.reLaunch({ url: Routes.workbench });
        } else if (answer.state === 'pending') pollLater(code);
        else setPhase({ kind: answer.state });
      } catch (error) {
        if (!current()) return;
        const gone = error instanceof ApiError && error.status === 404;
        if (gone || Date.now() >= Date.parse(code.expiresAt)) setPhase({ kind: 'expired' });
        else pollLater(code);
      }
    };

    void startConsoleSignIn()
      .then((code) => {
        if (!current()) return;
        setPhase({ kind: 'showing', code, qrText: consoleConfirmAddress(siteAddress(), code.id) });
        pollLater(code);
      })
      .catch((error: unknown) => {
        if (current()) setPhase({ kind: 'failed', message: (error instanceof ApiError ? error : ApiError.network()).message });
      });
  }, [stop]);

  useEffect(() => {
    renew();
    return stop;
  }, [renew, stop]);

  return { phase, renew };
}
