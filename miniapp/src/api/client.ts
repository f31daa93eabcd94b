import Taro from '@tarojs/taro';
import { ApiPaths, ERROR_MESSAGES, ErrorCode, type AuthTokens, type RefreshRequest } from '@wfh/shared';
import { apiBase, offersConsoleSignIn, seesUploadProgress } from '../utils/platform';
import { Routes } from '../utils/routes';
import { ApiError, apiErrorFromResponse, NETWORK_ERROR } from './errors';
import { accessTokenDue, endSession, isConsoleSession, readAccessToken, readRefreshToken, renewSession } from './session';
import { sendWatchingUpload, type Reply } from './upload';

export const REQUEST_TIMEOUT_MS = 10_000;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  path: string;
  data?: object;
  /** Send the signed-in person's token (default). Sign-in calls have none to send. */
  auth?: boolean;
  /** The caller shows the failure itself, so no toast. */
  quiet?: boolean;
  /** Extra headers, e.g. the Idempotency-Key that makes a retried POST safe. */
  headers?: Record<string, string>;
  /** 'text' for a file the server sends as it is (a CSV list); 'arraybuffer' for one to save (apiDownload); JSON by default. */
  dataType?: 'json' | 'text' | 'arraybuffer';
  /** A file sent as it is instead of JSON `data` (an import's spreadsheet). */
  file?: FileBody;
  /** For a call that may take long (a large import); REQUEST_TIMEOUT_MS otherwise. */
  timeoutMs?: number;
}

export interface FileBody {
  /** The browser's File, or the bytes the mini-program read. */
  data: Blob | ArrayBuffer;
  contentType: string;
  /** How much of it has gone, where the platform can tell (seesUploadProgress). */
  onUploadProgress?: (sent: number, total: number) => void;
}

/** A file the server sent: its bytes and the name its content-disposition gives it. */
export interface DownloadedFile {
  data: ArrayBuffer;
  fileName: string | null;
}

/** 401 codes after which the stored session is useless and she has to sign in again. */
const SESSION_LOST = new Set<string>([
  ErrorCode.Unauthenticated,
  ErrorCode.TokenExpired,
  ErrorCode.TokenInvalid,
  ErrorCode.RefreshTokenInvalid,
  ErrorCode.ConsoleSessionEnded,
  ErrorCode.ConsoleRoleRevoked,
]);

/**
 * Forgets a session the server no longer honours. A PC signed in by QR code goes straight back to
 * its code (ended on her phone, signed out in another tab, its working day over, her role revoked),
 * which says why: the console has no other way to sign in. True when it went there.
 */
function loseSession(code: string): boolean {
  const atConsole = offersConsoleSignIn && isConsoleSession();
  endSession('expired');
  if (atConsole) void Taro.reLaunch({ url: Routes.consoleSignInAgain(code) });
  return atConsole;
}

// Failures the PC's code page explains itself: no toast over the new QR code as well, from this
// call nor from the others sent with the same token at the same time (a page loads several).
const explainedByCodePage = new WeakSet<ApiError>();
let tokenLostAtConsole: string | null = null;

async function transport(options: RequestOptions, token: string | null): Promise<Reply> {
  const header: Record<string, string> = { ...options.headers };
  if (options.data !== undefined) header['Content-Type'] = 'application/json';
  if (options.file) header['Content-Type'] = options.file.contentType;
  if (token !== null) header.Authorization = `Bearer ${token}`;
  const request = { url: apiBase + options.path, method: options.method ?? 'GET', header, timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS };
  const { file } = options;
  // fetch, behind Taro.request in the browser, cannot tell how much of an upload has gone.
  if (file?.onUploadProgress && seesUploadProgress) return sendWatchingUpload({ ...request, body: file.data, onProgress: file.onUploadProgress });
  const binary = options.dataType === 'arraybuffer';
  let response: Reply;
  try {
    response = await Taro.request<unknown>({
      ...request,
      data: file ? file.data : options.data,
      dataType: binary ? 'text' : (options.dataType ?? 'json'),
      ...(binary ? { responseType: 'arraybuffer' as const } : {}),
    });
  } catch {
    // wx.request and fetch both reject only when no HTTP answer arrived (timeout, offline, DNS).
    throw ApiError.network();
  }
  // A refused download still says why, in JSON: read as text, the error carries the message.
  if (binary && (response.statusCode < 200 || response.statusCode >= 300)) return { ...response, data: textOf(response.data) };
  return response;
}

function textOf(data: unknown): unknown {
  if (Object.prototype.toString.call(data) !== '[object ArrayBuffer]') return data;
  const bytes = new Uint8Array(data as ArrayBuffer);
  if (typeof TextDecoder !== 'undefined') return new TextDecoder('utf-8').decode(bytes);
  // Not every WeChat base library has TextDecoder: percent-escape the bytes and let the URI decoder read the UTF-8.
  try {
    return decodeURIComponent(Array.from(bytes, (byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return null;
  }
}

/** The name in a content-disposition: the UTF-8 one (RFC 5987) when given, else the plain one. */
export function fileNameOf(header: Record<string, string> | undefined): string | null {
  const disposition = Object.entries(header ?? {}).find(([name]) => name.toLowerCase() === 'content-disposition')?.[1] ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      // A malformed name: the plain one below.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

// While one refresh is in flight every other expired request waits for it instead of starting its
// own: refresh tokens rotate, so a second concurrent refresh would present a token already spent.
let renewal: Promise<Renewal> | null = null;

/** How a renewal ended: renewed, or refused with the server's reason (its error code). */
type Renewal = { renewed: true } | { renewed: false; refusal: string };

async function refreshTokens(): Promise<Renewal> {
  const refreshToken = readRefreshToken();
  if (refreshToken === null) return { renewed: false, refusal: ErrorCode.RefreshTokenInvalid };
  const body: RefreshRequest = { refreshToken };
  try {
    const reply = await send({ method: 'POST', path: ApiPaths.authRefresh, data: body, auth: false }, false);
    renewSession(reply.data as AuthTokens);
    return { renewed: true };
  } catch (error) {
    if (error instanceof ApiError && error.code === NETWORK_ERROR) throw error;
    // The PC's code page says why in her words: its session ended, or she lost her console role.
    return { renewed: false, refusal: error instanceof ApiError ? error.code : ErrorCode.RefreshTokenInvalid };
  }
}

function renewAccessToken(expiredToken: string): Promise<Renewal> {
  // Another request already replaced the token this one was sent with: just use the new one.
  const current = readAccessToken();
  if (current !== null && current !== expiredToken) return Promise.resolve({ renewed: true });
  renewal ??= refreshTokens().finally(() => {
    renewal = null;
  });
  return renewal;
}

async function send(options: RequestOptions, mayRefresh: boolean): Promise<Reply> {
  let token = options.auth === false ? null : readAccessToken();
  if (token !== null && mayRefresh && accessTokenDue()) {
    // A refused refresh means her sessions were ended (elsewhere, or for a copied token): forget this
    // one, so the call goes out as from anyone signed out and her pages offer to sign in once.
    const renewed = await renewAccessToken(token);
    if (!renewed.renewed && readAccessToken() === token && loseSession(renewed.refusal)) tokenLostAtConsole = token;
    // A PC is on its way back to its code: nothing to send, nothing to show.
    if (tokenLostAtConsole === token) {
      const lost = new ApiError(401, ErrorCode.RefreshTokenInvalid, ERROR_MESSAGES[ErrorCode.RefreshTokenInvalid]);
      explainedByCodePage.add(lost);
      throw lost;
    }
    token = readAccessToken();
  }
  const response = await transport(options, token);
  if (response.statusCode >= 200 && response.statusCode < 300) return response;

  const error = apiErrorFromResponse(response.statusCode, response.data);
  let lostWith: string = error.code;
  if (token !== null && error.code === ErrorCode.TokenExpired && mayRefresh) {
    const renewed = await renewAccessToken(token);
    if (renewed.renewed) return send(options, false);
    lostWith = renewed.refusal;
  }
  // Only forget the session this request was sent with; a concurrent refresh may have replaced it.
  const lostSession = token !== null && error.status === 401 && SESSION_LOST.has(error.code);
  if (lostSession) {
    if (readAccessToken() === token && loseSession(lostWith)) tokenLostAtConsole = token;
    if (tokenLostAtConsole === token) explainedByCodePage.add(error);
  }
  throw error;
}

export function showError(error: ApiError): void {
  void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
}

async function sendShowingFailure(options: RequestOptions): Promise<Reply> {
  try {
    return await send(options, true);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : ApiError.network();
    if (!options.quiet && !explainedByCodePage.has(apiError)) showError(apiError);
    throw apiError;
  }
}

/** The one way the mini-program talks to the API. Failures are shown to her, then thrown. */
export async function apiRequest<T>(options: RequestOptions): Promise<T> {
  return (await sendShowingFailure(options)).data as T;
}

/** The same for a file to save (a template, an export): its bytes and its name. */
export async function apiDownload(options: Omit<RequestOptions, 'dataType'>): Promise<DownloadedFile> {
  const { data, header } = await sendShowingFailure({ ...options, dataType: 'arraybuffer' });
  return { data: data as ArrayBuffer, fileName: fileNameOf(header) };
}
