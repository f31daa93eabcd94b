export { apiRequest, REQUEST_TIMEOUT_MS, type RequestOptions } from './client';
export { ApiError, NETWORK_ERROR, NETWORK_MESSAGE, type ApiErrorCode } from './errors';
export { listDemoPeople, signInAsDemoPerson, signInWithWechat, signOut } from './auth';
export { fetchMe } from './me';
export { hasSession, onSessionChange, signedOutByUser } from './session';
