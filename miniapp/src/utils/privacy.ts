import Taro from '@tarojs/taro';

/**
 * WeChat's privacy check (app.config `__usePrivacyCheck__`): before the first privacy API call
 * (getLocation) WeChat asks us to show our own consent dialog and waits for resolve(). The browser
 * and old WeChat versions have no such hook; there nothing is ever pending.
 */
type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;
type Register = (listener: (resolve: Resolve) => void) => void;

/** WeChat checks that the button with this id (open-type agreePrivacyAuthorization) was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

let pending: Resolve | null = null;
let installed = false;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of [...listeners]) listener();
}

export function installPrivacyConsent(): void {
  if (installed) return;
  const register = (Taro as unknown as { onNeedPrivacyAuthorization?: Register }).onNeedPrivacyAuthorization;
  if (typeof register !== 'function') return;
  installed = true;
  register.call(Taro, (resolve) => {
    pending = resolve;
    notify();
  });
}

export function privacyConsentPending(): boolean {
  return pending !== null;
}

export function onPrivacyConsentChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells WeChat the dialog is on screen (it counts exposures for its review). */
export function reportPrivacyDialogShown(): void {
  pending?.({ event: 'exposureAuthorization' });
}

export function answerPrivacyConsent(agreed: boolean): void {
  const resolve = pending;
  pending = null;
  resolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
  notify();
}
