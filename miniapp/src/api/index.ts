export { apiRequest, REQUEST_TIMEOUT_MS, showError, type RequestOptions } from './client';
export { ApiError, NETWORK_ERROR, NETWORK_MESSAGE, type ApiErrorCode } from './errors';
export { listDemoPeople, signInAsDemoPerson, signInWithWechat, signOut } from './auth';
export { fetchMe, onMeUpdated, setHome } from './me';
export {
  fetchFederation,
  fetchFederationSites,
  fetchProvinces,
  fetchRegion,
  fetchRegionChildren,
  fetchSite,
  findNearest,
  searchPlaces,
} from './places';
export { hasSession, onSessionChange, signedOutByUser } from './session';
export {
  actOnRequest,
  fetchCategories,
  fetchInbox,
  fetchMyRequests,
  fetchRequest,
  submitRequest,
  type PostableAction,
  type RequestActionInputs,
} from './requests';
export { endCover, fetchCover, fetchMembers, setCover, submitOnBehalf } from './workbench';
